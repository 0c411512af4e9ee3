import type { ActionContext } from '../../runtime/action';
import { communityOf, requireCaller } from '../../runtime';
import { fileKey, uploadOrderOf } from '../../files';
import { businessDate } from '../../shared/business-time';
import { briefErrors } from './briefs.errors';
import { briefsRepository, type BriefOrderRow, type FrozenParticipant } from './briefs.repository';
import { BRIEF_MAX_PHOTOS, BRIEF_PHOTO_LIMIT_TEXT, BRIEF_PHOTO_MAX_BYTES } from './brief-limits';
import { assertEnded, assertMaySee, assertMayWrite, dueOnOf, endedProblem, mayWrite } from './brief-rules';
import { cleanPhoto } from './photo-checks';
import { renderBriefPdf } from './brief-pdf';

const hoursOf = (minutes: number) => Math.round(minutes / 6) / 10;

async function orderOf(ctx: ActionContext, orderId: string, lock = false): Promise<BriefOrderRow> {
  const order = await briefsRepository.order(ctx.tx, orderId, lock);
  if (!order) throw briefErrors.error('BRIEF_ORDER_NOT_FOUND');
  return order;
}

/** 活动简讯 of an order: the text, the photos with addresses, the participants, the due date, and who may edit. */
export async function viewBrief(ctx: ActionContext, input: { orderId: string }) {
  const caller = requireCaller(ctx.caller);
  const order = await orderOf(ctx, input.orderId);
  await assertMaySee(ctx.tx, caller, order);
  if (order.kind !== 'activity') throw briefErrors.error('BRIEF_NOT_AN_ACTIVITY');
  const now = ctx.clock.now();
  const brief = await briefsRepository.brief(ctx.tx, order.id);
  const photos = await briefsRepository.livePhotos(ctx.tx, order.id);
  const urls = await ctx.files.urlsOf(photos.map((photo) => photo.store_ref));
  const editor = mayWrite(caller, order);
  const participants: FrozenParticipant[] = brief ? brief.participants : await briefsRepository.participants(ctx.tx, order.id);
  const dueOn = brief?.due_on ?? (await dueOnOf(ctx.tx, order));
  const today = businessDate(now);
  return {
    orderId: order.id,
    title: order.title,
    place: order.place,
    startsAt: order.starts_at.toISOString(),
    endsAt: order.ends_at.toISOString(),
    communityName: order.community_name,
    dueOn,
    submitted: Boolean(brief),
    late: brief ? businessDate(brief.submitted_at) > brief.due_on : false,
    overdue: !brief && today > dueOn && endedProblem(order, now) === null,
    text: brief?.body ?? '',
    authorName: brief?.author_name ?? null,
    submittedAt: brief?.submitted_at.toISOString() ?? null,
    updatedAt: brief?.updated_at.toISOString() ?? null,
    photos: photos.map((photo, i) => ({ id: photo.id, url: urls[i], mime: photo.mime, width: photo.width, height: photo.height, bytes: photo.bytes })),
    participants: participants.map((p) => ({ name: p.name, ...(editor ? { volunteerNo: p.volunteerNo } : {}), hours: hoursOf(p.minutes) })),
    participantsFrozen: Boolean(brief),
    canEdit: editor && endedProblem(order, now) === null,
    editBlocked: editor ? endedProblem(order, now) : null,
  };
}

/**
 * Saves (submits) the 简讯: its text, the photos kept in the order given (uploaded photos left out are removed) and
 * the participant list as the records stand now, frozen into it. A 简讯 saved after its due date is kept, marked 逾期.
 */
