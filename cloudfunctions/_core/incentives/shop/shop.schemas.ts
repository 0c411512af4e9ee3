import * as z from 'zod';
import { field } from '../../shared/fields';

/** Who may redeem a good. */
export const AUDIENCES = ['member', 'resident', 'both'] as const;
export type Audience = (typeof AUDIENCES)[number];
export const AUDIENCE_LABELS: Record<Audience, string> = { member: '党员义工', resident: '居民', both: '党员义工和居民' };

export const REDEMPTION_STATUSES = ['waiting', 'handed_over', 'returned', 'cancelled'] as const;
export type RedemptionStatus = (typeof REDEMPTION_STATUSES)[number];
export const REDEMPTION_STATUS_LABELS: Record<RedemptionStatus, string> = {
  waiting: '待领取',
  handed_over: '已领取',
  returned: '已退回',
  cancelled: '已取消',
};

const requestId = field.id('请求编号');
const communityId = field.id('社区').optional();

export const ShopGoodsInput = z.object({});

export const RedeemInput = z.object({
  goodId: field.id('物品'),
  quantity: field.int('兑换数量', { min: 1, max: 10 }).default(1),
  /** Made by the client once per tap of 兑换: a retried or doubled request redeems once. */
  requestId,
});

export const RedemptionIdInput = z.object({ redemptionId: field.id('兑换记录') });

export const ManageGoodsInput = z.object({ communityId, includeWithdrawn: z.boolean({ error: '是否包括已下架须为是或否' }).default(false) });

const photoUrl = field
  .string('图片地址')
  .max(500, '图片地址不能超过500个字')
  .refine((value) => value === '' || /^https?:\/\/[^\s]+$/.test(value), '图片地址须以 http:// 或 https:// 开头')
  .optional();

export const SaveGoodInput = z.object({
  goodId: field.id('物品').optional(),
  communityId,
  name: field.text('物品名称', { max: 40 }),
  description: field.note('物品说明', 200),
  photoUrl,
  pricePoints: field.int('兑换积分', { min: 1, max: 100000 }),
  audience: field.oneOf('兑换对象', AUDIENCES),
  /** None: no limit (leaving it out of an edit removes the limit). */
  perPersonLimit: field.int('每人限兑', { min: 1, max: 100 }).optional(),
  /** Only when the good is new: the stock it starts with. */
  initialStock: field.int('初始库存', { min: 0, max: 10000 }).default(0),
});

export const RestockInput = z.object({ goodId: field.id('物品'), quantity: field.int('补货数量', { min: 1, max: 10000 }), requestId });

export const GoodIdInput = z.object({ goodId: field.id('物品') });

export const PickUpsInput = z.object({ communityId, code: field.optionalText('领取码', 40) });

export const HandOverInput = z.object({ communityId, code: field.text('领取码', { max: 40 }) });

export const ReturnOverdueInput = z.object({ communityId });

export const GoodView = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  photoUrl: z.string().nullable(),
  pricePoints: z.number().int().describe('兑换所需积分（现价）'),
  audience: z.enum(AUDIENCES),
  audienceLabel: z.string(),
  perPersonLimit: z.number().int().nullable(),
  stock: z.number().int().describe('在架库存'),
  withdrawn: z.boolean(),
});

export const ShopGoodView = GoodView.extend({
  held: z.number().int().describe('本人待领取和已领取的件数（用于每人限兑）'),
  /** Why this caller cannot redeem it now; null when they can. */
  unavailable: z.string().nullable(),
});

export const ShopView = z.object({
  communityName: z.string(),
  points: z.number().int().describe('本人现有积分'),
  pickUpDays: z.number().int().describe('兑换后须在几天内领取'),
  goods: z.array(ShopGoodView),
});

export const ManagedGoodView = GoodView.extend({
  reserved: z.number().int().describe('已兑换待领取'),
  handedOver: z.number().int().describe('已交付'),
});

export const ManageGoodsView = z.object({
  communityId: z.string(),
  communityName: z.string(),
  takings: z.number().int().describe('超市累计收取的积分'),
  waiting: z.number().int().describe('待领取的兑换数'),
  goods: z.array(ManagedGoodView),
});

export const RedemptionView = z.object({
  id: z.string(),
  goodId: z.string(),
  goodName: z.string(),
  quantity: z.number().int(),
  pricePoints: z.number().int().describe('兑换时的单价'),
  totalPoints: z.number().int(),
  code: z.string().describe('领取码（6位数字）'),
  qrText: z.string().describe('领取二维码的内容'),
  status: z.enum(REDEMPTION_STATUSES),
  statusLabel: z.string(),
  redeemedAt: z.string(),
  pickUpBy: z.string().describe('最迟领取日（北京时间）'),
  closedAt: z.string().nullable().describe('领取、退回或取消的时间'),
  memberName: z.string(),
  memberPhone: z.string().describe('兑换人手机号（隐去中间四位）'),
});

export const RedeemView = z.object({ redemption: RedemptionView, pointsLeft: z.number().int() });

export const MyRedemptionsView = z.object({ redemptions: z.array(RedemptionView) });

export const PickUpsView = z.object({
  waiting: z.array(RedemptionView),
  handedOver: z.array(RedemptionView),
  returned: z.array(RedemptionView),
});

export const ReturnOverdueView = z.object({ returned: z.number().int().describe('本次退回的兑换数') });

export type GoodViewT = z.input<typeof GoodView>;
export type RedemptionViewT = z.input<typeof RedemptionView>;
