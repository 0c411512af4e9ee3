import type { StarScale } from './rules.schemas';

export type StarStanding = {
  basis: 'cumulative' | 'annual';
  hours: number;
  stars: number;
  label: string;
  reached: { stars: number; label: string; on: string }[];
  next: { stars: number; label: string; hours: number; hoursLeft: number } | null;
};

type Threshold = { minutes: number; stars: number; label: string };

const NO_STAR = '未评星';

/** Thresholds in minutes, in order, up to the first one above `upTo` (the next to reach), cycle after cycle where the scale repeats. */
function thresholdsUpTo(scale: StarScale, upTo: number): Threshold[] {
  const cycle = scale.repeatEveryHours === null ? null : scale.repeatEveryHours * 60;
  const found: Threshold[] = [];
  for (let round = 0; ; round += 1) {
    for (const level of scale.levels) {
      const minutes = (cycle ?? 0) * round + level.hours * 60;
      found.push({ minutes, stars: level.stars, label: round === 0 ? level.label : `第${round + 1}轮${level.label}` });
      if (minutes > upTo) return found;
    }
    if (cycle === null) return found;
  }
}

const floorTenth = (minutes: number) => Math.floor(minutes / 6) / 10;
const ceilTenth = (minutes: number) => Math.ceil(minutes / 6) / 10;

/**
 * A member's 星级 on `today` (YYYY-MM-DD, 北京时间): the hours counted (all, or this calendar year's), the stars
 * of the last threshold crossed, the day each was reached (the day of the service that crossed it) and the next.
 * Hours shown are rounded down to a tenth, hours left up, so neither claims a star not yet earned.
 */
export function starStanding(scale: StarScale, services: { date: string; minutes: number }[], today: string): StarStanding {
  const year = today.slice(0, 4);
  const counted = services
    .filter((service) => service.minutes > 0 && service.date <= today && (scale.basis === 'cumulative' || service.date.startsWith(year)))
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const total = counted.reduce((sum, service) => sum + service.minutes, 0);
  const thresholds = thresholdsUpTo(scale, total);
  const reached: StarStanding['reached'] = [];
  let sum = 0;
  let index = 0;
  for (const service of counted) {
    sum += service.minutes;
    while (index < thresholds.length && thresholds[index].minutes <= sum) {
      reached.push({ stars: thresholds[index].stars, label: thresholds[index].label, on: service.date });
      index += 1;
    }
  }
  const last = reached[reached.length - 1];
  const upcoming = thresholds[index];
  return {
    basis: scale.basis,
    hours: floorTenth(total),
    stars: last?.stars ?? 0,
    label: last?.label ?? NO_STAR,
    reached,
    next: upcoming
      ? { stars: upcoming.stars, label: upcoming.label, hours: upcoming.minutes / 60, hoursLeft: ceilTenth(upcoming.minutes - total) }
      : null,
  };
}
