import * as z from 'zod';
import { SessionView } from '../auth/auth.schemas';
import { phoneCodeField } from '../auth/phone-code.schemas';
import { field } from '../shared/fields';
import { MEMBER_TYPES, RegistrationForm } from './registration-form';
import { SLIP_CODE_PATTERN, normaliseSlipCode } from './slip-code';

const slipCode = field
  .string('报到码')
  .overwrite(normaliseSlipCode)
  .regex(SLIP_CODE_PATTERN, '报到码须为8位字母或数字');

const date = (label: string) => field.day(label, { example: '2026-12-31' });

const reason = (label: string) => field.text(label, { min: 2, max: 200 });

export const PARTY_STANDINGS = ['正式', '预备'] as const;
export const REGISTRATION_STATUSES = ['pending', 'confirmed', 'returned', 'withdrawn'] as const;
export const SLIP_RESULTS = ['awaiting', 'pending', 'reported', 'returned', 'cancelled'] as const;

export const OptionsInput = z.object({ slipCode: slipCode.optional() });

export const IssueSlipInput = z.object({
  unitId: field.id('单位').optional(),
  memberName: field.text('党员姓名', { max: 30 }),
  memberPhone: field.phone('党员手机号码'),
  partyStanding: field.oneOf('党员身份', PARTY_STANDINGS),
  communityId: field.chosenId('报到社区'),
  reportBy: date('报到截止日期'),
});

export const ListSlipsInput = z.object({ unitId: field.id('单位').optional(), page: field.page() });
export const SlipIdInput = z.object({ slipId: field.id('报到单') });
export const NoteNotReportedInput = z.object({ slipId: field.id('报到单'), reason: reason('未报到原因') });

export const SubmitInput = z.object({
  form: RegistrationForm,
  slipCode: slipCode.optional(),
  /** Only when logged out: the code texted to form.phone (auth.sendPhoneCode, purpose register), proving the person holds it. */
  phoneCode: phoneCodeField().optional(),
  /** Only when logged out: the new account's password. */
  password: field.password('登录密码', { min: 8, max: 64 }).optional(),
});

export const RegistrationIdInput = z.object({ registrationId: field.id('报到登记') });
export const ListPendingInput = z.object({ communityId: field.id('社区').optional(), page: field.page() });
export const ConfirmInput = z.object({ registrationId: field.id('报到登记'), gridId: field.id('网格').optional() });
export const SendBackInput = z.object({ registrationId: field.id('报到登记'), reason: reason('退回原因') });
export const RequestTransferInput = z.object({
  communityId: field.chosenId('转入社区'),
  gridId: field.id('网格').optional(),
  homeAddress: field.text('家庭住址', { max: 120 }).optional(),
  reason: reason('转移原因'),
});

const Named = z.object({ id: z.string(), name: z.string() });

export const OptionsView = z.object({
  districts: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      collectIdNumbers: z.boolean(),
      streets: z.array(Named.extend({ communities: z.array(Named.extend({ grids: z.array(Named) })) })),
      units: z.array(Named.extend({ kind: z.string(), pairedCommunityIds: z.array(z.string()) })),
    }),
  ),
  catalogue: z.array(z.object({ category: z.string(), subItems: z.array(z.string()) })),
  posts: z.array(z.string()),
  memberTypes: z.array(z.object({ value: z.enum(MEMBER_TYPES), label: z.string() })),
  educationLevels: z.array(z.string()),
  /** The caller's community when they are a member already: a transfer goes elsewhere. */
  memberCommunityId: z.string().nullable(),
  slip: z
    .object({
      code: z.string(),
      unitId: z.string(),
      unitName: z.string(),
      districtId: z.string(),
      communityId: z.string(),
      communityName: z.string(),
      memberName: z.string(),
      memberPhoneMasked: z.string(),
      partyStanding: z.enum(PARTY_STANDINGS),
      reportBy: z.string(),
      usable: z.boolean(),
    })
    .nullable(),
});

export const SlipView = z.object({
  id: z.string(),
  code: z.string(),
  /** The page a member opens with the code filled in. */
  linkPath: z.string(),
  /** That page's full address on the H5 app (PUBLIC_URL), or null when no public address is configured. */
  link: z.string().nullable(),
  unitName: z.string(),
  communityId: z.string(),
  communityName: z.string(),
  memberName: z.string(),
  memberPhoneMasked: z.string(),
  partyStanding: z.enum(PARTY_STANDINGS),
  reportBy: z.string(),
  issuedAt: z.string(),
  overdue: z.boolean(),
  result: z.enum(SLIP_RESULTS),
  resultLabel: z.string(),
  /** The 回执: where and when the member reported, and the posts they claimed. */
  reportedCommunity: z.string().nullable(),
  reportedOn: z.string().nullable(),
  claimedPosts: z.array(z.string()),
  returnReason: z.string().nullable(),
  notReportedReason: z.string().nullable(),
});

export const SlipPage = z.object({ items: z.array(SlipView), total: z.number() });

export const RegistrationView = z.object({
  id: z.string(),
  kind: z.enum(['report', 'transfer']),
  status: z.enum(REGISTRATION_STATUSES),
  statusLabel: z.string(),
  userId: z.string(),
  name: z.string(),
  memberTypeLabel: z.string(),
  communityId: z.string(),
  communityName: z.string(),
  gridId: z.string().nullable(),
  gridName: z.string().nullable(),
  unitName: z.string().nullable(),
  slipCode: z.string().nullable(),
  submittedAt: z.string(),
  decidedAt: z.string().nullable(),
  returnReason: z.string().nullable(),
  /** 回执单 text once confirmed. */
  receipt: z.string().nullable(),
  /** Phones, addresses and ID numbers are masked unless the viewer is the registrant. */
  masked: z.boolean(),
  form: RegistrationForm,
});

export const RegistrationPage = z.object({ items: z.array(RegistrationView), total: z.number() });

export const SubmitView = z.object({
  registration: RegistrationView,
  /** A new account's session, when the form was submitted logged out. */
  session: SessionView.nullable(),
});

export const slipLinkPath = (code: string) => `/pages/join/register/index?slip=${code}`;

export type RegistrationView = z.output<typeof RegistrationView>;
export type SlipView = z.output<typeof SlipView>;

/** A member with no phone, kept by the secretary: no account, served through hand entries. */
export const KeepMemberWithoutPhoneInput = z.object({
  name: field.text('姓名', { min: 2, max: 30 }),
  memberType: field.oneOf('党员类别', ['community', 'probationary', 'activist'] as const).default('community'),
  gridId: field.id('网格').optional(),
  skills: z.array(field.text('专业特长', { max: 20 }), { error: '专业特长须为列表' }).max(10, '专业特长最多10项').default([]),
  reason: field.text('没有手机的说明', { min: 2, max: 100 }),
});

export const KeptMemberView = z.object({ memberId: z.string(), name: z.string(), volunteerNo: z.string() });
