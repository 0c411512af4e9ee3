import * as z from 'zod';
import { defineAction, type ActionTable } from '../runtime';
import { ExportedFile } from '../reports/reports.schemas';
import { refuseCertificate, revokeCertificate } from './close-certificate';
import { downloadCertificate } from './download-certificate';
import { certificatesErrors } from './certificates.errors';
import {
  CertificateIdInput,
  CertificateList,
  CertificateView,
  IssueCertificateInput,
  PendingList,
  ReasonedInput,
  ReissueCertificateInput,
  RequestCertificateInput,
  VerifyCertificateInput,
  VerifyResult,
} from './certificates.schemas';
import { issueCertificate, reissueCertificate } from './issue-certificate';
import { decidedCertificates, myCertificates, pendingCertificates } from './list-certificates';
import { requestCertificate } from './request-certificate';
import { verifyCertificate } from './verify-certificate';

export { certificatesErrors };
export * from './certificates.schemas';

const NoInput = z.object({});

/** 志愿服务证明：党员申请，组织服务的社区出具（谁组织谁证明），任何人凭编号和核验码核验 */
export const certificateActions: ActionTable = {
  request: defineAction({
    summary: '申请志愿服务证明：按期间或所选服务记录；组织服务的每个社区各出具一份（谁组织谁证明），只计扫码核验的时长（党员义工）',
    access: 'user',
    input: RequestCertificateInput,
    output: CertificateList,
    errors: ['CERTIFICATE_NOTHING_TO_CERTIFY', 'CERTIFICATE_RECORDS_NOT_YOURS', 'CERTIFICATE_ALREADY_PENDING'],
    run: requestCertificate,
  }),
  myCertificates: defineAction({
    summary: '我的志愿服务证明：申请、出具、退回、作废的状态，已出具的附核验链接',
    access: 'user',
    input: NoInput,
    output: CertificateList,
    errors: [],
    run: myCertificates,
  }),
  pending: defineAction({
    summary: '证明审核：本社区待出具的申请，附按当前记录核对的服务时长和明细（社区书记或管理员）',
    access: 'user',
    input: NoInput,
    output: PendingList,
    errors: [],
    run: pendingCertificates,
  }),
  decided: defineAction({
    summary: '本社区已出具、已作废、已退回的证明（社区书记或管理员）',
    access: 'user',
    input: NoInput,
    output: CertificateList,
    errors: [],
    run: decidedCertificates,
  }),
  issue: defineAction({
    summary: '出具证明：填写负责人和联系电话，经办人为本人；给出证明编号，内容定稿后不再随记录更正而改变（组织服务的社区书记）',
    access: 'user',
    input: IssueCertificateInput,
    output: CertificateView,
    errors: ['CERTIFICATE_NOT_PENDING', 'CERTIFICATE_NOTHING_TO_CERTIFY'],
    run: issueCertificate,
  }),
  refuse: defineAction({
    summary: '退回证明申请并说明原因（组织服务的社区书记）',
    access: 'user',
    input: ReasonedInput,
    output: CertificateView,
    errors: ['CERTIFICATE_NOT_PENDING'],
    run: refuseCertificate,
  }),
  revoke: defineAction({
    summary: '作废已出具的证明并说明原因；核验即显示已作废（出具社区书记）',
    access: 'user',
    input: ReasonedInput,
    output: CertificateView,
    errors: ['CERTIFICATE_NOT_REVOCABLE'],
    run: revokeCertificate,
  }),
  reissue: defineAction({
    summary: '重新出具：作废原证明（如尚未作废），按当前记录出具新编号的证明并注明所替代的编号（出具社区书记）',
    access: 'user',
    input: ReissueCertificateInput,
    output: CertificateView,
    errors: ['CERTIFICATE_NOT_ISSUED', 'CERTIFICATE_ALREADY_REPLACED', 'CERTIFICATE_NOTHING_TO_CERTIFY'],
    run: reissueCertificate,
  }),
  download: defineAction({
    summary: '下载已出具的证明 PDF（含出具单位盖章处和核验二维码；本人或出具社区书记）',
    access: 'user',
    input: CertificateIdInput,
    output: ExportedFile,
    readOnly: true,
    errors: ['CERTIFICATE_NOT_ISSUED'],
    run: downloadCertificate,
  }),
  verify: defineAction({
    summary: '核验证明（无需登录）：凭证明编号和核验码查询，有效或已作废时只给出打码的姓名、时长、出具单位和日期；编号或核验码不符时为 unknown',
    access: 'public',
    input: VerifyCertificateInput,
    output: VerifyResult,
    readOnly: true,
    errors: [],
    run: verifyCertificate,
  }),
};
