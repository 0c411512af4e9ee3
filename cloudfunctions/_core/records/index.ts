import * as z from 'zod';
import { defineAction, type ActionTable } from '../runtime';
import { field } from '../shared/fields';
import { disputeRecord, listDisputes, myDisputes, resolveDispute } from './disputes';
import { hoursQueues, orderHours } from './order-hours';
import { confirmForResident } from './resident-confirmation';
import { addWalkIn } from './walk-ins';
import { correctRecord, enterRecord, recordHistory } from './hand-entries';
import { listCommunityRecords, listMyRecords } from './list-records';
import { recordErrors } from './records.errors';
import {
  AddWalkInInput,
  CommunityInput,
  ConfirmForResidentInput,
  CutRecordInput,
  DisputeList,
  HoursQueuesView,
  OrderHoursView,
  OrderIdInput,
  RecordDetailView,
  ApproveRecordInput,
  CorrectRecordInput,
  DisputeInput,
  DisputeView,
  EnterRecordInput,
  ListDisputesInput,
  RecordIdInput,
  ResolveDisputeInput,
  CloseMissingCheckoutInput,
  ListCommunityRecordsInput,
  ListMyRecordsInput,
  MissingCheckoutView,
  MyHoursView,
  RecordPage,
  RecordView,
  SelfEvaluateInput,
} from './records.schemas';
import { approveRecord, closeMissingCheckout, cutRecord, listMissingCheckouts, selfEvaluate } from './review-records';

export { recordErrors };
export * from './records.schemas';

