import { randomUUID } from 'node:crypto';
import * as z from 'zod';
import type { Database } from '../../db/database';
import { getDatabase } from '../../db/database-context';
import { defineAction, databaseTarget, grantsOf, requireCaller, type ActionTable } from '../../runtime';
import { commonErrors } from '../../shared/domain-error';
import { field } from '../../shared/fields';
import { tick } from '../worker/tick';
import { MOMENT_TEMPLATES, templatesById } from './templates';
import { wechatErrors } from './wechat.errors';

const MomentInput = z.object({
  moment: z.enum(Object.keys(MOMENT_TEMPLATES) as [keyof typeof MOMENT_TEMPLATES], { error: 'moment 须为 accept_order、post_need 或 submit_registration' }),
});

const GrantInput = z.object({
  results: z
    .array(
      z.object({
        templateId: field.text('templateId（订阅消息模板 id）', { max: 100 }),
        result: z.enum(['accept', 'reject', 'ban', 'filter'], { error: 'result 须为 accept、reject、ban 或 filter' }),
      }),
      { error: 'results 须为订阅结果列表' },
    )
    .max(5, 'results 一次最多5个模板'),
});

/** Part A: the subscribe-message templates to ask for at a moment, the credits a user granted, the queue's drain. */
export const subscriptionActions: ActionTable = {
  subscribeTemplates: defineAction({
    summary: '某个时刻（接单、发布需求、提交报到）要请用户订阅的一次性消息模板（最多3个；未配置时为空）',
    access: 'user',
    input: MomentInput,
    output: z.object({ templateIds: z.array(z.string()) }),
    errors: [],
    async run({ config }, input) {
      const templates = config.SUBSCRIBE_TEMPLATES;
      const templateIds = MOMENT_TEMPLATES[input.moment].flatMap((key) => (templates?.[key] ? [templates[key]!.id] : []));
      return { templateIds: templateIds.slice(0, 3) };
    },
  }),

  grantSubscriptions: defineAction({
    summary: '记录 wx.requestSubscribeMessage 的结果：每个同意的一次性模板可发送一条订阅消息',
    access: 'user',
    input: GrantInput,
    output: z.object({ credits: z.record(z.string(), z.number()) }),
    errors: ['SUBSCRIBE_UNKNOWN_TEMPLATE'],
    async run({ tx, caller, clock, config }, input) {
      const user = requireCaller(caller);
      const known = templatesById(config.SUBSCRIBE_TEMPLATES);
      const unknown = input.results.find((entry) => !known.has(entry.templateId));
      if (unknown) throw wechatErrors.error('SUBSCRIBE_UNKNOWN_TEMPLATE', `results 中的 templateId「${unknown.templateId}」不是本小程序配置的订阅消息模板`);
      const credits: Record<string, number> = {};
      for (const entry of input.results.filter((result) => result.result === 'accept')) {
        const [row] = await tx.query<{ credits: number }>(
          `insert into wechat_subscription_credits (user_id, template_id, credits, updated_at) values ($1, $2, 1, $3)
           on conflict (user_id, template_id) do update set credits = wechat_subscription_credits.credits + 1, updated_at = excluded.updated_at
           returning credits`,
          [user.userId, entry.templateId, clock.now()],
        );
        credits[entry.templateId] = row.credits;
      }
      return { credits };
    },
  }),

  runJobs: defineAction({
    summary: '区管理员立即处理到期的消息任务（演示与排查用）：答复处理的条数',
    access: 'user',
    input: z.object({}),
    output: z.object({ claimed: z.number(), done: z.number(), retried: z.number(), failed: z.number(), lost: z.number(), planners: z.number() }),
    errors: [],
    async run({ caller, clock, config, onCommit }) {
      if (grantsOf(requireCaller(caller), 'district_admin').length === 0) throw commonErrors.error('FORBIDDEN', '需要区（街道）党（工）委管理员身份');
      // The tick opens its own transactions, one per job: it runs after this call's (empty) transaction has closed.
      const counts = { claimed: 0, done: 0, retried: 0, failed: 0, lost: 0, planners: 0 };
      onCommit(async () => {
        const db: Database = await getDatabase(() => databaseTarget(config));
        const ran = await tick(db, clock.now(), { workerId: `manual:${randomUUID()}`, config });
        Object.assign(counts, { claimed: ran.claimed, done: ran.done, retried: ran.retried, failed: ran.failed, lost: ran.lost, planners: ran.planners });
      });
      return counts;
    },
  }),
};
