// 活动简讯 (issue 16, part C): the report, photos and participant list after an activity. Types from the cloud
// function's zod schemas, `import type` only.
import type { z } from 'zod'
import type { BriefView as BriefViewSchema, DueBriefs as DueBriefsSchema, UploadedPhoto as UploadedPhotoSchema } from '@core/orders/briefs/briefs.schemas'
import type { ExportedFile } from '@core/reports/reports.schemas'
import { callFunction } from '../api-client'

export type BriefView = z.output<typeof BriefViewSchema>
export type BriefPhoto = BriefView['photos'][number]
export type DueBriefs = z.output<typeof DueBriefsSchema>
export type UploadedPhoto = z.output<typeof UploadedPhotoSchema>

/** A chosen photo as the call carries it: its bytes (H5) or the fileID of its copy in cloud storage (the mini-program). */
export type PhotoPayload = { fileName: string; dataBase64: string } | { fileName: string; fileId: string }

export const briefsApi = {
  brief: (orderId: string) => callFunction<BriefView>('orders', 'brief', { orderId }),
  save: (orderId: string, text: string, photoIds: string[]) => callFunction<BriefView>('orders', 'saveBrief', { orderId, text, photoIds }),
  uploadPhoto: (orderId: string, photo: PhotoPayload) => callFunction<UploadedPhoto>('orders', 'uploadBriefPhoto', { orderId, ...photo }),
  removePhoto: (photoId: string) => callFunction<{ removed: number }>('orders', 'removeBriefPhoto', { photoId }),
  /** 待提交简讯: the secretary's finished activities still without one. */
  due: () => callFunction<DueBriefs>('orders', 'briefsDue', {}),
  exportPdf: (orderId: string) => callFunction<z.output<typeof ExportedFile>>('orders', 'exportBrief', { orderId }),
}
