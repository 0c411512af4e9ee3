import { randomUUID } from 'node:crypto';
import { loadConfig } from '../cloudfunctions/_core/config/config';
import { fileKey, localFileStore } from '../cloudfunctions/_core/files';
import { dueOnOf } from '../cloudfunctions/_core/orders/briefs/brief-rules';
import { BRIEFS_DUE_LOOKBACK_DAYS } from '../cloudfunctions/_core/orders/briefs/briefs';
import { briefsRepository } from '../cloudfunctions/_core/orders/briefs/briefs.repository';
import { cleanPhoto } from '../cloudfunctions/_core/orders/briefs/photo-checks';
import { demoPhotoPng } from './demo-photo';
import type { DemoNotifyContext } from './demo-notify-context';

const HOUR = 3_600_000;

/** What the demo's submitted 简讯 say, by the activity's title where one fits. */
function briefText(title: string): string {
  if (title.includes('散步')) return '组织党员义工陪小区里行动不便的老人到中心花园散步、聊天，老人们心情很好，希望以后常来。';
  if (title.includes('清理') || title.includes('杂物')) return '组织党员义工清理楼道堆放的杂物，打通了三栋至六栋的消防通道，居民纷纷点赞。';
  return `组织党员义工开展「${title}」，大家分工合作、按时完成，服务居民，反响良好。`;
}

/**
 * 活动简讯 (part C): of the first community's finished activities, the latest two are left waiting for their 简讯 (the
 * secretary's 待提交简讯 and the deadline warning show them); the ones before have theirs submitted the evening they
 * ended, the most recent of them with a photo (a small PNG drawn in code, kept in the local file store like an
 * upload), each with its participant list frozen.
 */
export async function seedActivityBriefs(context: DemoNotifyContext): Promise<void> {
  const { tx, now, communityId, secretary } = context;
  const finished = await briefsRepository.missing(tx, { communityId, since: new Date(now.getTime() - BRIEFS_DUE_LOOKBACK_DAYS * 24 * HOUR), now });
  // `missing` lists the earliest first: the last two stay due.
  const written = finished.slice(0, -2);
  for (const order of written) {
    // Written the evening it ended (or just now, for one that ended within the last hours).
    const submittedAt = new Date(Math.min(now.getTime() - 10 * 60_000, order.ends_at.getTime() + 3 * HOUR));
    if (order === written.at(-1)) await addPhoto(order.id, secretary.id, submittedAt, tx);
    await briefsRepository.saveBrief(tx, {
      orderId: order.id, body: briefText(order.title), authorId: secretary.id, at: submittedAt,
      dueOn: await dueOnOf(tx, order), participants: await briefsRepository.participants(tx, order.id),
    });
  }
}

async function addPhoto(orderId: string, uploadedBy: string, at: Date, tx: DemoNotifyContext['tx']) {
  const photo = cleanPhoto(demoPhotoPng(320, 240));
  if (photo === 'not_image') throw new Error('the demo photo is not a PNG');
  const photoId = randomUUID();
  const key = fileKey('briefs', orderId, photoId, photo.extension);
  const ref = await localFileStore(loadConfig().DATA_DIR).put(key, photo.bytes, photo.mime);
  await briefsRepository.insertPhoto(tx, {
    id: photoId, order_id: orderId, storage_key: key, store_ref: ref, mime: photo.mime, bytes: photo.bytes.length,
    width: photo.width, height: photo.height, position: 0, uploadedBy, at,
  });
}
