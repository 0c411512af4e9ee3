import * as z from 'zod';

export const PresetsView = z.object({
  presets: z.array(z.object({ key: z.string(), name: z.string(), source: z.string(), document: z.unknown() })),
});
