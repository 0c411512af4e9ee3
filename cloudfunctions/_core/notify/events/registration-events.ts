import type { Executor } from '../../db/database';
import { notify } from '../notifier';
import { REGISTRATION_STATUS_PAGE, shorten } from './texts';

/** 报到审核结果: the applicant, confirmed (what they can do now) or sent back (what to change). */
export async function notifyRegistrationResult(
  tx: Executor,
  at: Date,
  registration: { id: string; userId: string; communityName: string; kind: 'report' | 'transfer' },
  decision: { status: 'confirmed' } | { status: 'returned'; reason: string },
) {
  const what = registration.kind === 'transfer' ? '转社区报到' : '报到';
  if (decision.status === 'confirmed') {
    await notify(tx, at, [registration.userId], {
      kind: 'registration_result',
      eventKey: `registration-confirmed:${registration.id}`,
      title: `${what}已通过`,
      body: shorten(`您在${registration.communityName}的${what}已审核通过。现在可以打开「订单大厅」接单服务了，做完的服务会记入您的服务时长。`, 500),
      page: REGISTRATION_STATUS_PAGE,
      fields: { activity: `${registration.communityName}${what}`, status: '已通过', note: '可以在订单大厅接单了' },
    });
    return;
  }
  await notify(tx, at, [registration.userId], {
    kind: 'registration_result',
    eventKey: `registration-returned:${registration.id}`,
    title: `${what}被退回，请修改`,
    body: shorten(`您在${registration.communityName}的${what}被退回，需要修改：${decision.reason}。请打开「报到进度」，改好后重新提交。`, 500),
    page: REGISTRATION_STATUS_PAGE,
    fields: { activity: `${registration.communityName}${what}`, status: '已退回', note: decision.reason },
  });
}
