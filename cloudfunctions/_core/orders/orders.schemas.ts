import * as z from 'zod';
import { MEMBER_POSTS, SERVICE_CATEGORIES } from '../catalogue/service-catalogue';
import { field } from '../shared/fields';
import { ORDER_STATUSES } from './order-status';

export const ORGANISATION_RATINGS = ['excellent', 'good', 'fair'] as const;
export const ASSIGNMENT_STATUSES = ['invited', 'accepted', 'declined', 'cancelled'] as const;
export const TASK_PHASES = ['upcoming', 'in_service', 'done'] as const;

export const CreateOrderInput = z
  .object({
    demandId: field.id('需求').optional(),
    title: field.text('标题', { max: 60 }),
    category: field.oneOf('服务类别', SERVICE_CATEGORIES),
    description: field.note('服务内容', 500),
    place: field.text('服务地点', { max: 120 }).optional(),
    startsAt: field.instant('开始时间'),
    endsAt: field.instant('结束时间'),
    capacity: field.int('需要人数', { min: 1, max: 500 }),
    dispatch: field.oneOf('派单方式', ['open', 'directed'] as const),
    inviteeIds: z.array(field.id('受邀党员'), { error: '受邀党员须为列表' }).max(100, '一次最多邀请100人').default([]),
    cancelCutoffMinutes: field.int('取消截止时间（开始前分钟数）', { min: 0, max: 10080 }).default(120),
    requiredPosts: z.array(field.oneOf('所需岗位', MEMBER_POSTS), { error: '所需岗位须为列表' }).max(8, '所需岗位最多8项').default([]),
    requiredSkills: z.array(field.text('所需技能', { max: 20 }), { error: '所需技能须为列表' }).max(10, '所需技能最多10项').default([]),
    leaderMemberId: field.id('现场负责人').optional(),
    /** 集中性活动: the community's team whose activity this is (001 §五.(二)三); only for an activity, not a need. */
    focusedTeamId: field.id('服务队').optional(),
    /** 临时通知: the secretary publishes an activity with less than the district's notice (预约预告), knowingly. */
    acceptShortNotice: z.boolean({ error: '临时通知须为是或否' }).default(false),
  })
  .refine((order) => new Date(order.endsAt) > new Date(order.startsAt), {
    message: '结束时间须晚于开始时间',
    path: ['endsAt'],
  })
  .refine((order) => order.dispatch !== 'directed' || order.inviteeIds.length > 0, {
    message: '定向派单须至少选择一名党员',
    path: ['inviteeIds'],
  })
  .refine((order) => order.focusedTeamId === undefined || order.demandId === undefined, {
    message: '只有社区活动可以标为服务队的集中性活动',
    path: ['focusedTeamId'],
  })
  .refine((order) => order.place !== undefined || order.demandId !== undefined, {
    message: '请填写服务地点',
    path: ['place'],
  });

export const OrderIdInput = z.object({ orderId: field.id('订单') });

export const DeclineInput = z.object({
  orderId: field.id('订单'),
  reason: field.note('原因', 200),
});

export const CancelOrderInput = z.object({ orderId: field.id('订单'), reason: field.text('取消原因', { min: 2, max: 200 }) });

/** 调整活动: a new time and/or place, before anyone checked in, with the reason everyone on the order is told. */
export const ChangeOrderInput = z
  .object({
    orderId: field.id('订单'),
    startsAt: field.instant('开始时间').optional(),
    endsAt: field.instant('结束时间').optional(),
    place: field.text('服务地点', { max: 120 }).optional(),
    reason: field.text('调整原因', { min: 2, max: 200 }),
    /** 临时通知: an activity moved to less than the district's notice, knowingly. */
    acceptShortNotice: z.boolean({ error: '临时通知须为是或否' }).default(false),
  })
  .refine((change) => change.startsAt !== undefined || change.endsAt !== undefined || change.place !== undefined, {
    message: '请修改开始时间、结束时间或服务地点中的至少一项',
    path: ['startsAt'],
  });

export const OrderChangeView = z.object({
  at: z.string(),
  byName: z.string(),
  reason: z.string(),
  /** 「时间：11月3日 09:00–11:00 → 11月4日 09:00–11:00；地点：… → …」 */
  summary: z.string(),
});

export const EvaluateOrderInput = z.object({
  orderId: field.id('订单'),
  rating: field.oneOf('组织评价', ORGANISATION_RATINGS),
  comment: field.note('评语', 300),
});

