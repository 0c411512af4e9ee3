import type { Executor } from '../../db/database';
import { notify } from '../notifier';
import { memberDisputePage, memberRecordPage, minutesText, shorten } from './texts';

export type RecordChange = 'correction' | 'manual_entry' | 'cut' | 'closed_checkout';

const CHANGE_WORDS: Record<RecordChange, string> = {
  correction: '更正了',
  manual_entry: '补录了',
  cut: '按每天8小时的规定核减了',
  closed_checkout: '补记签退，核定了',
};

/**
 * 服务时长更正: the member whose credited time a secretary changed, before → after and why. Keyed by the audit entry:
 * each change is told once, however often the call is retried.
 */
export async function notifyRecordChanged(
  tx: Executor,
  at: Date,
  change: { auditId: string; recordId: string; how: RecordChange; beforeMinutes: number | null; afterMinutes: number; reason: string },
) {
  const [record] = await tx.query<{ member_id: string; content: string; service_date: string }>(
    `select member_id, content, to_char(service_date, 'YYYY-MM-DD') as service_date from service_records where id = $1`,
    [change.recordId],
  );
  const fromTo = change.beforeMinutes === null ? `记为${minutesText(change.afterMinutes)}` : `由${minutesText(change.beforeMinutes)}改为${minutesText(change.afterMinutes)}`;
  await notify(tx, at, [record.member_id], {
    kind: 'record_corrected',
    eventKey: `record-corrected:${change.auditId}`,
    title: '您的服务时长有变动',
    body: shorten(`社区${CHANGE_WORDS[change.how]}您${record.service_date}「${record.content}」的服务时长：${fromTo}。原因：${change.reason}。如有不同意见，可以在记录里申诉。`, 500),
    page: memberRecordPage(change.recordId),
    fields: { activity: record.content, status: '时长已更正', note: `${fromTo}：${change.reason}` },
  });
}

/** 申诉处理结果: the member who disputed, with the decision in the secretary's words. */
export async function notifyDisputeDecided(tx: Executor, at: Date, dispute: { id: string; orderId: string; memberId: string; decision: 'upheld' | 'rejected'; resolution: string }) {
  const [order] = await tx.query<{ title: string }>('select title from orders where id = $1', [dispute.orderId]);
  const upheld = dispute.decision === 'upheld';
  await notify(tx, at, [dispute.memberId], {
    kind: 'dispute_decided',
    eventKey: `dispute-decided:${dispute.id}`,
    title: upheld ? '您的申诉已成立' : '您的申诉未被采纳',
    body: shorten(
      `您对「${order.title}」服务时长的申诉，社区已处理：${upheld ? '申诉成立' : '申诉未被采纳'}。处理意见：${dispute.resolution}。${upheld ? '如需更正时长，社区会另行更正，更正后会再通知您。' : '如仍有疑问，请当面找社区书记。'}`,
      500,
    ),
    page: memberDisputePage(dispute.orderId),
    fields: { activity: order.title, status: upheld ? '申诉成立' : '未采纳', note: dispute.resolution },
  });
}
