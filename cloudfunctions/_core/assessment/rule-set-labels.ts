// Plain data, no zod: the front end reads these labels without the schema library in its bundle.
/** Who a rule holds to account. */
export const SUBJECTS = ['member', 'activist', 'team', 'organisation'] as const;
export type Subject = (typeof SUBJECTS)[number];

export const SUBJECT_LABELS: Record<Subject, string> = { member: '党员', activist: '入党积极分子', team: '服务队', organisation: '基层党组织' };

/** What a rule counts or measures. */
export const MEASURES = [
  'service_hours',
  'service_count',
  'good_deeds',
  'suggestions',
  'reported',
  'focused_activities',
  'team_deeds',
  'registration_rate',
  'participation_rate',
  'satisfaction_rate',
] as const;
export type Measure = (typeof MEASURES)[number];

export const RATE_MEASURES = ['registration_rate', 'participation_rate', 'satisfaction_rate'] as const satisfies readonly Measure[];
export type RateMeasure = (typeof RATE_MEASURES)[number];

export const MEASURE_LABELS: Record<Measure, string> = {
  service_hours: '服务时数',
  service_count: '服务次数',
  good_deeds: '为帮扶对象办好事',
  suggestions: '建议',
  reported: '到社区报到',
  focused_activities: '集中性活动',
  team_deeds: '为基层办实事',
  registration_rate: '在职党员义工注册率',
  participation_rate: '参与志愿服务率',
  satisfaction_rate: '回访满意率',
};

/** The unit a figure of the measure is shown in. */
export const MEASURE_UNITS: Record<Measure, string> = {
  service_hours: '小时',
  service_count: '次',
  good_deeds: '件',
  suggestions: '条',
  reported: '',
  focused_activities: '次',
  team_deeds: '件',
  registration_rate: '%',
  participation_rate: '%',
  satisfaction_rate: '%',
};

export const MEASURES_OF: Record<Subject, readonly Measure[]> = {
  member: ['service_hours', 'service_count', 'good_deeds', 'suggestions', 'reported'],
  activist: ['service_hours', 'service_count', 'good_deeds', 'suggestions', 'reported'],
  team: ['focused_activities', 'team_deeds'],
  organisation: RATE_MEASURES,
};

/** Over what time a rule's threshold must be reached: each year, each quarter of the year, or the whole cultivation period of an activist. */
export const PERIODS = ['year', 'quarter', 'cultivation'] as const;
export type Period = (typeof PERIODS)[number];

export const PERIOD_LABELS: Record<Period, string> = { year: '每年', quarter: '每季度', cultivation: '培养期内' };

/** Measures whose figure can be split by quarter. */
export const QUARTERLY: readonly Measure[] = ['service_hours', 'service_count', 'focused_activities'];

/** What follows when a rule is not met. */
export const CONSEQUENCES = ['not_excellent', 'no_commendation', 'no_merit_rating', 'organisation_no_merit'] as const;
export type Consequence = (typeof CONSEQUENCES)[number];

export const CONSEQUENCE_LABELS: Record<Consequence, string> = {
  not_excellent: '年度民主评议不得评为优秀',
  no_commendation: '不得参加评选表彰',
  no_merit_rating: '取消当年评先评优资格',
  organisation_no_merit: '组织当年不得参加评选评优',
};

export const MEMBER_TYPES = ['in_service', 'community', 'probationary', 'activist'] as const;
export type MemberType = (typeof MEMBER_TYPES)[number];

/**
 * How a member who joins the community during the year is held to a yearly rule: `pro_rata_quarters` holds them to
 * the quarters they belong for from the quarter's first day (yearly targets scaled by those quarters out of four),
 * `full` holds them to the whole year's target.
 */
export const MID_YEAR_POLICIES = ['pro_rata_quarters', 'full'] as const;
export type MidYearPolicy = (typeof MID_YEAR_POLICIES)[number];
