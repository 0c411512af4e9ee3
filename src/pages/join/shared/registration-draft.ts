import { newPasswordProblem } from '@core/auth/password-rules'
import { isMonth } from '@/components/month-field/month'
import type { RegistrationFormInput, RegistrationOptions } from '@/services/api/registration'

export const DRAFT_KEY = 'dyg.registration-draft'
/** Set by 我的报到 when a form sent back is to be fixed and submitted again. */
export const RESUBMIT_KEY = 'dyg.registration-resubmit'

export const DAYS = [
  { key: 'mon', text: '周一' },
  { key: 'tue', text: '周二' },
  { key: 'wed', text: '周三' },
  { key: 'thu', text: '周四' },
  { key: 'fri', text: '周五' },
  { key: 'sat', text: '周六' },
  { key: 'sun', text: '周日' },
  { key: 'holiday', text: '节假日' },
] as const
export const SLOTS = [
  { key: 'morning', text: '上午' },
  { key: 'afternoon', text: '下午' },
  { key: 'evening', text: '晚上' },
] as const

export type DayKey = (typeof DAYS)[number]['key']
export type SlotKey = (typeof SLOTS)[number]['key']
export type MemberType = RegistrationFormInput['memberType']

/** What the member has typed so far, kept as they typed it (the draft in device storage). */
export interface Draft {
  name: string
  gender: '' | '男' | '女'
  ethnicity: string
  birthMonth: string
  education: string
  health: string
  memberType: '' | MemberType
  joinedPartyMonth: string
  /** An 入党积极分子's day of becoming one (optional), which starts the cultivation period. */
  activistSince: string
  unitId: string
  workUnit: string
  jobTitle: string
  unitAddress: string
  unitPhone: string
  homeAddress: string
  phone: string
  communityId: string
  gridId: string
  skills: string
  hobbies: string
  intentions: Record<string, string[]>
  posts: string[]
  availability: Partial<Record<DayKey, SlotKey[]>>
  willingLongTerm: boolean | null
  willingOtherServices: boolean | null
  idNumber: string
  /** The 报到单 the form was filled from (typed in the code box or from the link), kept for a reload. */
  slipCode: string
}

export const EMPTY_DRAFT: Draft = {
  name: '', gender: '', ethnicity: '汉族', birthMonth: '', education: '', health: '', memberType: '', joinedPartyMonth: '', activistSince: '', unitId: '',
  workUnit: '', jobTitle: '', unitAddress: '', unitPhone: '', homeAddress: '', phone: '', communityId: '', gridId: '', skills: '', hobbies: '',
  intentions: {}, posts: [], availability: {}, willingLongTerm: null, willingOtherServices: null, idNumber: '', slipCode: '',
}

/** What a 报到单 fixes in the form: the member's name (unless typed already), in-service, the unit and the community; a grid of another community is dropped. */
export function withSlip(draft: Draft, slip: NonNullable<RegistrationOptions['slip']>): Draft {
  return {
    ...draft,
    name: draft.name || slip.memberName,
    memberType: 'in_service',
    unitId: slip.unitId,
    communityId: slip.communityId,
    gridId: draft.communityId === slip.communityId ? draft.gridId : '',
    slipCode: slip.code,
  }
}

export type FieldErrors = Partial<Record<keyof Draft | 'password' | 'phoneCode' | 'slipCode', string>>

/** Ticks or clears one cell of the availability grid. */
export function toggleCell(grid: Draft['availability'], day: DayKey, slot: SlotKey): Draft['availability'] {
  const slots = grid[day] ?? []
  const next = slots.includes(slot) ? slots.filter((s) => s !== slot) : SLOTS.map((s) => s.key).filter((s) => s === slot || slots.includes(s))
  return { ...grid, [day]: next }
}

/** A tap on a row header fills the whole row, or clears it when it is full already. */
export function toggleRow(grid: Draft['availability'], day: DayKey): Draft['availability'] {
  const full = (grid[day]?.length ?? 0) === SLOTS.length
  return { ...grid, [day]: full ? [] : SLOTS.map((s) => s.key) }
}


/** Friendly checks before sending; the server checks everything again and has the last word. */
export function precheck(draft: Draft, needsPassword: boolean, password: string): FieldErrors {
  const errors: FieldErrors = {}
  if (!draft.name.trim()) errors.name = '请填写姓名'
  if (!draft.gender) errors.gender = '请选择性别'
  if (!draft.ethnicity.trim()) errors.ethnicity = '请填写民族'
  if (!draft.birthMonth) errors.birthMonth = '请选择出生年月'
  else if (!isMonth(draft.birthMonth)) errors.birthMonth = '出生年月须为年月，例如 1985-06'
  if (!draft.education) errors.education = '请选择学历'
  if (!draft.memberType) errors.memberType = '请选择党员类别'
  if (draft.memberType && draft.memberType !== 'activist' && !isMonth(draft.joinedPartyMonth)) {
    errors.joinedPartyMonth = draft.joinedPartyMonth ? '入党时间须为年月，例如 2008-07' : '请选择入党时间'
  }
  if (draft.memberType === 'in_service' && !draft.unitId) errors.unitId = '在职党员请选择所在单位'
  if (!draft.homeAddress.trim()) errors.homeAddress = '请填写家庭住址'
  if (!/^1[3-9]\d{9}$/.test(draft.phone.trim())) errors.phone = '本人手机须为11位手机号码'
  if (!draft.communityId) errors.communityId = '请选择报到社区'
  if (draft.posts.length === 0) errors.posts = '请至少认领一个岗位'
  if (!Object.values(draft.availability).some((slots) => (slots?.length ?? 0) > 0)) errors.availability = '能参加服务的时间至少勾选一格'
  if (draft.willingLongTerm === null) errors.willingLongTerm = '请选择是否愿意长期服务'
  if (draft.willingOtherServices === null) errors.willingOtherServices = '请选择是否愿意参加社区其他服务'
  const passwordProblem = needsPassword ? newPasswordProblem(password, { phone: draft.phone.trim(), label: '登录密码' }) : null
  if (passwordProblem) errors.password = passwordProblem
  return errors
}