export async function saveBrief(ctx: ActionContext, input: { orderId: string; text: string; photoIds: string[] }) {
  const caller = requireCaller(ctx.caller);
  const order = await orderOf(ctx, input.orderId, true);
  assertMayWrite(caller, order);
  const now = ctx.clock.now();
  assertEnded(order, now);
  const live = await briefsRepository.livePhotos(ctx.tx, order.id);
  const liveIds = new Set(live.map((photo) => photo.id));
  const unknown = input.photoIds.find((id) => !liveIds.has(id));
  if (unknown) throw briefErrors.error('BRIEF_PHOTO_NOT_FOUND', undefined, { photoIds: '照片不存在或已删除，请刷新后再试' });
  const dropped = live.filter((photo) => !input.photoIds.includes(photo.id)).map((photo) => photo.id);
  const removed = await briefsRepository.removePhotos(ctx.tx, dropped, now);
  await briefsRepository.placePhotos(ctx.tx, order.id, input.photoIds);
  const existing = await briefsRepository.brief(ctx.tx, order.id);
  await briefsRepository.saveBrief(ctx.tx, {
    orderId: order.id,
    body: input.text,
    authorId: caller.userId,
    at: now,
    dueOn: existing?.due_on ?? (await dueOnOf(ctx.tx, order)),
    participants: await briefsRepository.participants(ctx.tx, order.id),
  });
  removeFilesAfterCommit(ctx, removed.map((row) => row.store_ref));
  return viewBrief(ctx, { orderId: order.id });
}

/**
 * One photo of the 简讯, checked on its bytes: JPEG or PNG by signature, at most BRIEF_PHOTO_MAX_BYTES, with its Exif,
 * XMP and text blocks (the GPS position among them) removed without re-encoding. The bytes come with the call (H5) or
 * were uploaded to cloud storage by the mini-program (`fileId`): that upload is read, checked the same, and removed —
 * at once when refused, after the commit when kept (the clean copy is stored under our own key). A refused photo
 * stores nothing; a file stored for a row that then fails is removed again.
 */
export async function uploadBriefPhoto(ctx: ActionContext, input: { orderId: string; fileName: string; dataBase64?: string; fileId?: string }) {
  const caller = requireCaller(ctx.caller);
  const order = await orderOf(ctx, input.orderId, true);
  assertMayWrite(caller, order);
  const now = ctx.clock.now();
  assertEnded(order, now);
  const { files } = ctx;
  const limitText = BRIEF_PHOTO_LIMIT_TEXT;
  const fieldName = input.fileId !== undefined ? 'fileId' : 'dataBase64';
  const refuse = async (code: 'BRIEF_PHOTO_TOO_LARGE' | 'BRIEF_PHOTO_NOT_IMAGE' | 'BRIEF_TOO_MANY_PHOTOS', message: string, fieldMessage: string): Promise<never> => {
    if (input.fileId !== undefined) await files.removeUpload(input.fileId);
    throw briefErrors.error(code, message, { [fieldName]: fieldMessage });
  };
  const tooLarge = () => refuse('BRIEF_PHOTO_TOO_LARGE', `每张不超过 ${limitText}，请选择压缩后的照片`, `照片不能超过 ${limitText}`);
  let bytes: Buffer;
  if (input.fileId !== undefined) {
    const upload = uploadOrderOf(input.fileId) === order.id ? await files.readUpload(input.fileId) : undefined;
    if (!upload) throw briefErrors.error('BRIEF_UPLOAD_NOT_FOUND', undefined, { fileId: '照片没有上传成功，请重新选择' });
    if (upload.length > BRIEF_PHOTO_MAX_BYTES) await tooLarge();
    bytes = upload;
  } else {
    const base64 = input.dataBase64 ?? '';
    // The decoded size, known from the text's length, before decoding anything.
    const padding = base64.endsWith('==') ? 2 : base64.endsWith('=') ? 1 : 0;
    if (Math.floor((base64.length * 3) / 4) - padding > BRIEF_PHOTO_MAX_BYTES) await tooLarge();
    bytes = Buffer.from(base64, 'base64');
  }
  const photo = cleanPhoto(bytes);
  if (photo === 'not_image') return refuse('BRIEF_PHOTO_NOT_IMAGE', '请选择 JPG 或 PNG 格式的照片', '照片须是 JPG 或 PNG 图片');
  const live = await briefsRepository.livePhotos(ctx.tx, order.id);
  if (live.length >= BRIEF_MAX_PHOTOS) await refuse('BRIEF_TOO_MANY_PHOTOS', '请先删除一张再添加', `照片最多 ${BRIEF_MAX_PHOTOS} 张`);
  const id = ctx.newId();
  const key = fileKey('briefs', order.id, id, photo.extension);
  // The call's store removes the file again if the row, or anything after it, does not commit (files/transaction-files.ts).
  const ref = await files.put(key, photo.bytes, photo.mime);
  await briefsRepository.insertPhoto(ctx.tx, {
    id, order_id: order.id, storage_key: key, store_ref: ref, mime: photo.mime, bytes: photo.bytes.length,
    width: photo.width, height: photo.height, position: live.length, uploadedBy: caller.userId, at: now,
  });
  const uploaded = input.fileId;
  if (uploaded !== undefined) ctx.onCommit(() => files.removeUpload(uploaded));
  const [url] = await files.urlsOf([ref]);
  return { id, url, mime: photo.mime, width: photo.width, height: photo.height, bytes: photo.bytes.length };
}

