import * as z from 'zod';
import { assessmentYear, RuleSetOrigin } from '../assessment/assessment-common.schemas';
import { RuleOutcomeView } from '../assessment/standing.schemas';
import { field } from '../shared/fields';

/** 服务队 (001 §五.(一)), 党员工作室, and teams formed around a need or a skill (002 §二.3). */
export const TEAM_KINDS = ['service_team', 'studio', 'need', 'skill'] as const;
export type TeamKind = (typeof TEAM_KINDS)[number];

export const TEAM_KIND_LABELS: Record<TeamKind, string> = {
  service_team: '党员义工服务队',
  studio: '党员工作室',
  need: '需求组团',
  skill: '专长组团',
};

/** Whose teams: a community's (its secretary, or the district admin of its district) or a unit's (its unit admin). */
const Owner = {
  communityId: field.id('社区').optional(),
  unitId: field.id('单位').optional(),
};
const oneOwner = (input: { communityId?: string; unitId?: string }) => !(input.communityId && input.unitId);
const ONE_OWNER = { message: '社区和单位只能指明其一', path: ['unitId'] };

const year = assessmentYear().optional();

export const ListTeamsInput = z
  .object({ ...Owner, year, includeArchived: z.boolean({ error: '是否包括已撤销须为是或否' }).default(false) })
  .refine(oneOwner, ONE_OWNER);

export const CreateTeamInput = z
  .object({
    ...Owner,
    kind: field.oneOf('服务队类型', TEAM_KINDS),
    name: field.text('服务队名称', { max: 40 }),
    description: field.note('简介', 200),
    captainMemberId: field.id('队长').optional(),
  })
  .refine(oneOwner, ONE_OWNER);

export const TeamIdInput = z.object({ teamId: field.id('服务队') });
export const TeamDetailInput = z.object({ teamId: field.id('服务队'), year });

export const RenameTeamInput = z.object({
  teamId: field.id('服务队'),
  name: field.text('服务队名称', { max: 40 }),
  description: field.note('简介', 200).optional(),
});

export const AddTeamMembersInput = z.object({
  teamId: field.id('服务队'),
  memberIds: z.array(field.id('队员'), { error: '队员须为列表' }).min(1, '请至少选择一名队员').max(100, '一次最多加入100人'),
});

export const TeamMemberInput = z.object({ teamId: field.id('服务队'), memberId: field.id('队员') });

export const TeamCandidatesInput = z.object({ teamId: field.id('服务队'), query: field.optionalText('搜索词', 30) });

/** A team rule's outcome: a member rule's without quarters, consequences or exemption, which team rules do not carry. */
const TeamRuleOutcomeView = RuleOutcomeView.omit({ quarters: true, consequences: true, exemption: true });

export const TeamSummaryView = z.object({
  id: z.string(),
  kind: z.enum(TEAM_KINDS),
  kindLabel: z.string(),
  name: z.string(),
  description: z.string(),
  owner: z.object({ kind: z.enum(['community', 'unit']), id: z.string(), name: z.string() }),
  captain: z.object({ memberId: z.string(), name: z.string() }).nullable(),
  memberCount: z.number(),
  /** This year's 集中性活动 that count (see team-activities.ts) and confirmed 实事. */
  focusedActivityCount: z.number(),
  deedCount: z.number(),
  /** The team rules of the owner's rule set for the year; empty when it holds none. */
  standing: z.array(TeamRuleOutcomeView),
  archived: z.boolean(),
});

const RuleSetRef = z.object({ name: z.string(), origin: RuleSetOrigin, version: z.number().nullable() });

export const TeamListView = z.object({
  owner: z.object({ kind: z.enum(['community', 'unit']), id: z.string(), name: z.string() }),
  year: z.number(),
  ruleSet: RuleSetRef,
  items: z.array(TeamSummaryView),
});

export const TeamMemberView = z.object({
  memberId: z.string(),
  name: z.string(),
  volunteerNo: z.string(),
  memberType: z.string(),
  gridName: z.string().nullable(),
  phoneMasked: z.string(),
  joinedAt: z.string(),
  captain: z.boolean(),
});

export const TeamActivityView = z.object({
  orderId: z.string(),
  title: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  status: z.string(),
  attended: z.number(),
  /** Whether it counts as a 集中性活动 of the year (team-activities.ts). */
  counts: z.boolean(),
});

export const TeamDetailView = TeamSummaryView.extend({
  year: z.number(),
  ruleSet: RuleSetRef,
  members: z.array(TeamMemberView),
  activities: z.array(TeamActivityView),
});

export const TeamCandidatesView = z.object({
  items: z.array(z.object({ memberId: z.string(), name: z.string(), volunteerNo: z.string(), memberType: z.string(), gridName: z.string().nullable() })),
});

export type CreateTeamInput = z.infer<typeof CreateTeamInput>;
export type ListTeamsInput = z.infer<typeof ListTeamsInput>;
export type TeamSummaryView = z.infer<typeof TeamSummaryView>;
export type TeamDetailView = z.infer<typeof TeamDetailView>;
