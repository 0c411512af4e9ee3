import * as z from 'zod';
import { MEMBER_POSTS, SERVICE_CATEGORIES, isSubItemOf } from '../catalogue/service-catalogue';
import { field } from '../shared/fields';

export const MEMBER_TYPES = ['in_service', 'community', 'probationary', 'activist'] as const;
export const MEMBER_TYPE_LABELS: Record<(typeof MEMBER_TYPES)[number], string> = {
  in_service: '在职党员',
  community: '社区党员',
  probationary: '预备党员',
  activist: '入党积极分子',
};

export const AVAILABILITY_DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun', 'holiday'] as const;
export const AVAILABILITY_SLOTS = ['morning', 'afternoon', 'evening'] as const;

export const EDUCATION_LEVELS = ['初中及以下', '高中（中专）', '大专', '本科', '硕士研究生', '博士研究生'] as const;

/** A month as YYYY-MM (出生年月, 入党时间). */
const month = (label: string) => field.month(label, { from: 1900 });

/** day → slots ticked; 001 附件3's grid of Mon–Sun + holidays × morning / afternoon / evening. */
export const Availability = z
  .partialRecord(
    z.enum(AVAILABILITY_DAYS, { error: '能参加服务的时间：日期须为周一至周日或节假日' }),
    z.array(z.enum(AVAILABILITY_SLOTS, { error: '能参加服务的时间：时段须为上午、下午或晚上' })).max(3),
  )
  .refine((grid) => Object.values(grid).some((slots) => (slots?.length ?? 0) > 0), '能参加服务的时间至少勾选一格');

export const ServiceIntention = z
  .object({
    category: field.oneOf('服务意向', SERVICE_CATEGORIES),
    subItems: z.array(field.string('服务意向的具体项目')).max(12).default([]),
  })
  .refine((intention) => intention.subItems.every((item) => isSubItemOf(intention.category, item)), {
    message: '服务意向的具体项目须从该类别的项目中选择',
    path: ['subItems'],
  });

/**
 * 在职党员基本情况登记表 (004 附件2) with 台山市义工注册登记表 (001 附件3): what a member fills on the phone.
 * Dates that the clock decides (a birth month in the future) are checked by the use case, which has the clock.
 */
export const RegistrationForm = z
  .object({
    name: field.text('姓名', { max: 30 }),
    gender: field.oneOf('性别', ['男', '女']),
    ethnicity: field.text('民族', { max: 20 }),
    birthMonth: month('出生年月'),
    education: field.oneOf('学历', EDUCATION_LEVELS),
    health: field.optionalText('健康状况', 20),
    memberType: field.oneOf('党员类别', MEMBER_TYPES),
    joinedPartyMonth: month('入党时间').optional(),
    /** An 入党积极分子's day of becoming one, which starts the cultivation period the assessment counts (000 §三.(二)). */
    activistSince: field.day('成为入党积极分子日期', { example: '2025-03-01' }).optional(),
    /** The unit an in-service member belongs to; a 报到单 gives it, otherwise the member picks it. */
    unitId: field.id('所在单位').optional(),
    workUnit: field.optionalText('工作单位', 80),
    jobTitle: field.optionalText('职务', 30),
    unitAddress: field.optionalText('单位地址', 120),
    unitPhone: field
      .string('单位联系电话')
      .regex(/^(0\d{2,3}-?\d{7,8}|1[3-9]\d{9})$/, '单位联系电话须为固定电话（如 0750-5511941）或11位手机号码')
      .optional(),
    homeAddress: field.text('家庭住址', { max: 120 }),
    phone: field.phone('本人手机'),
    communityId: field.chosenId('报到社区'),
    gridId: field.id('网格').optional(),
    skills: z.array(field.text('专业特长', { max: 20 }), { error: '专业特长须为列表' }).max(10, '专业特长最多填10项').default([]),
    hobbies: field.optionalText('兴趣爱好', 100),
    serviceIntentions: z.array(ServiceIntention, { error: '服务意向须为列表' }).max(14).default([]),
    posts: z
      .array(field.oneOf('认领岗位', MEMBER_POSTS), { error: '认领岗位须为列表' })
      .min(1, '请至少认领一个岗位')
      .max(MEMBER_POSTS.length),
    availability: Availability,
    willingLongTerm: z.boolean({ error: '请选择是否愿意长期服务' }),
    willingOtherServices: z.boolean({ error: '请选择是否愿意参加社区其他服务' }),
    /** Only where the district collects ID numbers; refused otherwise. */
    idNumber: field
      .string('身份证号码')
      .toUpperCase()
      .regex(/^\d{17}[\dX]$/, '身份证号码须为18位')
      .optional(),
    /** Why a member moves to another community (转移); only on a transfer. */
    transferReason: field.optionalText('转移原因', 200),
  })
  .superRefine((form, ctx) => {
    if (form.memberType === 'in_service' && !form.workUnit && !form.unitId) {
      ctx.addIssue({ code: 'custom', path: ['workUnit'], message: '在职党员请填写工作单位' });
    }
    if (form.memberType !== 'activist' && form.activistSince) {
      ctx.addIssue({ code: 'custom', path: ['activistSince'], message: '只有入党积极分子填写成为入党积极分子日期' });
    }
    if (form.memberType !== 'activist' && !form.joinedPartyMonth) {
      ctx.addIssue({ code: 'custom', path: ['joinedPartyMonth'], message: '请填写入党时间' });
    }
  });

export type RegistrationForm = z.output<typeof RegistrationForm>;
export type RegistrationFormInput = z.input<typeof RegistrationForm>;
