import type { Executor } from '../db/database';
import { loadMemberFacts } from '../assessment/member-facts.repository';
import { loadOrganisationRates } from '../assessment/organisation-rates.repository';
import { unitInScope } from '../org/district-scope';
import { orgRepository } from '../org/org.repository';
import { toHours } from '../records/record-view';
import { administersUnit, assertManagesCommunity, grantsOf, requireCaller, unitAdministeredBy, type ActionContext, type Caller } from '../runtime';
import { businessDate } from '../shared/business-time';
import { commonErrors } from '../shared/domain-error';
import { briefsRepository } from '../orders/briefs/briefs.repository';
import { reportsErrors } from './reports.errors';
import { dueOf, figuresThrough, quarterBegun, quarterOf, quarterSpan, type QuarterRef } from './quarterly-report-period';
import { quarterlyReportRepository, type ReportOwner, type SubmissionRow } from './quarterly-report.repository';
import type { OrganisationContacts, QuarterlyFigures, QuarterlyReportView } from './quarterly-report.schemas';

/** How much of a 简讯's text the 季报表's 项目 carries: its first lines run together, cut at a sentence when one ends early enough. */
export const BRIEF_SUMMARY_CHARS = 60;

export function briefSummary(body: string): string {
  const text = body.replace(/\s+/g, ' ').trim();
  if ([...text].length <= BRIEF_SUMMARY_CHARS) return text;
  const head = [...text].slice(0, BRIEF_SUMMARY_CHARS).join('');
  const stop = Math.max(head.lastIndexOf('。'), head.lastIndexOf('！'), head.lastIndexOf('；'));
  return stop >= BRIEF_SUMMARY_CHARS / 2 ? head.slice(0, stop + 1) : `${head}…`;
}

export type OrganisationRef = { communityId?: string; unitId?: string };

/** The organisation whose report it is and how the caller stands to it: its own secretary or unit admin, or the district above. */
export type ReportScope = { owner: ReportOwner; name: string; as: 'own' | 'district' };

/**
 * A secretary reads her community's report, a unit admin their unit's, a district admin any community's or unit's of
 * her district (she names it). With nothing named, the caller's own community, else their unit.
 */
export async function reportScope(ctx: ActionContext, ref: OrganisationRef): Promise<ReportScope> {
  const caller = requireCaller(ctx.caller);
  if (ref.unitId) {
    const as = administersUnit(caller, ref.unitId) ? 'own' : 'district';
    const unit = as === 'own' ? await orgRepository.findUnit(ctx.tx, ref.unitId) : await unitInScope(ctx.tx, caller, ref.unitId);
    return { owner: { kind: 'unit', id: unit.id }, name: unit.name, as };
  }
  const communityId = ref.communityId ?? grantsOf(caller, 'secretary')[0]?.orgId ?? null;
  if (communityId) {
    await assertManagesCommunity(ctx.tx, caller, communityId);
    const [community] = await orgRepository.findOrganisations(ctx.tx, [communityId]);
    if (!community || community.kind !== 'community') throw commonErrors.error('NOT_FOUND', '社区');
    return { owner: { kind: 'community', id: community.id }, name: community.name, as: ownsCommunity(caller, communityId) ? 'own' : 'district' };
  }
  if (grantsOf(caller, 'unit_admin').length === 0 && grantsOf(caller, 'district_admin').length > 0) {
    throw commonErrors.error('VALIDATION_FAILED', '请指定社区或单位', { communityId: '请选择社区或单位' });
  }
  const unit = await orgRepository.findUnit(ctx.tx, unitAdministeredBy(caller));
  return { owner: { kind: 'unit', id: unit.id }, name: unit.name, as: 'own' };
}

const ownsCommunity = (caller: Caller, communityId: string) => grantsOf(caller, 'secretary').some((grant) => grant.orgId === communityId);

/** The quarter asked for, else the one today (Beijing) falls in. */
export const quarterAsked = (ctx: ActionContext, input: { year?: number; quarter?: number }): QuarterRef =>
  input.year !== undefined && input.quarter !== undefined ? { year: input.year, quarter: input.quarter } : quarterOf(businessDate(ctx.clock.now()));

/**
 * 党员义工工作进展情况季报表 (001 附件4) of an organisation for a quarter, as it reads today (docs/glossary.md, 季报表):
 * the roll's figures from the assessment's readers (loadMemberFacts, loadOrganisationRates), the activities from the
 * credited service records of the quarter.
 */
