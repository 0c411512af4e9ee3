import { inBusinessZone } from '../shared/business-time';

export const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
export const DAY_LABELS: Record<string, string> = {
  mon: '周一', tue: '周二', wed: '周三', thu: '周四', fri: '周五', sat: '周六', sun: '周日', holiday: '节假日',
};
export const SLOT_LABELS = { morning: '上午', afternoon: '下午', evening: '晚上' } as const;
export type Slot = keyof typeof SLOT_LABELS;

export interface Candidate {
  memberId: string;
  posts: string[];
  skills: string[];
  /** day (mon…sun, holiday) → slots */
  availability: Record<string, string[]>;
  gridId: string | null;
  hoursThisYear: number;
  /** Past orders the member accepted that have ended, and how many of those they came to. */
  pastAccepted: number;
  pastAttended: number;
  /** Accepted orders overlapping this one. */
  overlapping: number;
}

/** When the order starts, as a member's weekly availability says it: the day of the week and the slot, in Beijing. */
export interface OrderTime {
  day: (typeof WEEKDAYS)[number];
  slot: Slot;
}

export interface OrderNeeds {
  /** Worked out once per order (orderTimeOf), not once per candidate: the time-zone arithmetic is the costly part. */
  time: OrderTime;
  requiredPosts: string[];
  requiredSkills: string[];
  /** The grid of the resident served, for a home service. */
  gridId: string | null;
  /** The median of the community's members' hours this year. */
  medianHours: number;
}

export const slotOf = (instant: Date): Slot => {
  const hour = inBusinessZone(instant).hour();
  return hour < 12 ? 'morning' : hour < 18 ? 'afternoon' : 'evening';
};

export const orderTimeOf = (startsAt: Date): OrderTime => ({ day: WEEKDAYS[inBusinessZone(startsAt).day()], slot: slotOf(startsAt) });

/**
 * Why this member suits this order, and how much: posts and skills that match, free at that time
 * by their weekly availability, same grid, fewer hours so far this year, reliable attendance.
 * A member already busy at that time is ranked last, with the reason.
 */
export function scoreCandidate(candidate: Candidate, needs: OrderNeeds): { score: number; reasons: string[] } {
  const reasons: string[] = [];
  let score = 0;
  for (const post of needs.requiredPosts.filter((post) => candidate.posts.includes(post))) {
    score += 3;
    reasons.push(`认领了「${post}」`);
  }
  for (const skill of needs.requiredSkills.filter((skill) => candidate.skills.includes(skill))) {
    score += 2;
    reasons.push(`擅长${skill}`);
  }
  const { day, slot } = needs.time;
  if (candidate.availability[day]?.includes(slot)) {
    score += 2;
    reasons.push(`${DAY_LABELS[day]}${SLOT_LABELS[slot]}有空`);
  }
  if (needs.gridId && candidate.gridId === needs.gridId) {
    score += 1;
    reasons.push('与服务对象同一网格');
  }
  if (candidate.hoursThisYear < needs.medianHours) {
    score += 1 + (needs.medianHours - candidate.hoursThisYear) / Math.max(needs.medianHours, 1);
    reasons.push(`今年服务${candidate.hoursThisYear.toFixed(1)}小时，少于社区中位数`);
  }
  if (candidate.pastAccepted >= 3) {
    const rate = candidate.pastAttended / candidate.pastAccepted;
    if (rate >= 0.9) {
      score += 1;
      reasons.push(`守约率${Math.round(rate * 100)}%`);
    } else if (rate < 0.6) {
      score -= 1;
      reasons.push(`接单后到场率${Math.round(rate * 100)}%`);
    }
  }
  if (candidate.overlapping > 0) {
    score -= 10;
    reasons.push('该时段已有其他任务');
  }
  return { score: Math.round(score * 100) / 100, reasons };
}
