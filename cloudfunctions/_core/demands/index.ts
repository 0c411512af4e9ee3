import * as z from 'zod';
import { defineAction, type ActionTable } from '../runtime';
import { confirmService } from './confirm-service';
import { demandErrors } from './demands.errors';
import {
  ConfirmServiceInput,
  DemandIdInput,
  DemandPage,
  DemandView,
  ListCommunityDemandsInput,
  ListMyDemandsInput,
  NeedFormDefaults,
  PostDemandInput,
  RecordDemandInput,
  RejectDemandInput,
} from './demands.schemas';
import { listCommunityDemands, listMyDemands, loadDemandView } from './list-demands';
import { needFormDefaults, postDemand } from './post-demand';
import { recordDemand } from './record-demand';
import { rejectDemand, withdrawDemand } from './review-demand';

export { lockPendingDemand } from './review-demand';
export { POST_NEED_LABELS, RECORD_NEED_LABELS } from './need-labels';
export { NEED_KINDS, NEED_KIND_KEYS, needKindOf, officialCategoryOf, type NeedKind, type NeedKindKey } from './need-kinds';
export { demandErrors };
export * from './demands.schemas';

export const demandActions: ActionTable = {
  formDefaults: defineAction({
    summary: '点单表单的默认值：本人的联系电话和服务地址（取自上次需求，否则取自账号和登记的住址），及社区服务电话',
    access: 'user',
    input: z.object({}),
    output: NeedFormDefaults,
    errors: [],
    run: (ctx) => needFormDefaults(ctx),
  }),
  post: defineAction({
    summary: '群众点单：居民按通俗的需求类型（买药代购、上门维修…）提交一项服务需求，服务器归入服务目录的类别和子项；选「使用时间银行」时按期望时段预留时长',
    access: 'user',
    input: PostDemandInput,
    output: DemandView,
    errors: ['DEMAND_NO_COMMUNITY', 'DEMAND_SUB_ITEM_MISMATCH', 'BANK_SHORT', 'BANK_SPENDING_OFF', 'BANK_NEED_WINDOW', 'BANK_NO_ACCOUNT_HOLDER'],
    run: postDemand,
  }),
  record: defineAction({
    summary: '社区代居民登记需求（窗口受理、电话、上门走访、信箱）',
    access: 'user',
    input: RecordDemandInput,
    output: DemandView,
    errors: ['DEMAND_SUB_ITEM_MISMATCH', 'DEMAND_RESIDENT_NOT_IN_COMMUNITY'],
    run: recordDemand,
  }),
  get: defineAction({
    summary: '查看一项需求及其进度（提交人或本社区管理员）',
    access: 'user',
    input: DemandIdInput,
    output: DemandView,
    errors: ['DEMAND_NOT_FOUND'],
    run: (ctx, input) => loadDemandView(ctx, input.demandId),
  }),
  listMine: defineAction({
    summary: '我提交的需求，最新在前',
    access: 'user',
    input: ListMyDemandsInput,
    output: DemandPage,
    errors: [],
    run: listMyDemands,
  }),
  listForCommunity: defineAction({
    summary: '本社区需求信息库（书记/管理员），可按状态筛选、按描述/地址/居民姓名搜索',
    access: 'user',
    input: ListCommunityDemandsInput,
    output: DemandPage,
    errors: ['DEMAND_NOT_FOUND'],
    run: listCommunityDemands,
  }),
  reject: defineAction({
    summary: '驳回需求并写明理由（居民可见）',
    access: 'user',
    input: RejectDemandInput,
    output: DemandView,
    errors: ['DEMAND_NOT_FOUND', 'DEMAND_NOT_PENDING'],
    run: rejectDemand,
  }),
  withdraw: defineAction({
    summary: '居民撤回尚未受理的需求',
    access: 'user',
    input: DemandIdInput,
    output: DemandView,
    errors: ['DEMAND_NOT_FOUND', 'DEMAND_NOT_PENDING'],
    run: withdrawDemand,
  }),
  confirmService: defineAction({
    summary: '一事一评：居民确认服务已完成并评价（满意/基本满意/不满意）',
    access: 'user',
    input: ConfirmServiceInput,
    output: DemandView,
    errors: ['DEMAND_NOT_FOUND', 'DEMAND_NOT_SERVED_YET', 'DEMAND_ALREADY_RATED'],
    run: confirmService,
  }),
};
