import * as z from 'zod';
import { field } from '../shared/fields';

export const UNIT_KINDS = ['机关', '事业', '企业', '高校', '其他'] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

const orgName = field.text('名称', { max: 60 });
const unitName = field.text('单位名称', { max: 80 });

export const CreateOrganisationInput = z.object({
  kind: field.oneOf('组织级别', ['street', 'community', 'grid'] as const),
  parentId: field.id('上级组织'),
  name: orgName,
});

export const RenameOrganisationInput = z.object({ orgId: field.id('组织'), name: orgName });

export const MergeOrganisationsInput = z.object({ fromId: field.id('被合并的组织'), intoId: field.id('合并到的组织') });

export const CreateUnitInput = z.object({ name: unitName, kind: field.oneOf('单位类别', UNIT_KINDS) });

export const RenameUnitInput = z.object({ unitId: field.id('单位'), name: unitName });

export const PairInput = z.object({
  unitId: field.id('单位'),
  communityId: field.id('社区'),
  pairedOn: field.day('结对日期').optional(),
});

export const UnpairInput = z.object({ unitId: field.id('单位'), communityId: field.id('社区') });

export const AppointInput = z
  .object({
    role: field.oneOf('职务', ['secretary', 'unit_admin'] as const),
    orgId: field.id('社区').optional(),
    unitId: field.id('单位').optional(),
    name: field.text('姓名', { max: 30 }),
    phone: field.phone(),
  })
  .superRefine((input, ctx) => {
    if (input.role === 'secretary' && !input.orgId) ctx.addIssue({ code: 'custom', path: ['orgId'], message: '任命社区书记须选择社区' });
    if (input.role === 'unit_admin' && !input.unitId) ctx.addIssue({ code: 'custom', path: ['unitId'], message: '任命单位管理员须选择单位' });
  });
export type AppointInput = z.infer<typeof AppointInput>;

export const RevokeInput = z.object({ grantId: field.id('任命') });

/** A mobile number or a landline with its area code; spaces are ignored and an empty one clears the number. */
export const SERVICE_PHONE_PATTERN = /^(|1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/;

export const SetServicePhoneInput = z.object({
  orgId: field.id('社区'),
  phone: field
    .string('服务电话', '请填写服务电话，不设置请留空')
    .overwrite((value) => value.replace(/\s+/g, ''))
    .regex(SERVICE_PHONE_PATTERN, '服务电话须为11位手机号码或带区号的座机号码，例如 13800138000 或 0571-88886666'),
});

export const UpdateSettingsInput = z.object({ collectIdNumbers: z.boolean({ error: '是否采集身份证号须为是或否' }) });

const PersonView = z.object({ grantId: z.string(), userId: z.string(), name: z.string(), phone: z.string() });

const GridView = z.object({ id: z.string(), name: z.string(), members: z.number(), residents: z.number() });

const CommunityView = z.object({
  id: z.string(),
  name: z.string(),
  members: z.number(),
  residents: z.number(),
  secretaries: z.array(PersonView),
  grids: z.array(GridView),
});

const StreetView = z.object({ id: z.string(), name: z.string(), members: z.number(), residents: z.number(), communities: z.array(CommunityView) });

const UnitView = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.enum(UNIT_KINDS),
  /** 在职党员 as the unit's 报到情况统计 counts them (IN_SERVICE_DEFINITION), and how many of them have reported. */
  inService: z.number(),
  reported: z.number(),
  pairings: z.array(z.object({ communityId: z.string(), communityName: z.string(), pairedOn: z.string() })),
  admins: z.array(PersonView),
});

export const TreeView = z.object({
  district: z.object({ id: z.string(), name: z.string(), members: z.number(), residents: z.number() }),
  streets: z.array(StreetView),
  units: z.array(UnitView),
});
export type TreeView = z.infer<typeof TreeView>;

export const OrganisationView = z.object({
  id: z.string(),
  kind: z.enum(['district', 'street', 'community', 'grid']),
  parentId: z.string().nullable(),
  name: z.string(),
});

export const ServicePhoneView = OrganisationView.extend({ servicePhone: z.string().nullable() });
export type ServicePhoneView = z.infer<typeof ServicePhoneView>;

export const MergeView = z.object({
  from: OrganisationView,
  into: OrganisationView,
  moved: z.object({
    members: z.number(),
    residents: z.number(),
    grids: z.number(),
    communities: z.number(),
    secretaries: z.number(),
    demands: z.number(),
    orders: z.number(),
    records: z.number(),
    pairings: z.number(),
    registrations: z.number(),
    reportSlips: z.number(),
  }),
});
export type MergeView = z.infer<typeof MergeView>;

export const UnitSummaryView = z.object({ id: z.string(), name: z.string(), kind: z.enum(UNIT_KINDS) });

export const PairingView = z.object({ unitId: z.string(), communityId: z.string(), communityName: z.string(), pairedOn: z.string() });

export const AppointmentView = z.object({
  grantId: z.string(),
  userId: z.string(),
  role: z.enum(['secretary', 'unit_admin']),
  /** The account's name (an existing user keeps theirs). */
  name: z.string(),
  phone: z.string(),
  newAccount: z.boolean(),
  /** Shown once, for a new account only. */
  initialPassword: z.string().nullable(),
});
export type AppointmentView = z.infer<typeof AppointmentView>;

export const SettingsView = z.object({
  collectIdNumbers: z.boolean(),
  explanation: z.string(),
  updatedAt: z.string().nullable(),
  updatedBy: z.string().nullable(),
});
export type SettingsView = z.infer<typeof SettingsView>;
