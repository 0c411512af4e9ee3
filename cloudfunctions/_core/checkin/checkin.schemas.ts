import * as z from 'zod';
import { field } from '../shared/fields';

export const SCAN_INTENTS = ['auto', 'in', 'out'] as const;

const scanFields = {
  /** Made by the scanning phone, so that an upload sent twice is counted once. */
  scanId: field.id('扫码记录'),
  orderId: field.id('订单'),
  code: field.string('签到码', '请扫描签到码').min(1, '请扫描签到码').max(200, '签到码内容过长'),
  intent: field.oneOf('扫码用途', SCAN_INTENTS).default('auto'),
};

/** An online scan: judged at the server's time, whatever the phone's clock says. */
export const ScanInput = z.object({
  ...scanFields,
  /** 添加到名单并签到: the secretary adds a member of the community who came without accepting. */
  walkInReason: field.text('添加理由', { min: 2, max: 200 }).optional(),
});

const hex = (label: string, length: number) =>
  field.string(label).regex(new RegExp(`^[0-9a-f]{${length}}$`), `${label}格式不正确`);

/**
 * A scan kept offline by a verifier's phone: signed with that device's secret and chained to the
 * entry before it, so that the server accepts the queue only whole and in the order it was made.
 */
export const QueuedScanInput = z.object({
  ...scanFields,
  scannedAt: field.instant('扫码时间'),
  counter: field.int('扫码序号', { min: 1, max: 2_000_000_000 }),
  /** The hash of the device's previous entry; 64 zeros for its first. */
  prevHash: hex('上一条扫码记录的摘要', 64),
  signature: hex('扫码记录签名', 64),
});

export const UploadQueueInput = z.object({
  deviceId: field.id('扫码设备'),
  scans: z.array(QueuedScanInput, { error: '扫码记录须为列表' }).min(1, '没有要上传的扫码记录').max(200, '一次最多上传200条扫码记录'),
});

/** A verifier's phone's own secret, for signing the scans it queues offline. */
export const VerifierDeviceView = z.object({
  deviceId: z.string(),
  secretHex: z.string(),
  /** Where the device's chain stands on the server: the next entry has counter lastCounter + 1 and prevHash lastHash. */
  lastCounter: z.number(),
  lastHash: z.string(),
});

export const RefusedScansInput = z.object({ communityId: field.id('社区').optional(), orderId: field.id('订单').optional() });

export const RefusedScanView = z.object({
  id: z.string(),
  scanId: z.string(),
  orderId: z.string(),
  orderTitle: z.string(),
  verifierName: z.string(),
  memberName: z.string().nullable(),
  offline: z.boolean(),
  scannedAt: z.string(),
  receivedAt: z.string(),
  code: z.string(),
  message: z.string(),
});

/** The orders the caller may scan on now or soon: as the community's secretary, the order's leader or the resident served. */
export const VerifiableOrdersView = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      startsAt: z.string(),
      endsAt: z.string(),
      status: z.string(),
      as: z.enum(['secretary', 'leader', 'resident']),
    }),
  ),
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
export type QueuedScanInput = z.infer<typeof QueuedScanInput>;
export type ScanVerdict = z.infer<typeof ScanVerdict>;
