import * as z from 'zod';
import { field } from '../../shared/fields';
import { RELATION_KEYS, RELATIONS } from './relations';

const minutesField = (label: string) => field.int(label, { min: 1, max: 100_000 * 60 });
/** The client's own key for one tap, so that a double tap or a retry posts once. */
const requestKey = () => z.string({ error: '请求编号须为文字' }).regex(/^[A-Za-z0-9_-]{8,64}$/, '请求编号格式不正确');
const beforeEntryId = () => field.int('翻页位置', { min: 1, max: Number.MAX_SAFE_INTEGER }).optional();

export const MyTimeBankInput = z.object({ beforeEntryId: beforeEntryId() });
export const AddFamilyLinkInput = z.object({
  phone: field.phone('亲属的手机号码'),
  relation: z.enum(RELATION_KEYS, { error: `亲属关系须为以下之一：${Object.values(RELATIONS).join('、')}` }),
});
export const FamilyLinkIdInput = z.object({ linkId: field.id('亲属关系') });
export const AnswerFamilyLinkInput = z.object({ linkId: field.id('亲属关系'), accept: z.boolean({ error: '请选择是否确认' }) });
export const GiftHoursInput = z.object({ linkId: field.id('亲属关系'), minutes: minutesField('转赠时长'), requestKey: requestKey() });
export const DonateHoursInput = z.object({ minutes: minutesField('捐赠时长'), requestKey: requestKey() });
export const CommunityBankInput = z.object({ communityId: field.id('社区').optional(), beforeEntryId: beforeEntryId() });
export const GrantInput = z.object({
  communityId: field.id('社区').optional(),
  recipientId: field.id('发放对象'),
  minutes: minutesField('发放时长'),
  reason: field.text('发放理由', { min: 2, max: 100 }),
  requestKey: requestKey(),
});
export const ExpireInput = z.object({});

const PassbookLineView = z.object({
  entryId: z.number().int(),
  at: z.string(),
  summary: z.string().describe('摘要：存入、使用、转赠、捐赠、核减、到期…'),
  amount: z.number().int().describe('分钟（按本区比例折算后），正为存入，负为支出'),
  balanceAfter: z.number().int(),
});

const BankUnit = z.object({ unitName: z.enum(['小时', '时间币']), unitsPerHour: z.number().int() });

export const FamilyLinkView = z.object({
  id: z.string(),
  /** From the caller's side: a relative the caller named, or a member who named the caller. */
  side: z.enum(['mine', 'towardMe']),
  relation: z.string().describe('亲属关系（对方是提出人的…）'),
  otherName: z.string(),
  otherPhone: z.string().describe('对方手机号（已隐藏中间四位）'),
  communityName: z.string(),
  status: z.enum(['pending', 'linked']),
  confirmedVia: z.enum(['relative', 'secretary']).nullable(),
});

export const MyTimeBankView = BankUnit.extend({
  balanceMinutes: z.number().int(),
  heldMinutes: z.number().int().describe('使用时间银行的需求预留中'),
  capMinutes: z.number().int().nullable(),
  expiryMonths: z.number().int().nullable(),
  familyGifts: z.boolean(),
  spendOnNeeds: z.boolean(),
  isMember: z.boolean(),
  communityName: z.string(),
  lines: z.array(PassbookLineView),
  nextBefore: z.number().int().nullable(),
});

export const FamilyLinksView = z.object({ links: z.array(FamilyLinkView) });
export const TransferView = z.object({ transactionId: z.string(), replayed: z.boolean(), balanceMinutes: z.number().int(), toCommunityMinutes: z.number().int() });
export const NeedBankOffer = BankUnit.extend({ allowed: z.boolean(), balanceMinutes: z.number().int() });

export const CommunityBankView = BankUnit.extend({
  communityId: z.string(),
  communityName: z.string(),
  balanceMinutes: z.number().int(),
  lines: z.array(PassbookLineView),
  nextBefore: z.number().int().nullable(),
  people: z.array(z.object({ id: z.string(), name: z.string(), phone: z.string(), balanceMinutes: z.number().int() })).describe('可发放的对象：本社区居民和党员义工'),
  linksToConfirm: z.array(
    z.object({ id: z.string(), memberName: z.string(), relativeName: z.string(), relation: z.string(), createdAt: z.string() }),
  ).describe('待社区代为确认的亲属关系（居民在本社区）'),
});
export const ExpireView = z.object({ accounts: z.number().int(), expiredMinutes: z.number().int() });

export type GiftHoursInput = z.output<typeof GiftHoursInput>;
export type GrantInput = z.output<typeof GrantInput>;
