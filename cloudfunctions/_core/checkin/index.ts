import { z } from 'zod';
import { defineAction, type ActionTable } from '../runtime';
import { checkinErrors } from './checkin.errors';
import { AttendanceView, DeviceSecretView, OrderIdInput, QueuedScanResult, ScanInput, ScanVerdict, UploadQueueInput } from './checkin.schemas';
import { issueDeviceSecret } from './issue-device-secret';
import { judgeScan } from './judge-scan';
import { orderAttendance } from './order-attendance';
import { uploadQueue } from './upload-queue';

export { checkinErrors };
export * from './checkin-code';
export * from './checkin.schemas';

const scanRefusals = Object.keys(checkinErrors.catalogue).filter((code) => code !== 'CHECKIN_NOT_A_MEMBER');

export const checkinActions: ActionTable = {
  issueDeviceSecret: defineAction({
    summary: '为本机领取签到码密钥（登录时调用；换新手机后旧手机的签到码停用）',
    access: 'user',
    input: z.object({}),
    output: DeviceSecretView,
    errors: ['CHECKIN_NOT_A_MEMBER'],
    run: (ctx) => issueDeviceSecret(ctx),
  }),
  scan: defineAction({
    summary: '扫码核验：本单第一次扫码为签到，第二次为签退；拒绝时返回具体原因',
    access: 'user',
    input: ScanInput,
    output: ScanVerdict,
    errors: ['ORDER_NOT_FOUND', ...scanRefusals],
    run: judgeScan,
  }),
  uploadQueue: defineAction({
    summary: '上传离线时保存的扫码记录，逐条按扫码时间核验，重复上传只计一次',
    access: 'user',
    input: UploadQueueInput,
    output: z.object({ results: z.array(QueuedScanResult) }),
    errors: [],
    run: uploadQueue,
  }),
  attendance: defineAction({
    summary: '订单的签到签退名单（书记或订单负责人）',
    access: 'user',
    input: OrderIdInput,
    output: AttendanceView,
    errors: ['ORDER_NOT_FOUND', 'CHECKIN_VERIFIER_FORBIDDEN'],
    run: orderAttendance,
  }),
};
