import type { Executor } from '../../db/database';
import { notify } from '../notifier';
import { needPage, shorten } from './texts';

/** 需求未受理: the resident, with the community's reason and what they can do next. */
export async function notifyNeedRejected(tx: Executor, at: Date, demandId: string, reason: string) {
  const [need] = await tx.query<{ id: string; resident_id: string | null; category: string }>('select id, resident_id, category from demands where id = $1', [demandId]);
  if (!need?.resident_id) return;
  await notify(tx, at, [need.resident_id], {
    kind: 'need_rejected',
    eventKey: `need-rejected:${need.id}`,
    title: '您的需求社区暂未受理',
    body: shorten(`很抱歉，您提的「${need.category}」需求，社区这次没能受理，原因：${reason}。您可以换个时间或说法重新提交，也可以打电话问问社区。`, 500),
    page: needPage(need.id),
    fields: { activity: need.category, status: '未受理', note: reason },
  });
}
