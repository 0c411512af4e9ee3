import { describeIntention } from '../catalogue/service-catalogue';
import { DAY_LABELS, SLOT_LABELS } from '../orders/recommendation-rules';
import { MEMBER_TYPE_LABELS } from '../registration/registration-form';
import type { ActionContext } from '../runtime/action';
import { ROLE_LABELS, requireCaller, type Role } from '../runtime';
import { formatBusinessTime } from '../shared/business-time';
import { maskAddress } from '../shared/masking';
import { heldDataRepository as held } from './held-data.repository';
import { ERASED, KEPT } from './leave';
import { toAccessLogEntry } from './list-access-log';
import { privacyRepository } from './privacy.repository';
import type { DataSection, MyDataView } from './privacy.schemas';

type Line = DataSection['lines'][number];

const line = (label: string, value: string | number | boolean | null | undefined): Line => ({
  label,
  value: value === null || value === undefined || value === '' ? '—' : typeof value === 'boolean' ? (value ? '是' : '否') : String(value),
});
const time = (at: Date | null) => (at ? formatBusinessTime(at) : null);
const hours = (minutes: number) => Math.round((minutes / 60) * 100) / 100;
const section = (key: string, title: string, lines: Line[], entries: DataSection['entries'] = []): DataSection => ({ key, title, lines, entries });

const STATUS_LABELS: Record<string, string> = {
  pending: '待社区确认', confirmed: '已确认（回执）', returned: '已退回', withdrawn: '已撤回',
  submitted: '待受理', accepted: '已受理', rejected: '未受理',
  invited: '被邀请', declined: '已婉拒', cancelled: '已取消',
  published: '招募中', staffed: '已满员', in_service: '服务中', completed: '已完成',
  credited: '已计入', pending_approval: '待审核',
};
const label = (status: string) => STATUS_LABELS[status] ?? status;
const EVALUATION_KINDS: Record<string, string> = { resident: '居民评价', self: '自我评价', organisation: '组织评价' };
const RATINGS: Record<string, string> = {
  satisfied: '满意', basic: '基本满意', unsatisfied: '不满意', excellent: '优', good: '良', fair: '一般', done: '已填写',
};

export const formatAvailability = (grid: Record<string, string[]>) =>
  Object.entries(grid)
    .filter(([, slots]) => slots.length > 0)
    .map(([day, slots]) => `${DAY_LABELS[day] ?? day}${slots.map((slot) => SLOT_LABELS[slot as keyof typeof SLOT_LABELS] ?? slot).join('、')}`)
    .join('；');

const formatIntentions = (intentions: { category: string; subItems?: string[] }[]) => intentions.map(describeIntention).join('；');

/** The registration form as submitted, field by field (the organisation ids it carries are left out). */
const FORM_LABELS: Record<string, string> = {
  name: '姓名', gender: '性别', ethnicity: '民族', birthMonth: '出生年月', education: '学历', health: '健康状况',
  memberType: '党员类别', joinedPartyMonth: '入党时间', workUnit: '工作单位', jobTitle: '职务', unitAddress: '单位地址',
  unitPhone: '单位联系电话', homeAddress: '家庭住址', phone: '本人手机', skills: '专业特长', hobbies: '兴趣爱好',
  serviceIntentions: '服务意向', posts: '认领岗位', availability: '能参加服务的时间', willingLongTerm: '愿意长期服务',
  willingOtherServices: '愿意参加社区其他服务', idNumber: '身份证号码',
};
const formLines = (form: Record<string, unknown>): Line[] =>
  Object.entries(FORM_LABELS)
    .filter(([key]) => key in form)
    .map(([key, title]) => {
      const value = form[key];
      if (key === 'availability') return line(title, formatAvailability(value as Record<string, string[]>));
      if (key === 'serviceIntentions') return line(title, formatIntentions(value as { category: string; subItems: string[] }[]));
      if (key === 'memberType') return line(title, MEMBER_TYPE_LABELS[value as keyof typeof MEMBER_TYPE_LABELS] ?? String(value));
      return line(title, Array.isArray(value) ? value.join('、') : (value as string | boolean));
    });

