import { randomUUID } from 'node:crypto';
import { PRESETS } from '../cloudfunctions/_core/assessment/presets';
import { ruleSetRepository } from '../cloudfunctions/_core/assessment/rule-set.repository';
import type { Executor } from '../cloudfunctions/_core/db/database';
import { businessYear } from '../cloudfunctions/_core/shared/business-time';

/**
 * 考核规则: the demo district has chosen 台山 2020 for this year (so its history has one version), and one member of the
 * first community, not the demo member, is exempted with the street committee's approval.
 */
export async function seedRuleSets(
  tx: Executor,
  { now, districtId, districtAdmin, exempted }: { now: Date; districtId: string; districtAdmin: { id: string }; exempted: { id: string } | undefined },
): Promise<void> {
  const year = businessYear(now);
  await ruleSetRepository.insertVersion(tx, {
    id: randomUUID(),
    districtId,
    streetId: null,
    year,
    preset: 'taishan-2020',
    document: PRESETS['taishan-2020'],
    reason: '按台山 2020 通知考核：党员每年服务不少于25小时，入党积极分子培养期内不少于50小时',
    chosenBy: districtAdmin.id,
    chosenAt: now,
  });
  if (!exempted) return;
  await tx.query(
    `insert into assessment_exemptions (id, member_id, year, reason, approved_by, approval_ref, recorded_by, recorded_at)
     values ($1, $2, $3, '年事已高，长期患病，经本人申请免除当年服务考核', '示例街道党工委', $4, $5, $6)`,
    [randomUUID(), exempted.id, year, `示街党〔${year}〕3号`, districtAdmin.id, now],
  );
}
