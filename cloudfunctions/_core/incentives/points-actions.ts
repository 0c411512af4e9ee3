import * as z from 'zod';
import { defineAction, type ActionTable } from '../runtime';
import { memberIncentives, myIncentives, myPoints, settleLedger } from './member-points';
import { IncentiveSummaryView, MemberIncentivesInput, MemberIncentivesView, PointsPageInput, PointsPassbookView, SettleLedgerView } from './points.schemas';

/** A member's 积分 and 星级, and the record valuation behind them (part B). */
export const pointsActions: ActionTable = {
  myIncentives: defineAction({
    summary: '我的激励：积分余额、星级（及到下一星级的进度）、爱心时间银行余额（党员）',
    access: 'user',
    input: z.object({}),
    output: IncentiveSummaryView,
    errors: [],
    run: (ctx) => myIncentives(ctx),
  }),
  myPoints: defineAction({
    summary: '我的积分明细：每一笔因何而得（冲正、核减一并列出），新的在前，可往前翻页（党员）',
    access: 'user',
    input: PointsPageInput,
    output: PointsPassbookView,
    errors: [],
    run: myPoints,
  }),
  memberIncentives: defineAction({
    summary: '查看一位党员的积分、星级和时间银行余额（本社区书记或本区管理员）',
    access: 'user',
    input: MemberIncentivesInput,
    output: MemberIncentivesView,
    errors: ['POINTS_MEMBER_NOT_FOUND'],
    run: memberIncentives,
  }),
  settleLedger: defineAction({
    summary: '立即入账：把本区排队中的服务记录和被采纳建议的积分、时间银行存入记入账本（区管理员）',
    access: 'user',
    input: z.object({}),
    output: SettleLedgerView,
    errors: [],
    run: (ctx) => settleLedger(ctx),
  }),
};
