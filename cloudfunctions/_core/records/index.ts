import { z } from 'zod';
import { defineAction, type ActionTable } from '../runtime';
import { field } from '../shared/fields';
import { listCommunityRecords, listMyRecords } from './list-records';
import { recordErrors } from './records.errors';
import {
  ApproveRecordInput,
  CloseMissingCheckoutInput,
  ListCommunityRecordsInput,
  ListMyRecordsInput,
  MissingCheckoutView,
  MyHoursView,
  RecordPage,
  RecordView,
  SelfEvaluateInput,
} from './records.schemas';
import { approveRecord, closeMissingCheckout, listMissingCheckouts, selfEvaluate } from './review-records';

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
    summary: '书记为忘记签退的党员补录签退时间并写明理由（时长按上限封顶，留痕）',
    access: 'user',
    input: CloseMissingCheckoutInput,
    output: MissingCheckoutView,
    errors: ['RECORD_NOT_MISSING_CHECKOUT', 'RECORD_CHECKOUT_BEFORE_CHECKIN', 'RECORD_CHECKOUT_IN_FUTURE'],
    run: closeMissingCheckout,
  }),
};
