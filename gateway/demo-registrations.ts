import { randomUUID } from 'node:crypto';
import { SERVICE_CATALOGUE, type ServiceCategory } from '../cloudfunctions/_core/catalogue/service-catalogue';
import type { Executor } from '../cloudfunctions/_core/db/database';
import type { MemberType } from '../cloudfunctions/_core/org/org.repository';
import { EDUCATION_LEVELS, type RegistrationForm } from '../cloudfunctions/_core/registration/registration-form';
import { newSlipCode } from '../cloudfunctions/_core/registration/report-slips';
import { businessDate, inBusinessZone } from '../cloudfunctions/_core/shared/business-time';
import type { Dice } from './demo-seed';

/** A member as the demo seed made them, with what their 报到 form said. */
export interface DemoMemberFacts {
  id: string;
  name: string;
  phone: string;
  communityId: string;
  estate: string;
  gridId: string;
  unitId: string | null;
  memberType: MemberType;
  skills: string[];
  posts: RegistrationForm['posts'];
  availability: RegistrationForm['availability'];
  joinedAt: Date;
  secretaryId: string;
}

export interface DemoRegistrationWorld {
  now: Date;
  units: { id: string; name: string }[];
  members: DemoMemberFacts[];
  /** The first community (幸福社区), its secretary and the demo unit admin of the first unit. */
  first: { id: string; estate: string; gridIds: string[] };
  unitAdminId: string;
  nextPasswordHash: () => Promise<string>;
}

const DAY = 24 * 3600_000;
const HOBBIES = ['书法', '摄影', '太极拳', '唱歌', '阅读', '象棋', '跑步', '园艺', '广场舞', '钓鱼'];
const JOB_TITLES = ['科员', '副科长', '科长', '主治医师', '护士长', '办公室主任', '干部'];
const ETHNICITIES = ['汉族', '汉族', '汉族', '汉族', '汉族', '汉族', '汉族', '汉族', '壮族', '回族'];
const EDUCATION_WEIGHTS = [1, 2, 3, 4, 1.5, 0.3];
const month = (year: number, m: number) => `${year}-${String(m).padStart(2, '0')}`;

function intentions(dice: Dice): RegistrationForm['serviceIntentions'] {
  const categories = dice.sample(Object.keys(SERVICE_CATALOGUE) as ServiceCategory[], dice.int(1, 2));
  return categories.map((category) => ({
    category,
    subItems: dice.sample(SERVICE_CATALOGUE[category].filter((item) => item !== '其他'), dice.int(1, 2)),
  }));
}

/** The form a seeded member would have filled (004 附件2, 001 附件3). */
function formOf(dice: Dice, member: DemoMemberFacts, units: DemoRegistrationWorld['units'], now: Date): RegistrationForm {
  const thisYear = inBusinessZone(now).year();
  const birthYear = dice.int(1962, 2000);
  const joinedYear =
    member.memberType === 'probationary' ? thisYear - 1 : Math.min(thisYear - 2, birthYear + dice.int(20, 32));
  const unit = units.find((candidate) => candidate.id === member.unitId);
  return {
    name: member.name,
    gender: dice.chance(0.55) ? '男' : '女',
    ethnicity: dice.pick(ETHNICITIES),
    birthMonth: month(birthYear, dice.int(1, 12)),
    education: dice.weightedSample(EDUCATION_LEVELS, (level) => EDUCATION_WEIGHTS[EDUCATION_LEVELS.indexOf(level)], 1)[0],
    health: dice.chance(0.8) ? '良好' : '一般',
    memberType: member.memberType,
    joinedPartyMonth: member.memberType === 'activist' ? undefined : month(joinedYear, dice.int(1, 12)),
    unitId: unit?.id,
    workUnit: unit?.name,
    jobTitle: unit ? dice.pick(JOB_TITLES) : undefined,
    homeAddress: `${member.estate}${dice.int(1, 12)}栋${dice.int(1, 18)}0${dice.int(1, 4)}室`,
    phone: member.phone,
    communityId: member.communityId,
    gridId: member.gridId,
    skills: member.skills,
    hobbies: dice.sample(HOBBIES, dice.int(1, 2)).join('、'),
    serviceIntentions: intentions(dice),
    posts: member.posts,
    availability: member.availability,
    willingLongTerm: dice.chance(0.85),
    willingOtherServices: dice.chance(0.6),
  };
}

const standingOf = (type: MemberType) => (type === 'activist' ? '积极分子' : type === 'probationary' ? '预备' : '正式');

async function insertRegistration(
  tx: Executor,
  r: { userId: string; form: RegistrationForm; slipId: string | null; status: 'pending' | 'confirmed'; submittedAt: Date; decidedAt: Date | null; decidedBy: string | null },
) {
  const id = randomUUID();
  await tx.query(
    `insert into registrations (id, user_id, community_id, grid_id, slip_id, kind, form, status, submitted_at, decided_at, decided_by)
     values ($1, $2, $3, $4, $5, 'report', $6, $7, $8, $9, $10)`,
    [id, r.userId, r.form.communityId, r.form.gridId ?? null, r.slipId, JSON.stringify(r.form), r.status, r.submittedAt, r.decidedAt, r.decidedBy],
  );
  return id;
}