/** Removes a photo from the 简讯 (before or after it was saved); its file goes once the removal has committed. */
export async function removeBriefPhoto(ctx: ActionContext, input: { photoId: string }) {
  const caller = requireCaller(ctx.caller);
  const photo = await briefsRepository.photo(ctx.tx, input.photoId);
  if (!photo || photo.removed_at) throw briefErrors.error('BRIEF_PHOTO_NOT_FOUND');
  const order = await orderOf(ctx, photo.order_id, true);
  assertMayWrite(caller, order);
  const removed = await briefsRepository.removePhotos(ctx.tx, [photo.id], ctx.clock.now());
  removeFilesAfterCommit(ctx, removed.map((row) => row.store_ref));
  return { removed: removed.length };
}

/** The rows are gone in the transaction; the bytes after it commits (a rolled-back removal keeps its file). */
function removeFilesAfterCommit(ctx: ActionContext, refs: string[]) {
  if (refs.length === 0) return;
  const { files } = ctx;
  ctx.onCommit(async () => {
    for (const ref of refs) await files.remove(ref);
  });
}

/** How far back the 简讯 still waiting are listed: a quarter and a little. */
export const BRIEFS_DUE_LOOKBACK_DAYS = 120;

/** 待提交简讯: the secretary's finished activities without a 简讯, with their due dates, the overdue (earliest due) first. */
export async function briefsDue(ctx: ActionContext) {
  const caller = requireCaller(ctx.caller);
  const communityId = communityOf(caller, 'secretary');
  const now = ctx.clock.now();
  const since = new Date(now.getTime() - BRIEFS_DUE_LOOKBACK_DAYS * 86_400_000);
  const rows = await briefsRepository.missing(ctx.tx, { communityId, since, now });
  const today = businessDate(now);
  const items = [];
  for (const row of rows) {
    const dueOn = await dueOnOf(ctx.tx, row);
    items.push({ orderId: row.id, title: row.title, endsAt: row.ends_at.toISOString(), dueOn, overdue: today > dueOn });
  }
  return { items, total: items.length };
}

/** 活动简讯 as a PDF for whoever may see it: what the page shows, the photos printed from the kept files. */
export async function exportBrief(ctx: ActionContext, input: { orderId: string }) {
  const view = await viewBrief(ctx, input);
  const { files } = ctx;
  const rows = await briefsRepository.livePhotos(ctx.tx, view.orderId);
  const photos = await Promise.all(rows.map(async (row) => ({ bytes: await files.read(row.store_ref), width: row.width, height: row.height })));
  return renderBriefPdf(view, photos);
}
