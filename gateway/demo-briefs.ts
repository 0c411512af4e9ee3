import { randomUUID } from 'node:crypto';
import { loadConfig } from '../cloudfunctions/_core/config/config';
import { fileKey, localFileStore } from '../cloudfunctions/_core/files';
import { dueOnOf } from '../cloudfunctions/_core/orders/briefs/brief-rules';
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
 * 活动简讯 (part C): on the first community's finished activities, the latest is left waiting for its 简讯 (the
 * secretary's 待提交简讯 and the deadline warning show it), and the one before it gets a submitted 简讯 with a photo
 * (a small PNG drawn in code, kept in the local file store like an upload), its participant list frozen.
 */
export async function seedActivityBriefs(context: DemoNotifyContext): Promise<void> {
  const { tx, now, communityId, secretary } = context;
  const finished = await briefsRepository.missing(tx, { communityId, since: new Date(now.getTime() - 60 * 24 * HOUR), now });
  // `missing` lists the earliest first: the latest is the one left due, the one before it is written.
  const written = finished.at(-2);
  if (!written) return;
  const files = localFileStore(loadConfig().DATA_DIR);
  const photo = cleanPhoto(demoPhotoPng(320, 240));
  if (photo === 'not_image') throw new Error('the demo photo is not a PNG');
  const photoId = randomUUID();
  const key = fileKey('briefs', written.id, photoId, photo.extension);
  const submittedAt = new Date(Math.min(now.getTime() - HOUR, written.ends_at.getTime() + 26 * HOUR));
  const ref = await files.put(key, photo.bytes, photo.mime);
  await briefsRepository.insertPhoto(tx, {
    id: photoId, order_id: written.id, storage_key: key, store_ref: ref, mime: photo.mime, bytes: photo.bytes.length,
    width: photo.width, height: photo.height, position: 0, uploadedBy: secretary.id, at: submittedAt,
  });
  await briefsRepository.saveBrief(tx, {
    orderId: written.id, body: briefText(written.title), authorId: secretary.id, at: submittedAt,
    dueOn: await dueOnOf(tx, written), participants: await briefsRepository.participants(tx, written.id),
  });
}
