import { inBusinessZone } from '../shared/business-time';

export interface OrderTimePlace {
  startsAt: Date;
  endsAt: Date;
  place: string;
}

const spanText = (startsAt: Date, endsAt: Date) => {
  const [start, end] = [inBusinessZone(startsAt), inBusinessZone(endsAt)];
  return `${start.format('M月D日 HH:mm')}–${end.format(start.isSame(end, 'day') ? 'HH:mm' : 'M月D日 HH:mm')}`;
};

/**
 * 「时间：11月3日 09:00–11:00 改为 11月4日 09:00–11:00；地点：… 改为 …」, or '' when nothing a person would notice changed.
 * `shownPlace` masks a resident's address for whoever may not see it.
 */
export function changeSummary(before: OrderTimePlace, after: OrderTimePlace, shownPlace = (place: string) => place) {
  const parts: string[] = [];
  const [was, becomes] = [spanText(before.startsAt, before.endsAt), spanText(after.startsAt, after.endsAt)];
  if (was !== becomes) parts.push(`时间：${was} 改为 ${becomes}`);
  if (before.place !== after.place) parts.push(`地点：${shownPlace(before.place)} 改为 ${shownPlace(after.place)}`);
  return parts.join('；');
}