async function insertSlip(
  tx: Executor,
  s: { unitId: string; communityId: string; name: string; phone: string; standing: '正式' | '预备'; reportBy: string; issuedBy: string; issuedAt: Date; reason?: string; code?: string },
) {
  const id = randomUUID();
  await tx.query(
    `insert into report_slips (id, code, unit_id, community_id, member_name, member_phone, party_standing, report_by, issued_by, issued_at, not_reported_reason)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
    [id, s.code ?? newSlipCode(), s.unitId, s.communityId, s.name, s.phone, s.standing, s.reportBy, s.issuedBy, s.issuedAt, s.reason ?? null],
  );
  return id;
}

/**
 * Issue 4 demo data: every member's profile and confirmed 报到 (the registers read its decided_at as 报到日期),
 * and the demo unit's 报到单 — reported, one waiting for 幸福社区 to confirm, two not yet reported (one late, one with a reason).
 */
export async function seedRegistrations(tx: Executor, dice: Dice, world: DemoRegistrationWorld): Promise<void> {
  const firstUnit = world.units[0];
  let slipsForReported = 2;
  for (const member of world.members) {
    const form = formOf(dice, member, world.units, world.now);
    let slipId: string | null = null;
    if (member.unitId === firstUnit.id && member.memberType === 'in_service' && member.communityId === world.first.id && slipsForReported > 0) {
      slipsForReported--;
      slipId = await insertSlip(tx, {
        unitId: firstUnit.id, communityId: member.communityId, name: member.name, phone: member.phone, standing: '正式',
        reportBy: businessDate(new Date(member.joinedAt.getTime() + 20 * DAY)), issuedBy: world.unitAdminId, issuedAt: new Date(member.joinedAt.getTime() - 7 * DAY),
      });
    }
    const registrationId = await insertRegistration(tx, {
      userId: member.id, form, slipId, status: 'confirmed', submittedAt: new Date(member.joinedAt.getTime() - 2 * DAY), decidedAt: member.joinedAt, decidedBy: member.secretaryId,
    });
    await tx.query('update member_community_history set registration_id = $2, joined_at = $3 where member_id = $1 and left_at is null', [
      member.id, registrationId, member.joinedAt,
    ]);
    await tx.query(
      `insert into member_profiles (user_id, gender, ethnicity, birth_month, education, health, joined_party_month, party_standing, work_unit, job_title,
                                    home_address, hobbies, service_intentions, willing_long_term, willing_other_services, updated_at)
       values ($1, $2, $3, ($4 || '-01')::date, $5, $6, ($7 || '-01')::date, $8, $9, $10, $11, $12, $13, $14, $15, $16)`,
      [member.id, form.gender, form.ethnicity, form.birthMonth, form.education, form.health, form.joinedPartyMonth ?? null, standingOf(member.memberType),
        form.workUnit ?? null, form.jobTitle ?? null, form.homeAddress, form.hobbies, JSON.stringify(form.serviceIntentions), form.willingLongTerm,
        form.willingOtherServices, member.joinedAt],
    );
  }

  // A new in-service member has reported to 幸福社区 with the unit's slip and waits for the secretary.
  const issuedAt = new Date(world.now.getTime() - 5 * DAY);
  const reportBy = businessDate(new Date(world.now.getTime() + 25 * DAY));
  const newcomer = { id: randomUUID(), name: '林晓', phone: '19900003001' };
  await tx.query('insert into users (id, name, phone, password_hash, created_at) values ($1, $2, $3, $4, $5)', [
    newcomer.id, newcomer.name, newcomer.phone, await world.nextPasswordHash(), new Date(world.now.getTime() - 1 * DAY),
  ]);
  const pendingSlip = await insertSlip(tx, {
    unitId: firstUnit.id, communityId: world.first.id, name: newcomer.name, phone: newcomer.phone, standing: '正式', reportBy, issuedBy: world.unitAdminId, issuedAt,
  });
  await insertRegistration(tx, {
    userId: newcomer.id, slipId: pendingSlip, status: 'pending', submittedAt: new Date(world.now.getTime() - 1 * DAY), decidedAt: null, decidedBy: null,
    form: {
      name: newcomer.name, gender: '女', ethnicity: '汉族', birthMonth: '1991-04', education: '硕士研究生', health: '良好', memberType: 'in_service',
      joinedPartyMonth: '2013-06', unitId: firstUnit.id, workUnit: firstUnit.name, jobTitle: '科员', homeAddress: `${world.first.estate}7栋1602室`,
      phone: newcomer.phone, communityId: world.first.id, gridId: world.first.gridIds[1], skills: ['电脑', '摄影'], hobbies: '摄影、跑步',
      serviceIntentions: [{ category: '信息化服务', subItems: ['网络维护'] }, { category: '政策法规宣讲', subItems: ['时政宣教'] }],
      posts: ['政策法规宣传岗', '青少年教育服务岗'], availability: { sat: ['morning', 'afternoon'], sun: ['morning'], holiday: ['morning'] },
      willingLongTerm: true, willingOtherServices: true,
    },
  });
  // Two who have not reported yet: one past the deadline of a slip issued before codes left out I and O (typed
  // 0 for the O it is still found), one within it, for whom the unit noted why.
  await insertSlip(tx, {
    unitId: firstUnit.id, communityId: world.first.id, name: '何伟', phone: '19900003002', standing: '正式', code: 'HOME2468',
    reportBy: businessDate(new Date(world.now.getTime() - 10 * DAY)), issuedBy: world.unitAdminId, issuedAt: new Date(world.now.getTime() - 40 * DAY),
  });
  await insertSlip(tx, {
    unitId: firstUnit.id, communityId: world.first.id, name: '宋佳', phone: '19900003003', standing: '预备', reportBy, issuedBy: world.unitAdminId, issuedAt,
    reason: '外出参加封闭培训，12月中旬回来后报到',
  });
}
