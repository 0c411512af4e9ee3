import * as z from 'zod';
import { field } from '../../shared/fields';
import { UPLOAD_FILE_ID_PATTERN } from '../../files/file-store';
import { ExportedFile } from '../../reports/reports.schemas';

import { BRIEF_MAX_CHARS, BRIEF_MAX_PHOTOS, BRIEF_PHOTO_MAX_BYTES } from './brief-limits';

export { BRIEF_MAX_CHARS, BRIEF_MAX_PHOTOS, BRIEF_PHOTO_MAX_BYTES };

const orderId = z.uuid({ error: '活动编号（orderId）格式不正确' });

export const BriefOrderInput = z.object({ orderId });

export const SaveBriefInput = z.object({
  orderId,
  text: field.text('简讯内容', { max: BRIEF_MAX_CHARS }),
  photoIds: z
    .array(z.uuid({ error: '照片编号（photoIds）格式不正确' }))
    .max(BRIEF_MAX_PHOTOS, `照片（photoIds）最多 ${BRIEF_MAX_PHOTOS} 张`)
    .refine((ids) => new Set(ids).size === ids.length, '照片（photoIds）有重复')
    .default([]),
});

/**
 * One photo, either its bytes (base64, the H5 app) or the fileID of the copy the mini-program uploaded to cloud storage
 * first (WeChat asks that data past about 100 KB not travel in a callFunction's data — see README, 活动简讯与照片). One of the two;
 * written as one object with a check rather than a zod union, whose failure names no field.
 */
export const UploadBriefPhotoInput = z
  .object({
    orderId,
    fileName: field.text('照片文件名', { max: 200 }),
    // Bounded well above the limit so that a too-large photo is answered BRIEF_PHOTO_TOO_LARGE, not a parse error.
    dataBase64: field
      .string('照片', '请选择照片')
      .min(1, '请选择照片')
      .max(8 * 1024 * 1024, '照片太大')
      .regex(/^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/, '照片内容不是 base64 编码')
      .optional(),
    fileId: field.string('照片', '请选择照片').regex(UPLOAD_FILE_ID_PATTERN, '照片的云存储编号（fileId）格式不正确').optional(),
  })
  .superRefine((input, check) => {
    if (input.dataBase64 === undefined && input.fileId === undefined) check.addIssue({ code: 'custom', path: ['dataBase64'], message: '请选择照片' });
    if (input.dataBase64 !== undefined && input.fileId !== undefined) check.addIssue({ code: 'custom', path: ['fileId'], message: '照片只能给一种：内容或云存储编号' });
  });

export const RemoveBriefPhotoInput = z.object({ photoId: z.uuid({ error: '照片编号（photoId）格式不正确' }) });

export const ExportBriefInput = z.object({ orderId });

export const BriefPhoto = z.object({ id: z.string(), url: z.string(), mime: z.string(), width: z.number(), height: z.number(), bytes: z.number() });

export const BriefParticipant = z.object({
  name: z.string(),
  /** Only for who may edit (the secretary, the leader). */
  volunteerNo: z.string().optional(),
  hours: z.number(),
});

export const BriefView = z.object({
  orderId: z.string(),
  title: z.string(),
  place: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  communityName: z.string(),
  /** Beijing date the 简讯 is (or was) due. */
  dueOn: z.string(),
  submitted: z.boolean(),
  /** 逾期提交: saved after the due date (kept all the same). */
  late: z.boolean(),
  /** Not yet saved and the due date has passed. */
  overdue: z.boolean(),
  text: z.string(),
  authorName: z.string().nullable(),
  submittedAt: z.string().nullable(),
  updatedAt: z.string().nullable(),
  photos: z.array(BriefPhoto),
  participants: z.array(BriefParticipant),
  /** The list frozen into the 简讯 when it was saved (else the records as they are now). */
  participantsFrozen: z.boolean(),
  canEdit: z.boolean(),
  /** Why the caller cannot edit now (the activity has not ended…), when they could otherwise. */
  editBlocked: z.string().nullable(),
});

export const UploadedPhoto = BriefPhoto;

export const DueBrief = z.object({
  orderId: z.string(),
  title: z.string(),
  endsAt: z.string(),
  dueOn: z.string(),
  overdue: z.boolean(),
});
export const DueBriefs = z.object({ items: z.array(DueBrief), total: z.number() });

export { ExportedFile };