export const recordActions: ActionTable = {
  myHours: defineAction({
    summary: '我的服务时长：本年度对照目标、分季度、扫码与补录分开，以及服务记录',
    access: 'user',
    input: ListMyRecordsInput,
    output: MyHoursView,
    errors: [],
    run: listMyRecords,
  }),
  listForCommunity: defineAction({
    summary: '本社区出具的服务记录（书记/管理员），可筛选待审核',
    access: 'user',
    input: ListCommunityRecordsInput,
    output: RecordPage,
    errors: [],
    run: listCommunityRecords,
  }),
  selfEvaluate: defineAction({
    summary: '党员对自己服务过的订单填写自评',
    access: 'user',
    input: SelfEvaluateInput,
    output: RecordView,
    errors: ['RECORD_NO_SERVICE', 'RECORD_ALREADY_SELF_EVALUATED'],
    run: selfEvaluate,
  }),
  approve: defineAction({
    summary: '审核通过当日超过8小时的服务记录（留痕）',
    access: 'user',
    input: ApproveRecordInput,
    output: RecordView,
    errors: ['RECORD_NOT_FOUND', 'RECORD_NOT_PENDING'],
    run: approveRecord,
  }),
  missingCheckouts: defineAction({
    summary: '已结束但未签退的记录（超过1天的标记为逾期），提醒书记处理',
    access: 'user',
    input: z.object({ communityId: field.id('社区').optional() }),
    output: MissingCheckoutView,
    errors: [],
    run: listMissingCheckouts,
  }),
  closeMissingCheckout: defineAction({
    summary: '书记为忘记签退的党员补录签退时间并写明理由（按手工补录：在签到时段内、不超过计划时长、当日超过8小时待审核，留痕）',
    access: 'user',
    input: CloseMissingCheckoutInput,
    output: MissingCheckoutView,
    errors: ['RECORD_NOT_MISSING_CHECKOUT', 'RECORD_CHECKOUT_BEFORE_CHECKIN', 'RECORD_CHECKOUT_IN_FUTURE', 'RECORD_OUTSIDE_ORDER', 'RECORD_OVERLAPS'],
    run: closeMissingCheckout,
  }),
  enter: defineAction({
    summary: '补录：书记为未扫码的服务补录记录并写明理由（手工记录与扫码记录分开统计，时长不超过计划时长）',
    access: 'user',
    input: EnterRecordInput,
    output: RecordView,
    errors: ['RECORD_NOT_FOUND', 'RECORD_ORDER_CANCELLED', 'RECORD_ORDER_NOT_STARTED', 'RECORD_MEMBER_NOT_IN_COMMUNITY', 'RECORD_OPEN_CHECKIN', 'RECORD_ALREADY_EXISTS', 'RECORD_END_BEFORE_START', 'RECORD_END_IN_FUTURE', 'RECORD_OUTSIDE_ORDER', 'RECORD_OVERLAPS'],
    run: enterRecord,
  }),
  correct: defineAction({
    summary: '更正：书记修改一条记录的起止时间并写明理由，原值留在修改记录中',
    access: 'user',
    input: CorrectRecordInput,
    output: RecordView,
    errors: ['RECORD_NOT_FOUND', 'RECORD_END_BEFORE_START', 'RECORD_END_IN_FUTURE', 'RECORD_OUTSIDE_ORDER', 'RECORD_OVERLAPS'],
    run: correctRecord,
  }),
  history: defineAction({
    summary: '一条服务记录的详情：修改留痕（谁、何时、为何、改前改后）和申诉及处理结果',
    access: 'user',
    input: RecordIdInput,
    output: RecordDetailView,
    errors: ['RECORD_NOT_FOUND'],
    run: recordHistory,
  }),
  dispute: defineAction({
    summary: '申诉：党员对自己服务过的订单的记录（或漏记）提出申诉',
    access: 'user',
    input: DisputeInput,
    output: DisputeView,
    errors: ['RECORD_NO_SERVICE', 'RECORD_DISPUTE_OPEN'],
    run: disputeRecord,
  }),
  listDisputes: defineAction({
    summary: '本社区的申诉（待处理在前）',
    access: 'user',
    input: ListDisputesInput,
    output: z.object({ items: z.array(DisputeView) }),
    errors: [],
    run: listDisputes,
  }),
  resolveDispute: defineAction({
    summary: '书记处理申诉（支持/驳回）并写明处理意见',
    access: 'user',
    input: ResolveDisputeInput,
    output: DisputeView,
    errors: ['RECORD_DISPUTE_NOT_FOUND', 'RECORD_DISPUTE_CLOSED'],
    run: resolveDispute,
  }),
  cut: defineAction({
    summary: '核减：当日超过8小时的记录只计到当日满8小时为止（留痕）',
    access: 'user',
    input: CutRecordInput,
    output: RecordView,
    errors: ['RECORD_NOT_FOUND', 'RECORD_NOT_PENDING'],
    run: cutRecord,
  }),
  orderHours: defineAction({
    summary: '时长管理：一单中每位党员的签到、签退、计入时长、记录和待处理申诉（书记）',
    access: 'user',
    input: OrderIdInput,
    output: OrderHoursView,
    errors: ['ORDER_NOT_FOUND'],
    run: orderHours,
  }),
  queues: defineAction({
    summary: '待书记处理的数量：超过8小时待审核、漏签退（含逾期）、申诉、待居民确认、被拒绝的扫码（7天内）',
    access: 'user',
    input: CommunityInput,
    output: HoursQueuesView,
    errors: [],
    run: hoursQueues,
  }),
  addWalkIn: defineAction({
    summary: '添加到名单并签到：书记把未接单的本社区党员（如没有手机）加入本单并当场签到，写明理由',
    access: 'user',
    input: AddWalkInInput,
    output: OrderHoursView,
    errors: ['ORDER_NOT_FOUND', 'ORDER_CLOSED', 'RECORD_OUTSIDE_ORDER', 'RECORD_ALREADY_ON_ORDER', 'RECORD_OVERLAPS', 'RECORD_MEMBER_NOT_IN_COMMUNITY'],
    run: addWalkIn,
  }),
  confirmForResident: defineAction({
    summary: '书记代居民确认上门服务已完成（写明理由，留痕），该单待居民确认的时长随即计入',
    access: 'user',
    input: ConfirmForResidentInput,
    output: OrderHoursView,
    errors: ['ORDER_NOT_FOUND', 'RECORD_NOT_HOME_SERVICE', 'RECORD_NOTHING_TO_CONFIRM'],
    run: confirmForResident,
  }),
  myDisputes: defineAction({
    summary: '我的申诉及处理结果',
    access: 'user',
    input: z.object({}),
    output: DisputeList,
    errors: [],
    run: (ctx) => myDisputes(ctx),
  }),
};