const optional = (text: string) => (text.trim() ? text.trim() : undefined)

/** The draft as the registration form the server takes. */
export function toFormInput(draft: Draft): RegistrationFormInput {
  return {
    name: draft.name.trim(),
    gender: draft.gender as '男' | '女',
    ethnicity: draft.ethnicity.trim(),
    birthMonth: draft.birthMonth,
    education: draft.education as RegistrationFormInput['education'],
    health: optional(draft.health),
    memberType: draft.memberType as MemberType,
    joinedPartyMonth: draft.memberType === 'activist' ? optional(draft.joinedPartyMonth) : draft.joinedPartyMonth,
    activistSince: draft.memberType === 'activist' ? optional(draft.activistSince) : undefined,
    unitId: draft.memberType === 'in_service' ? optional(draft.unitId) : undefined,
    workUnit: optional(draft.workUnit),
    jobTitle: optional(draft.jobTitle),
    unitAddress: optional(draft.unitAddress),
    unitPhone: optional(draft.unitPhone),
    homeAddress: draft.homeAddress.trim(),
    phone: draft.phone.trim(),
    communityId: draft.communityId,
    gridId: optional(draft.gridId),
    skills: draft.skills.split(/[，,、\s]+/).filter(Boolean),
    hobbies: optional(draft.hobbies),
    serviceIntentions: Object.entries(draft.intentions).map(([category, subItems]) => ({ category, subItems })) as RegistrationFormInput['serviceIntentions'],
    posts: draft.posts as RegistrationFormInput['posts'],
    availability: Object.fromEntries(Object.entries(draft.availability).filter(([, slots]) => slots && slots.length > 0)),
    willingLongTerm: draft.willingLongTerm ?? false,
    willingOtherServices: draft.willingOtherServices ?? false,
    idNumber: optional(draft.idNumber),
  }
}

/** A submitted form back into a draft (resubmitting after the community sent it back). */
export function fromForm(form: RegistrationFormInput): Draft {
  return {
    ...EMPTY_DRAFT,
    name: form.name, gender: form.gender, ethnicity: form.ethnicity, birthMonth: form.birthMonth, education: form.education,
    health: form.health ?? '', memberType: form.memberType, joinedPartyMonth: form.joinedPartyMonth ?? '', activistSince: form.activistSince ?? '', unitId: form.unitId ?? '',
    workUnit: form.workUnit ?? '', jobTitle: form.jobTitle ?? '', unitAddress: form.unitAddress ?? '', unitPhone: form.unitPhone ?? '',
    homeAddress: form.homeAddress, phone: form.phone, communityId: form.communityId, gridId: form.gridId ?? '', skills: (form.skills ?? []).join('、'),
    hobbies: form.hobbies ?? '', intentions: Object.fromEntries((form.serviceIntentions ?? []).map((i) => [i.category, i.subItems ?? []])),
    posts: [...form.posts], availability: form.availability as Draft['availability'], willingLongTerm: form.willingLongTerm,
    willingOtherServices: form.willingOtherServices, idNumber: form.idNumber ?? '',
  }
}

/** The server names fields as `form.phone`, `form.serviceIntentions.0.subItems`: each goes under its section. */
export function fieldErrorsOf(fields: Record<string, string> | undefined): FieldErrors {
  const errors: FieldErrors = {}
  for (const [path, message] of Object.entries(fields ?? {})) {
    const parts = path.split('.')
    const key = parts[0] === 'form' ? parts[1] : parts[0]
    errors[(key === 'serviceIntentions' ? 'intentions' : key) as keyof FieldErrors] ??= message
  }
  return errors
}

/** The order the sections appear in, to scroll to the first field in error. */
export const FIELD_ORDER: (keyof FieldErrors)[] = [
  'slipCode', 'name', 'gender', 'ethnicity', 'birthMonth', 'education', 'health', 'phone', 'homeAddress', 'memberType', 'joinedPartyMonth', 'activistSince',
  'unitId', 'workUnit', 'jobTitle', 'unitAddress', 'unitPhone', 'communityId', 'gridId', 'posts', 'intentions', 'skills', 'hobbies',
  'availability', 'willingLongTerm', 'willingOtherServices', 'idNumber', 'password', 'phoneCode',
]
