import * as z from 'zod';
import { defineAction, type ActionTable } from '../runtime';
import { checkinErrors } from './checkin.errors';
import {
  AttendanceView,
  DeviceSecretView,
  OrderIdInput,
  QueuedScanResult,
  RefusedScanView,
  RefusedScansInput,
  ScanInput,
  ScanVerdict,
  UploadQueueInput,
  VerifiableOrdersView,
  VerifierDeviceView,
} from './checkin.schemas';
import { issueDeviceSecret } from './issue-device-secret';
import { issueVerifierDevice } from './issue-verifier-device';
import { scanOnline } from './judge-scan';
import { listRefusedScans } from './refused-scans';
import { listVerifiableOrders } from './verifiable-orders';
import { orderAttendance } from './order-attendance';
import { uploadQueue } from './upload-queue';

export { checkinErrors };
export * from './checkin-code';
export * from './checkin.schemas';
export * from './scan-chain';

const notScanRefusals = ['CHECKIN_NOT_A_MEMBER', 'CHECKIN_NO_VERIFIER_DEVICE'];
const scanRefusals = Object.keys(checkinErrors.catalogue).filter((code) => !notScanRefusals.includes(code));

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
    summary: '扫码核验（按服务器时间）：本单第一次扫码为签到，第二次为签退；书记可把未接单的本社区党员添加到名单并签到；拒绝时返回具体原因并留存',
    access: 'user',
    input: ScanInput,
    output: ScanVerdict,
    errors: ['ORDER_NOT_FOUND', ...scanRefusals],
    run: scanOnline,
  }),
  issueVerifierDevice: defineAction({
    summary: '为扫码手机领取离线扫码密钥（书记、党员；居民只能联网扫码）',
    access: 'user',
    input: z.object({}),
    output: VerifierDeviceView,
    errors: ['CHECKIN_NO_VERIFIER_DEVICE'],
    run: (ctx) => issueVerifierDevice(ctx),
  }),
  uploadQueue: defineAction({
    summary: '上传离线时保存的扫码记录：须为本机签名、按链条顺序、时间不倒退且不早于本机上次联网；逐条按扫码时间核验，重复上传只计一次',
    access: 'user',
    input: UploadQueueInput,
    output: z.object({ results: z.array(QueuedScanResult) }),
    errors: ['CHECKIN_DEVICE_UNKNOWN'],
    run: uploadQueue,
  }),
  refusedScans: defineAction({
    summary: '本社区被拒绝的扫码：谁、何时、扫了谁、为什么',
    access: 'user',
    input: RefusedScansInput,
    output: z.object({ items: z.array(RefusedScanView) }),
    errors: [],
    run: listRefusedScans,
  }),
  verifiableOrders: defineAction({
    summary: '我可以扫码核验的订单（本社区书记、订单负责人、上门服务的下单居民）',
    access: 'user',
    input: z.object({}),
    output: VerifiableOrdersView,
    errors: [],
    run: (ctx) => listVerifiableOrders(ctx),
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
