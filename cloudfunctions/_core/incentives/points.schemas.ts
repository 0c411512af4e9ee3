import * as z from 'zod';
import { field } from '../shared/fields';

export const StarStandingView = z.object({
  basis: z.enum(['cumulative', 'annual']).describe('累计时长，或当年时长'),
  hours: z.number().describe('计入星级的时长（小时，向下取到0.1）'),
  stars: z.number().int().describe('星数（0为未评星）'),
  label: z.string().describe('星级名称：一星…五星，或未评星'),
  reached: z.array(z.object({ stars: z.number().int(), label: z.string(), on: z.string().describe('达到的日期 YYYY-MM-DD') })),
  next: z.object({ stars: z.number().int(), label: z.string(), hours: z.number(), hoursLeft: z.number() }).nullable().describe('下一星级及还差的小时数'),
});

export const IncentiveSummaryView = z.object({
  points: z.number().int().describe('积分余额'),
  stars: StarStandingView,
  bank: z.object({
    minutes: z.number().int().describe('爱心时间银行余额（账本分钟，60为1个单位）'),
    text: z.string().describe('余额的读法：2小时，或12个时间币'),
    unitName: z.string(),
  }),
  rulesVersion: z.number().int().describe('所依据的本区激励规则版本（0为默认）'),
});

export const PointsLineView = z.object({
  entryId: z.number().int(),
  date: z.string().describe('入账日期 YYYY-MM-DD（北京时间）'),
  kind: z.enum(['award', 'reversal', 'write_off', 'other']).describe('award 获得积分；reversal 冲正；write_off 核减未追回；other 兑换等'),
  title: z.string().describe('这一笔是什么：如「4月3日 助老服务 2小时：服务2小时 × 每小时10分 20分，共20分」'),
  note: z.string().describe('冲正的原因等说明，可为空'),
  amount: z.number().int().describe('积分变动，正为增加'),
  balanceAfter: z.number().int().describe('这一笔之后的余额'),
  reversed: z.boolean().describe('这一笔已被冲正'),
});

export const PointsPassbookView = z.object({
  points: z.number().int(),
  lines: z.array(PointsLineView),
  nextBefore: z.number().int().nullable().describe('下一页的 before；没有更多时为空'),
});

export const PointsPageInput = z.object({
  before: z.number({ error: '翻页位置须为数字' }).int('翻页位置须为整数').min(1, '翻页位置须为正数').optional(),
  limit: field.int('每页条数', { min: 1, max: 50 }).default(20),
});

export const MemberIncentivesInput = z.object({ memberId: field.id('党员') });

export const MemberIncentivesView = IncentiveSummaryView.extend({
  memberName: z.string(),
  lines: z.array(PointsLineView).describe('最近的积分明细'),
});

export const SettleLedgerView = z.object({
  settled: z.number().int().describe('本次入账的记录和建议数'),
  waiting: z.number().int().describe('仍在排队的数目'),
});