const businessDay = field.day('日期');

export const ListOpenOrdersInput = z.object({
  category: field.oneOf('服务类别', SERVICE_CATEGORIES).optional(),
  date: businessDay.optional(),
  /** Words to find in the title, the service content or the place, separated by spaces; every word must appear. */
  query: field.optionalText('搜索词', 30),
  page: field.page(),
});

export const ListMyTasksInput = z.object({ phase: field.oneOf('任务阶段', TASK_PHASES).optional(), page: field.page() });

export const ListCommunityOrdersInput = z.object({
  communityId: field.id('社区').optional(),
  status: field.oneOf('订单状态', ORDER_STATUSES).optional(),
  page: field.page(),
});

export const RecommendMembersInput = z
  .object({
    orderId: field.id('订单').optional(),
    demandId: field.id('需求').optional(),
    startsAt: field.instant('开始时间'),
    endsAt: field.instant('结束时间'),
    requiredPosts: z.array(field.oneOf('所需岗位', MEMBER_POSTS), { error: '所需岗位须为列表' }).max(8, '所需岗位最多8项').default([]),
    requiredSkills: z.array(field.text('所需技能', { max: 20 }), { error: '所需技能须为列表' }).max(10, '所需技能最多10项').default([]),
    limit: field.int('推荐人数', { min: 1, max: 50 }).default(10),
  })
  .refine((draft) => new Date(draft.endsAt) > new Date(draft.startsAt), { message: '结束时间须晚于开始时间', path: ['endsAt'] });

export const RecommendationPage = z.object({
  items: z.array(
    z.object({
      memberId: z.string(),
      name: z.string(),
      volunteerNo: z.string(),
      phoneMasked: z.string(),
      gridName: z.string().nullable(),
      hoursThisYear: z.number(),
      score: z.number(),
      reasons: z.array(z.string()),
    }),
  ),
});

export const AssignmentView = z.object({
  memberId: z.string(),
  name: z.string(),
  volunteerNo: z.string(),
  phoneMasked: z.string(),
  status: z.enum(ASSIGNMENT_STATUSES),
  checkedInAt: z.string().nullable(),
  checkedOutAt: z.string().nullable(),
});

export const OrderView = z.object({
  id: z.string(),
  communityId: z.string(),
  kind: z.enum(['demand', 'activity']),
  demandId: z.string().nullable(),
  title: z.string(),
  category: z.string(),
  description: z.string(),
  place: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  capacity: z.number(),
  acceptedCount: z.number(),
  checkedInCount: z.number(),
  dispatch: z.enum(['open', 'directed']),
  status: z.enum(ORDER_STATUSES),
  cancelReason: z.string().nullable(),
  cancelDeadline: z.string(),
  requiredPosts: z.array(z.string()),
  requiredSkills: z.array(z.string()),
  leaderMemberId: z.string().nullable(),
  leaderName: z.string().nullable(),
  /** 集中性活动 of this team (shown as 「XX集中性活动」), else null. */
  focusedTeam: z.object({ id: z.string(), name: z.string() }).nullable(),
  /** 预约预告 as counted at publishing: working days given, the district's requirement, 临时通知; null for a need's order. */
  notice: z.object({ workingDays: z.number(), required: z.number(), short: z.boolean() }).nullable(),
  /** The viewer's other accepted orders whose time overlaps this one: shown before they accept. */
  myClashes: z.array(z.object({ id: z.string(), title: z.string(), startsAt: z.string(), endsAt: z.string() })),
  myAssignment: z.object({ status: z.enum(ASSIGNMENT_STATUSES), phase: z.enum(TASK_PHASES).nullable() }).nullable(),
  requester: z.object({ name: z.string(), phone: z.string() }).nullable(),
  assignments: z.array(AssignmentView).nullable(),
  evaluation: z.object({ rating: z.enum(ORGANISATION_RATINGS), comment: z.string() }).nullable(),
  /** 调整记录, newest first: on an order's detail only (lists give []). */
  changes: z.array(OrderChangeView),
});

export const OrderPage = z.object({ items: z.array(OrderView), total: z.number() });

export type CreateOrderInput = z.infer<typeof CreateOrderInput>;
export type OrderView = z.infer<typeof OrderView>;
export type ChangeOrderInput = z.infer<typeof ChangeOrderInput>;