/** 我的数据: everything held about the caller, in sections titled in Chinese. */
export async function loadMyData(ctx: ActionContext): Promise<MyDataView> {
  const { userId } = requireCaller(ctx.caller);
  const { tx } = ctx;
  const [account, roles, resident, demands, member, profile, registrations, history, assignments, records, evaluations, scans, devices, reads] =
    await Promise.all([
      held.account(tx, userId), held.roles(tx, userId), held.resident(tx, userId), held.demands(tx, userId),
      held.member(tx, userId), held.profile(tx, userId), held.registrations(tx, userId), held.history(tx, userId),
      held.assignments(tx, userId), held.serviceRecords(tx, userId), held.evaluations(tx, userId), held.scans(tx, userId),
      held.devices(tx, userId), privacyRepository.accessLogAbout(tx, userId),
    ]);

  const sections: DataSection[] = [
    section('account', '账户', [
      line('姓名', account.name), line('手机号码', account.phone), line('注册时间', time(account.created_at)),
      line('已绑定微信', account.wx_bound), line('已设置登录密码', account.has_password), line('已上传照片', account.has_photo),
    ]),
    section('roles', '身份', [], roles.map((role) => ({
      title: ROLE_LABELS[role.role as Role] ?? role.role,
      lines: [line('所在组织', role.org_name ?? role.unit_name)],
    }))),
  ];
  if (resident || demands.length > 0) {
    sections.push(section('resident', '居民信息', resident
      ? [line('所在社区', resident.community), line('网格', resident.grid), line('住址', resident.address)]
      : [], demands.map((demand) => ({
      title: `需求：${demand.category}`,
      lines: [line('内容', demand.description), line('状态', label(demand.status)), line('提交时间', time(demand.created_at))],
    }))));
  }
  if (member) {
    sections.push(section('member', '党员义工信息', [
      line('志愿者编号', member.volunteer_no), line('报到社区', member.community), line('网格', member.grid),
      line('工作单位', member.unit), line('党员类别', MEMBER_TYPE_LABELS[member.member_type as keyof typeof MEMBER_TYPE_LABELS]),
      line('认领岗位', member.posts.join('、')), line('专业特长', member.skills.join('、')),
      line('能参加服务的时间', formatAvailability(member.availability)), line('登记时间', time(member.created_at)),
    ]));
  }
  if (profile) {
    sections.push(section('profile', '登记表个人资料', [
      line('性别', profile.gender), line('民族', profile.ethnicity), line('出生年月', profile.birth_month),
      line('学历', profile.education), line('健康状况', profile.health), line('入党时间', profile.joined_party_month),
      line('党籍状态', profile.party_standing), line('工作单位', profile.work_unit), line('职务', profile.job_title),
      line('单位地址', profile.unit_address), line('单位联系电话', profile.unit_phone), line('家庭住址', profile.home_address),
      line('兴趣爱好', profile.hobbies), line('服务意向', formatIntentions(profile.service_intentions)),
      line('愿意长期服务', profile.willing_long_term), line('愿意参加社区其他服务', profile.willing_other_services),
      ...(profile.id_number ? [line('身份证号码', profile.id_number)] : []), line('更新时间', time(profile.updated_at)),
    ]));
  }
  if (registrations.length > 0) {
    sections.push(section('registrations', '报到与转移', [], registrations.map((registration) => ({
      title: `${registration.kind === 'transfer' ? '转移' : '报到'}：${registration.community}`,
      lines: [
        line('状态', label(registration.status)), line('退回原因', registration.return_reason),
        line('提交时间', time(registration.submitted_at)), line('处理时间', time(registration.decided_at)),
        ...formLines(registration.form),
      ],
    }))));
  }
  if (history.length > 0) {
    sections.push(section('history', '服务过的社区', [], history.map((row) => ({
      title: row.community,
      lines: [line('网格', row.grid), line('加入时间', time(row.joined_at)), line('离开时间', row.left_at ? time(row.left_at) : '至今')],
    }))));
  }
  if (member) {
    const credited = records.filter((record) => record.status === 'credited').reduce((sum, record) => sum + record.minutes_credited, 0);
    sections.push(
      section('orders', '接过的订单', [line('共计', `${assignments.length}单`)], assignments.map((row) => ({
        title: row.title,
        lines: [line('时间', time(row.starts_at)), line('我的状态', label(row.status)), line('订单状态', label(row.order_status))],
      }))),
      section('records', '服务记录', [line('共计', `${records.length}条`), line('已计入时长', `${hours(credited)}小时`)], records.map((record) => ({
        title: `${record.service_date} ${record.content}`,
        lines: [
          line('地点', record.order_kind === 'demand' ? maskAddress(record.place) : record.place), line('计入时长', `${hours(record.minutes_credited)}小时`),
          line('记录方式', record.source === 'scan' ? '扫码' : '补录'), line('状态', label(record.status)),
        ],
      }))),
      section('evaluations', '评价', [], evaluations.map((row) => ({
        title: `${row.title}（${EVALUATION_KINDS[row.kind] ?? row.kind}）`,
        lines: [line('评价', RATINGS[row.rating] ?? row.rating), line('说明', row.comment), line('时间', time(row.created_at))],
      }))),
      section('devices', '扫码签到与手机', [line('被扫码次数', scans.as_member), line('为他人扫码次数', scans.as_verifier)], devices.map((device, i) => ({
        title: `签到手机 ${devices.length - i}`,
        lines: [line('启用时间', time(device.created_at)), line('停用时间', device.revoked_at ? time(device.revoked_at) : '使用中')],
      }))),
    );
  } else if (scans.as_verifier > 0) {
    sections.push(section('devices', '扫码签到', [line('为他人扫码次数', scans.as_verifier)]));
  }
  sections.push(section('accessLog', '谁查看过我的信息', [line('共计', `${reads.length}次`)], reads.map(toAccessLogEntry).map((entry) => ({
    title: `${entry.viewerName} 查看了${entry.fieldLabel}`,
    lines: [line('时间', time(new Date(entry.at))), line('原因', entry.purpose)],
  }))));
  return { generatedAt: ctx.clock.now().toISOString(), sections, leaving: { erased: ERASED, kept: KEPT } };
}

/** The same as a UTF-8 JSON file with Chinese keys: section title → its lines, then its entries. */
export async function exportMyData(ctx: ActionContext) {
  const data = await loadMyData(ctx);
  const asObject = (lines: Line[]) => Object.fromEntries(lines.map((item) => [item.label, item.value]));
  const content = {
    导出时间: formatBusinessTime(new Date(data.generatedAt)),
    说明: '本文件包含系统中保存的您的全部个人信息（依据004号文件第二条第3款第(1)项）。',
    ...Object.fromEntries(data.sections.map((item) => [
      item.title,
      { ...asObject(item.lines), ...(item.entries.length > 0 ? { 明细: item.entries.map((entry) => ({ 标题: entry.title, ...asObject(entry.lines) })) } : {}) },
    ])),
  };
  const day = formatBusinessTime(new Date(data.generatedAt)).slice(0, 10);
  return {
    fileName: `我的个人信息-${day}.json`,
    mimeType: 'application/json' as const,
    base64: Buffer.from(JSON.stringify(content, null, 2), 'utf8').toString('base64'),
  };
}