export async function computeQuarterlyFigures(
  tx: Executor,
  today: string,
  scope: Pick<ReportScope, 'owner' | 'name'>,
  ref: QuarterRef,
  contacts: OrganisationContacts | null,
): Promise<QuarterlyFigures> {
  const { owner } = scope;
  const facts = await loadMemberFacts(tx, owner.kind === 'community' ? { communityId: owner.id } : { unitId: owner.id }, ref.year);
  const [rates] = await loadOrganisationRates(tx, { organisationIds: [owner.id] }, ref.year);
  const registration = rates?.rates.registration_rate ?? { numerator: 0, denominator: 0 };
  const registeredVolunteers = facts.filter((row) => row.memberType !== 'activist').length;
  const rows = await quarterlyReportRepository.activities(tx, owner, quarterSpan(ref));
  const total = rows.find((row) => row.order_id === null);
  const held = rows.filter((row) => row.order_id !== null);
  const briefs = new Map((await briefsRepository.summaries(tx, held.map((row) => row.order_id!))).map((brief) => [brief.order_id, brief]));
  const activities = held.map((row) => {
    const brief = briefs.get(row.order_id!);
    return {
      orderId: row.order_id!,
      project: owner.kind === 'unit' ? `${row.title}（${row.community_name}）` : row.title!,
      heldOn: row.held_on!,
      participants: row.participants,
      hours: toHours(row.minutes),
      ...(brief ? { brief: { summary: briefSummary(brief.body), photos: brief.photos, late: brief.late } } : {}),
    };
  });
  return {
    organisation: { kind: owner.kind, id: owner.id, name: scope.name },
    year: ref.year,
    quarter: ref.quarter,
    teams: await quarterlyReportRepository.teamsOn(tx, owner, figuresThrough(ref, today)),
    partyMembers: registeredVolunteers + (registration.denominator - registration.numerator),
    registeredVolunteers,
    activists: facts.length - registeredVolunteers,
    contacts,
    activities,
    totals: {
      people: total?.participants ?? 0,
      participations: activities.reduce((sum, row) => sum + row.participants, 0),
      hours: toHours(total?.minutes ?? 0),
    },
    filledOn: today,
  };
}

export const submissionView = (row: SubmissionRow, dueOn: string) => ({
  version: row.version,
  submittedAt: row.submitted_at.toISOString(),
  submittedBy: row.submitted_by_name,
  late: businessDate(row.submitted_at) > dueOn,
  seenAt: row.seen_at?.toISOString() ?? null,
  figures: row.figures,
});

/** The report as it reads today and as last submitted. The district opening a submitted report marks it seen. */
export async function quarterlyReport(ctx: ActionContext, input: OrganisationRef & { year?: number; quarter?: number }): Promise<QuarterlyReportView> {
  const scope = await reportScope(ctx, input);
  const ref = quarterAsked(ctx, input);
  const now = ctx.clock.now();
  const today = businessDate(now);
  const contacts = await quarterlyReportRepository.contactsOf(ctx.tx, scope.owner);
  const current = await computeQuarterlyFigures(ctx.tx, today, scope, ref, contacts);
  const latest = await quarterlyReportRepository.latestSubmission(ctx.tx, scope.owner, ref.year, ref.quarter);
  if (latest && !latest.seen_at && scope.as === 'district') {
    await quarterlyReportRepository.markSeen(ctx.tx, latest.id, requireCaller(ctx.caller).userId, now);
    latest.seen_at = now;
  }
  const due = dueOf(ref, today);
  return {
    current,
    submitted: latest ? submissionView(latest, due.dueOn) : null,
    due: { ...due, overdue: due.overdue && !latest },
    canSubmit: scope.as === 'own' && quarterBegun(ref, today) && !latest?.seen_at,
  };
}

/**
 * Sends the quarter's report to the level above: its figures frozen as a new version, with who and when. Refused for a
 * quarter not begun, for the district itself, and once the level above has opened the latest version. The contacts
 * are needed the first time and replace the kept ones whenever given.
 */
export async function submitQuarterlyReport(
  ctx: ActionContext,
  input: OrganisationRef & { year: number; quarter: number; contacts?: OrganisationContacts },
): Promise<QuarterlyReportView> {
  const scope = await reportScope(ctx, input);
  if (scope.as !== 'own') throw reportsErrors.error('REPORT_NOT_YOURS_TO_SUBMIT');
  const caller = requireCaller(ctx.caller);
  const ref = { year: input.year, quarter: input.quarter };
  const now = ctx.clock.now();
  if (!quarterBegun(ref, businessDate(now))) throw reportsErrors.error('REPORT_QUARTER_NOT_BEGUN', undefined, { quarter: '该季度尚未开始' });
  await quarterlyReportRepository.lockOwner(ctx.tx, scope.owner);
  const latest = await quarterlyReportRepository.latestSubmission(ctx.tx, scope.owner, ref.year, ref.quarter);
  if (latest?.seen_at) throw reportsErrors.error('REPORT_ALREADY_SEEN');
  const contacts = input.contacts ?? (await quarterlyReportRepository.contactsOf(ctx.tx, scope.owner));
  if (!contacts) {
    throw reportsErrors.error('REPORT_CONTACTS_REQUIRED', undefined, {
      'contacts.leadName': '请填写负责人姓名', 'contacts.leadPhone': '请填写负责人联系电话',
      'contacts.contactName': '请填写联系人姓名', 'contacts.contactPhone': '请填写联系人联系电话',
    });
  }
  if (input.contacts) await quarterlyReportRepository.saveContacts(ctx.tx, scope.owner, input.contacts, caller.userId, now);
  const figures = await computeQuarterlyFigures(ctx.tx, businessDate(now), scope, ref, contacts);
  await quarterlyReportRepository.insertSubmission(ctx.tx, {
    id: ctx.newId(), owner: scope.owner, ...ref, version: (latest?.version ?? 0) + 1, figures, by: caller.userId, at: now,
  });
  return quarterlyReport(ctx, { ...(scope.owner.kind === 'unit' ? { unitId: scope.owner.id } : { communityId: scope.owner.id }), ...ref });
}
