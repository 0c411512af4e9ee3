import { z } from 'zod';
import { field } from '../shared/fields';

export const SCAN_INTENTS = ['auto', 'in', 'out'] as const;

export const ScanInput = z.object({
  /** Made by the scanning phone, so that an upload sent twice is counted once. */
  scanId: field.id('扫码记录'),
  orderId: field.id('订单'),
  code: z.string({ error: '请扫描签到码' }).trim().min(1, '请扫描签到码').max(200, '签到码内容过长'),
  /** When the scan happened, for scans queued offline; defaults to now. */
  scannedAt: field.instant('扫码时间').optional(),
  intent: field.oneOf('扫码用途', SCAN_INTENTS).default('auto'),
});

export const UploadQueueInput = z.object({
  scans: z.array(ScanInput, { error: '扫码记录须为列表' }).min(1, '没有要上传的扫码记录').max(200, '一次最多上传200条扫码记录'),
});

export const OrderIdInput = z.object({ orderId: field.id('订单') });

export const ScanVerdict = z.object({
  scanId: z.string(),
  outcome: z.enum(['checked_in', 'checked_out']),
  duplicate: z.boolean(),
  scannedAt: z.string(),
  member: z.object({ id: z.string(), name: z.string(), photoUrl: z.string().nullable(), volunteerNo: z.string() }),
  order: z.object({ id: z.string(), title: z.string() }),
  minutesCredited: z.number().nullable(),
  pendingApproval: z.boolean(),
  headline: z.string(),
});

export const QueuedScanResult = z.object({
  scanId: z.string(),
  ok: z.boolean(),
  verdict: ScanVerdict.nullable(),
  error: z.object({ code: z.string(), message: z.string() }).nullable(),
});

export const DeviceSecretView = z.object({
  deviceId: z.string(),
  secretHex: z.string(),
  stepSeconds: z.number(),
  memberName: z.string(),
  volunteerNo: z.string(),
});

export const AttendanceView = z.object({
  orderId: z.string(),
  title: z.string(),
  members: z.array(
    z.object({
      memberId: z.string(),
      name: z.string(),
      volunteerNo: z.string(),
      checkedInAt: z.string().nullable(),
      checkedOutAt: z.string().nullable(),
    }),
  ),
});

export type ScanInput = z.infer<typeof ScanInput>;
export type ScanVerdict = z.infer<typeof ScanVerdict>;
