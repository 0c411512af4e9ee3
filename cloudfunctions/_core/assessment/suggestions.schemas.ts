import * as z from 'zod';
import { field } from '../shared/fields';
import { SUGGESTION_BODY, SUGGESTION_CATEGORIES } from './suggestion-categories';

export { SUGGESTION_BODY, SUGGESTION_CATEGORIES };
export const SUGGESTION_STATUSES = ['submitted', 'replied', 'forwarded', 'adopted', 'withdrawn'] as const;
export const SUGGESTION_DECISIONS = ['reply', 'forward', 'adopt'] as const;

export const SubmitSuggestionInput = z.object({
  category: field.oneOf('建议类别', SUGGESTION_CATEGORIES),
  body: field.text('建议内容', SUGGESTION_BODY),
});

export const SuggestionIdInput = z.object({ suggestionId: field.id('建议') });

export const MySuggestionsInput = z.object({ page: field.page() });

export const ListSuggestionsInput = z.object({
  /** Only for a district admin, who manages several communities. */
  communityId: field.id('社区').optional(),
  status: field.oneOf('建议状态', SUGGESTION_STATUSES).optional(),
  page: field.page(),
});

/** reply: answer it; forward: pass it to whoever can act on it (a note to the member is optional); adopt: take it up, saying how. */
export const HandleSuggestionInput = z
  .object({
    suggestionId: field.id('建议'),
    decision: field.oneOf('处理方式', SUGGESTION_DECISIONS),
    reply: field.optionalText('答复内容', 500),
    forwardedTo: field.optionalText('转交单位', 60),
  })
  .superRefine((input, ctx) => {
    if (input.decision !== 'forward' && !input.reply) ctx.addIssue({ code: 'custom', message: '请填写答复内容', path: ['reply'] });
    if (input.decision === 'forward' && !input.forwardedTo) ctx.addIssue({ code: 'custom', message: '请填写转交单位', path: ['forwardedTo'] });
  });

export const SuggestionView = z.object({
  id: z.string(),
  category: z.string(),
  body: z.string(),
  status: z.enum(SUGGESTION_STATUSES),
  reply: z.string().nullable(),
  forwardedTo: z.string().nullable(),
  submittedAt: z.string(),
  handledAt: z.string().nullable(),
  member: z.object({ id: z.string(), name: z.string(), gridName: z.string().nullable() }),
  communityName: z.string(),
});

export const SuggestionPage = z.object({
  items: z.array(SuggestionView),
  total: z.number(),
  /** How many of the community's suggestions wait for an answer (submitted, whatever the filter). */
  waiting: z.number(),
});

export const MySuggestionPage = z.object({
  items: z.array(SuggestionView),
  total: z.number(),
  /** Suggestions of this Beijing year that count toward the rule (every one but those withdrawn). */
  countedThisYear: z.number(),
});

export type SuggestionView = z.output<typeof SuggestionView>;
export type HandleSuggestionInput = z.output<typeof HandleSuggestionInput>;
