import * as z from 'zod';
import { defineAction, type ActionTable } from '../../runtime';
import { briefsDue, exportBrief, removeBriefPhoto, saveBrief, uploadBriefPhoto, viewBrief } from './briefs';
import { BriefOrderInput, BriefView, DueBriefs, ExportBriefInput, ExportedFile, RemoveBriefPhotoInput, SaveBriefInput, UploadBriefPhotoInput, UploadedPhoto } from './briefs.schemas';

const WRITE_ERRORS = ['BRIEF_ORDER_NOT_FOUND', 'BRIEF_NOT_AN_ACTIVITY', 'BRIEF_ORDER_NOT_ENDED', 'BRIEF_ORDER_CANCELLED', 'BRIEF_NOT_YOURS'] as const;

/** Part D: 活动简讯 — the report, photos and participant list after an activity, within the district's deadline. */
export const briefActions: ActionTable = {
  brief: defineAction({
    summary: '活动简讯：内容、照片、参加人员名单、提交期限与是否逾期；书记与活动负责人可编辑',
    access: 'user',
    input: BriefOrderInput,
    output: BriefView,
    errors: ['BRIEF_ORDER_NOT_FOUND', 'BRIEF_NOT_AN_ACTIVITY', 'BRIEF_CANNOT_SEE'],
    run: viewBrief,
  }),
  saveBrief: defineAction({
    summary: '提交活动简讯（书记或活动负责人，活动结束后）：内容与保留的照片，参加人员名单随之定格；逾期提交照样保存并标为逾期',
    access: 'user',
    input: SaveBriefInput,
    output: BriefView,
    errors: [...WRITE_ERRORS, 'BRIEF_PHOTO_NOT_FOUND'],
    run: saveBrief,
  }),
  uploadBriefPhoto: defineAction({
    summary: '上传一张简讯照片（JPG/PNG，按文件内容判断，大小有限制），去除其中的位置等 EXIF 信息后保存；小程序先传到云存储再给 fileId',
    access: 'user',
    input: UploadBriefPhotoInput,
    output: UploadedPhoto,
    errors: [...WRITE_ERRORS, 'BRIEF_PHOTO_TOO_LARGE', 'BRIEF_PHOTO_NOT_IMAGE', 'BRIEF_TOO_MANY_PHOTOS', 'BRIEF_UPLOAD_NOT_FOUND'],
    run: uploadBriefPhoto,
  }),
  removeBriefPhoto: defineAction({
    summary: '删除一张简讯照片',
    access: 'user',
    input: RemoveBriefPhotoInput,
    output: z.object({ removed: z.number() }),
    errors: ['BRIEF_PHOTO_NOT_FOUND', 'BRIEF_ORDER_NOT_FOUND', 'BRIEF_NOT_YOURS'],
    run: removeBriefPhoto,
  }),
  exportBrief: defineAction({
    summary: '导出活动简讯 PDF：活动名称、时间、地点、社区、简讯内容、照片和参加人员名单',
    access: 'user',
    input: ExportBriefInput,
    output: ExportedFile,
    readOnly: true,
    errors: ['BRIEF_ORDER_NOT_FOUND', 'BRIEF_NOT_AN_ACTIVITY', 'BRIEF_CANNOT_SEE'],
    run: exportBrief,
  }),
  briefsDue: defineAction({
    summary: '待提交简讯（书记）：已结束尚无简讯的活动及其提交期限，逾期的在前',
    access: 'user',
    input: z.object({}),
    output: DueBriefs,
    errors: [],
    run: (ctx) => briefsDue(ctx),
  }),
};
