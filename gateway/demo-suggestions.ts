import { randomUUID } from 'node:crypto';
import type { Executor } from '../cloudfunctions/_core/db/database';
import { businessYear } from '../cloudfunctions/_core/shared/business-time';

type Person = { id: string };

const DAY = 24 * 60 * 60 * 1000;
const daysBefore = (now: Date, days: number) => new Date(now.getTime() - days * DAY);

/**
 * 建议 and 承诺 in the first community: the demo member has a suggestion the secretary answered and a 好事 committed
 * for this year; another member's suggestion and another's reported 好事 wait for the secretary.
 */
export async function seedSuggestionsAndCommitments(
  tx: Executor,
  { now, communityId, secretary, demoMember, others }: { now: Date; communityId: string; secretary: Person; demoMember: Person; others: Person[] },
): Promise<void> {
  const [suggester, deedDoer] = [others[0], others[1] ?? others[0]];
  // Early in the year's last days an instant a few days back may fall in the year before: keep every date in this year.
  const year = businessYear(now);
  const inYear = (days: number) => {
    const at = daysBefore(now, days);
    return businessYear(at) === year ? at : now;
  };
  await tx.query(
    `insert into suggestions (id, member_id, community_id, category, body, status, reply, handled_by, handled_at, submitted_at)
     values ($1, $2, $3, '环境卫生', '小区东门的路灯坏了两盏，晚上老人出门看不清路，建议尽快维修', 'replied',
             '已联系物业，本周内更换路灯，谢谢您的建议', $4, $5, $6),
            ($7, $8, $3, '为民服务', '建议社区服务站周六上午也开放，方便上班族办事', 'submitted', null, null, null, $9)`,
    [randomUUID(), demoMember.id, communityId, secretary.id, inYear(1), inYear(3), randomUUID(), suggester.id, inYear(0)],
  );
  await tx.query(
    `insert into commitments (id, year, community_id, member_id, beneficiary, content, status, fulfilment, fulfilled_at, created_by, created_at)
     values ($1, $2, $3, $4, '独居老人陈阿婆', '每月上门陪伴一次，帮忙打扫卫生、代买日用品', 'committed', null, null, $4, $5),
            ($6, $2, $3, $7, '困难家庭小明', '每周末辅导小明功课一次', 'fulfilled', '已连续辅导8个周末，小明数学成绩从70分提高到85分', $8, $7, $9)`,
    [randomUUID(), year, communityId, demoMember.id, inYear(5), randomUUID(), deedDoer.id, inYear(1), inYear(40)],
  );
}
