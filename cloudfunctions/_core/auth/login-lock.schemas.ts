import * as z from 'zod';
import { field } from '../shared/fields';

export const LiftLoginLockInput = z.object({ userId: field.id('账号') });

export const LoginLockView = z.object({
  userId: z.string(),
  name: z.string(),
  phoneMasked: z.string(),
  /** When the lock ends by itself (ISO instant). */
  lockedUntil: z.string(),
});

export const LiftedLoginLockView = z.object({
  userId: z.string(),
  /** False when the account was not locked (nothing to lift, nothing recorded). */
  lifted: z.boolean(),
});

export type LiftLoginLockInput = z.infer<typeof LiftLoginLockInput>;
export type LoginLockView = z.infer<typeof LoginLockView>;
