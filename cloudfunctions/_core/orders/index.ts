import { defineAction, type ActionTable } from '../runtime';
import { acceptOrder, cancelAcceptance, declineOrder } from './accept-order';
import { briefActions } from './briefs/brief-actions';
import { calendarActions } from './calendar/calendar-actions';
import { changeOrder } from './change-order';
import { createOrder } from './create-order';
import { listCommunityOrders, listMyTasks, listOpenOrders, loadOrderView } from './list-orders';
import { cancelOrder, completeOrder, evaluateOrder } from './manage-order';
import { recommendMembers } from './recommend-members';
import { orderErrors } from './orders.errors';
import {
  CancelOrderInput,
  ChangeOrderInput,
  CreateOrderInput,
  DeclineInput,
  EvaluateOrderInput,
  ListCommunityOrdersInput,
  ListMyTasksInput,
  ListOpenOrdersInput,
  OrderIdInput,
  OrderPage,
  OrderView,
  RecommendationPage,
  RecommendMembersInput,
} from './orders.schemas';

export { refreshOrderStatus } from './refresh-order-status';
export { assertOrderOpen, deriveOrderStatus, isClosed, type OrderStatus } from './order-status';
export { orderErrors };
export * from './orders.schemas';

export const orderActions: ActionTable = {
  create: defineAction({
    summary: '党组织下单：把需求（或组织自己的活动）生成订单，公开发布或定向派给指定党员；社区活动可标为本社区某服务队的集中性活动',
    access: 'user',
    input: CreateOrderInput,
    output: OrderView,
    errors: ['ORDER_STARTS_IN_PAST', 'ORDER_TOO_LONG', 'ORDER_INVITEE_NOT_MEMBER', 'ORDER_LEADER_NOT_MEMBER', 'ORDER_TITLE_NAMES_RESIDENT', 'ORDER_FOCUSED_TEAM_INVALID', 'DEMAND_NOT_FOUND', 'DEMAND_NOT_PENDING', 'ORDER_SHORT_NOTICE'],
    run: createOrder,
  }),
  recommend: defineAction({
    summary: '为订单（或尚未发布的草稿）推荐党员并说明理由：岗位与技能相符、该时段有空、同网格、今年时长较少、守约率高',
    access: 'user',
    input: RecommendMembersInput,
    output: RecommendationPage,
    errors: ['ORDER_DEMAND_OTHER_COMMUNITY'],
    run: recommendMembers,
  }),
  get: defineAction({
    summary: '订单详情；管理员可见接单与签到名单',
    access: 'user',
    input: OrderIdInput,
    output: OrderView,
    errors: ['ORDER_NOT_FOUND'],
    run: (ctx, input) => loadOrderView(ctx, input.orderId),
  }),
  listOpen: defineAction({
    summary: '接单大厅：本社区公开订单与定向发给我的订单，可按类别、日期筛选，按标题、服务内容、地点中的词搜索',
    access: 'user',
    input: ListOpenOrdersInput,
    output: OrderPage,
    errors: [],
    run: listOpenOrders,
  }),
  listMine: defineAction({
    summary: '我的任务：已接的订单，按阶段（待开始、服务中、已完成）；正在进行的在前，其次是未开始的（近的在前），最后是已完成的（近的在前）',
    access: 'user',
    input: ListMyTasksInput,
    output: OrderPage,
    errors: [],
    run: listMyTasks,
  }),
  listForCommunity: defineAction({
    summary: '本社区订单（书记/管理员），含接单与签到人数',
    access: 'user',
    input: ListCommunityOrdersInput,
    output: OrderPage,
    errors: [],
    run: listCommunityOrders,
  }),
  accept: defineAction({
    summary: '党员接单（名额先到先得，绝不超员）',
    access: 'user',
    input: OrderIdInput,
    output: OrderView,
    errors: ['ORDER_NOT_FOUND', 'ORDER_CLOSED', 'ORDER_FULL', 'ORDER_NOT_FOR_YOU', 'ORDER_ALREADY_ACCEPTED', 'ORDER_ALREADY_ENDED'],
    run: acceptOrder,
  }),
  decline: defineAction({
    summary: '谢绝定向派给我的订单',
    access: 'user',
    input: DeclineInput,
    output: OrderView,
    errors: ['ORDER_NOT_FOUND', 'ORDER_NOT_INVITED', 'ORDER_CLOSED'],
    run: declineOrder,
  }),
  cancelAcceptance: defineAction({
    summary: '党员在截止时间前取消接单，名额释放',
    access: 'user',
    input: DeclineInput,
    output: OrderView,
    errors: ['ORDER_NOT_FOUND', 'ORDER_NOT_ACCEPTED', 'ORDER_CLOSED', 'ORDER_CANCEL_TOO_LATE'],
    run: cancelAcceptance,
  }),
  cancel: defineAction({
    summary: '书记取消订单并写明原因；居民需求的订单取消后需求退回待受理，可重新派单',
    access: 'user',
    input: CancelOrderInput,
    output: OrderView,
    errors: ['ORDER_NOT_FOUND', 'ORDER_CLOSED', 'ORDER_HAS_CHECKED_IN'],
    run: cancelOrder,
  }),
  change: defineAction({
    summary: '书记调整活动的时间或地点（尚无人签到时），写明原因；已接单、受邀的党员和需求的居民都会收到变更通知，订单上留有调整记录',
    access: 'user',
    input: ChangeOrderInput,
    output: OrderView,
    errors: ['ORDER_NOT_FOUND', 'ORDER_CLOSED', 'ORDER_CHANGE_AFTER_CHECKIN', 'ORDER_NOTHING_CHANGED', 'ORDER_STARTS_IN_PAST', 'ORDER_TOO_LONG', 'ORDER_SHORT_NOTICE'],
    run: changeOrder,
  }),
  complete: defineAction({
    summary: '书记结束订单（所有已签到党员须已签退）',
    access: 'user',
    input: OrderIdInput,
    output: OrderView,
    errors: ['ORDER_NOT_FOUND', 'ORDER_CLOSED', 'ORDER_NOT_STARTED', 'ORDER_MEMBERS_STILL_IN'],
    run: completeOrder,
  }),
  evaluate: defineAction({
    summary: '组织评价（优/良/一般）',
    access: 'user',
    input: EvaluateOrderInput,
    output: OrderView,
    errors: ['ORDER_NOT_FOUND', 'ORDER_NOT_COMPLETED', 'ORDER_ALREADY_EVALUATED'],
    run: evaluateOrder,
  }),
  ...calendarActions,
  ...briefActions,
};
