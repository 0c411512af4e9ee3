import * as z from 'zod';
import { MEMBER_TYPES } from '../registration/registration-form';
import { field } from '../shared/fields';

const memberType = field.oneOf('党员类别', [...MEMBER_TYPES, 'all'] as const).default('in_service');

export const CommunityRegisterInput = z.object({
  communityId: field.id('社区').optional(),
  memberType,
  /** Narrows the register: part of a name, the last digits of a phone (3 or more), or part of a unit's name. */
  query: field.optionalText('搜索内容', 30),
  page: field.page(),
});

export const ExportCommunityRegisterInput = z.object({
  communityId: field.id('社区').optional(),
  memberType,
  includeContacts: z.boolean({ error: '是否包含完整电话和住址须为是或否' }).default(false),
});

export const UnitStatisticsInput = z.object({ unitId: field.id('单位').optional() });

/** 县（市、区）/ 街道（乡镇）/ 社区党组织 at the head of 附件4. */
export const RegisterHeader = z.object({ district: z.string(), street: z.string(), community: z.string() });

/** One line of 在职党员社区报到登记表 (004 附件4); blank cells are empty strings. */
export const RegisterRow = z.object({
  seq: z.number(),
  memberId: z.string(),
  volunteerNo: z.string(),
  memberType: z.enum(MEMBER_TYPES),
  name: z.string(),
  gender: z.string(),
  birthMonth: z.string(),
  joinedPartyMonth: z.string(),
  education: z.string(),
  skills: z.string(),
  hobbies: z.string(),
  workUnitAndTitle: z.string(),
  unitKind: z.string(),
  address: z.string(),
  unitPhone: z.string(),
  phone: z.string(),
  serviceProjects: z.string(),
  /** 志愿服务小组: the 服务队 the member is on now (names joined by 、), empty when none. */
  serviceGroup: z.string(),
  /** The member's grid, which is not a 志愿服务小组. */
  gridName: z.string(),
  reportedOn: z.string(),
  willingOtherServices: z.string(),
});

export const CommunityRegisterView = z.object({
  header: RegisterHeader,
  memberType: z.enum([...MEMBER_TYPES, 'all']),
  countsByType: z.record(z.string(), z.number()),
  items: z.array(RegisterRow),
  total: z.number(),
});

export const DETAIL_STATUSES = ['reported', 'pending', 'returned', 'not_reported', 'awaiting'] as const;

export const UnitStatisticsView = z.object({
  unit: z.object({ id: z.string(), name: z.string(), kind: z.string() }),
  /** 附件3's figures. */
  figures: z.object({
    inService: z.number(),
    reported: z.number(),
    communities: z.number(),
    /** Past their slip's 报到截止日期, or waiting for or sent back by the community. */
    notReported: z.number(),
    /** Holding a slip whose 报到截止日期 has not passed: not late yet. */
    awaiting: z.number(),
  }),
  /** 未报到的主要原因, grouped, most frequent first. */
  reasons: z.array(z.object({ reason: z.string(), count: z.number() })),
  details: z.array(
    z.object({
      name: z.string(),
      phone: z.string(),
      community: z.string(),
      status: z.enum(DETAIL_STATUSES),
      statusLabel: z.string(),
      date: z.string(),
      reason: z.string(),
    }),
  ),
});

export const ExportedFile = z.object({ fileName: z.string(), mimeType: z.string(), base64: z.string() });

export type RegisterRow = z.infer<typeof RegisterRow>;
export type RegisterHeader = z.infer<typeof RegisterHeader>;
export type UnitStatisticsView = z.infer<typeof UnitStatisticsView>;
export type ReportMemberType = z.output<typeof CommunityRegisterInput>['memberType'];
