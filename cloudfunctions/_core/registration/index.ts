import * as z from 'zod';
import { hashChosenPassword } from '../auth/chosen-password';
import { defineAction, type ActionTable } from '../runtime';
import { listMine, withdrawRegistration } from './my-registrations';
import { registrationErrors } from './registration.errors';
import {
  ConfirmInput,
  IssueSlipInput,
  KeepMemberWithoutPhoneInput,
  KeptMemberView,
  ListPendingInput,
  ListSlipsInput,
  NoteNotReportedInput,
  OptionsInput,
  OptionsView,
  RegistrationIdInput,
  RegistrationPage,
  RegistrationView,
  RequestTransferInput,
  SendBackInput,
  SlipIdInput,
  SlipPage,
  SlipView,
  SubmitInput,
  SubmitView,
} from './registration.schemas';
import { keepMemberWithoutPhone } from './member-without-phone';
import { loadOptions } from './registration-options';
import { cancelSlip, issueSlip, listSlips, noteNotReported } from './report-slips';
import { requestTransfer } from './request-transfer';
import { confirmRegistration, getRegistration, listPending, sendBackRegistration } from './review-registration';
import { submitRegistration } from './submit-registration';
import { receiptPdf, slipPdf } from './slip-papers';
import { ExportedFile } from '../reports/reports.schemas';

export { registrationErrors };
export { newSlipCode } from './report-slips';
export * from './registration.schemas';

const FORM_CHECKS = [
  'REG_MONTH_IN_FUTURE', 'REG_DAY_IN_FUTURE', 'REG_JOINED_BEFORE_BIRTH', 'REG_COMMUNITY_NOT_FOUND', 'REG_GRID_NOT_IN_COMMUNITY', 'REG_UNIT_REQUIRED',
  'REG_UNIT_NOT_FOUND', 'REG_COMMUNITY_OUTSIDE_DISTRICT', 'REG_ID_NUMBER_NOT_COLLECTED',
];

/** 在职党员到社区报到：报到单、报到登记、回执或退回、转移社区 */
export const registrationActions: ActionTable = {
  options: defineAction({
    summary: '报到表的选项：街道、社区、网格、单位（结对社区）、服务意向、八个岗位、党员类别、学历、是否收集身份证号、已是党员时所在社区；带报到码（不分大小写，0、1 按 O、I 读）时含报到单',
    access: 'public',
    input: OptionsInput,
    output: OptionsView,
    errors: ['REG_SLIP_NOT_FOUND'],
    run: loadOptions,
  }),
  issueSlip: defineAction({
    summary: '单位党组织为在职党员开具社区报到单（8位报到码与链接）；管理多个单位时可指定单位',
    access: 'user',
    input: IssueSlipInput,
    output: SlipView,
    errors: ['REG_NOT_UNIT_ADMIN', 'REG_COMMUNITY_NOT_FOUND', 'REG_COMMUNITY_OUTSIDE_DISTRICT', 'REG_REPORT_BY_PAST', 'REG_SLIP_ALREADY_OPEN'],
    run: issueSlip,
  }),
  listSlips: defineAction({
    summary: '本单位开具的报到单及结果：待报到、待社区确认、已报到（回执）、被退回（原因）、已作废；管理多个单位时可指定单位',
    access: 'user',
    input: ListSlipsInput,
    output: SlipPage,
    errors: ['REG_NOT_UNIT_ADMIN'],
    run: listSlips,
  }),
  slipPdf: defineAction({
    summary: '下载报到单 PDF（附件1：在职党员社区报到单及回执单，含报到码、二维码和报到链接，可打印盖章）；开具单位的管理员，或用该报到单报到的党员本人',
    access: 'user',
    input: SlipIdInput,
    output: ExportedFile,
    readOnly: true,
    errors: ['REG_SLIP_NOT_FOUND'],
    run: slipPdf,
  }),
  receiptPdf: defineAction({
    summary: '下载报到回执单 PDF（附件1：社区确认报到后的回执，可打印盖章）；党员本人、本社区书记（区管理员可查看）、党员所在单位的管理员',
    access: 'user',
    input: RegistrationIdInput,
    output: ExportedFile,
    readOnly: true,
    errors: ['REG_NOT_FOUND', 'REG_RECEIPT_NOT_READY'],
    run: receiptPdf,
  }),
  noteNotReported: defineAction({
    summary: '单位登记党员未报到的主要原因',
    access: 'user',
    input: NoteNotReportedInput,
    output: SlipView,
    errors: ['REG_NOT_UNIT_ADMIN', 'REG_SLIP_NOT_FOUND', 'REG_SLIP_ALREADY_REPORTED'],
    run: noteNotReported,
  }),
  cancelSlip: defineAction({
    summary: '作废尚未使用的报到单',
    access: 'user',
    input: SlipIdInput,
    output: SlipView,
    errors: ['REG_NOT_UNIT_ADMIN', 'REG_SLIP_NOT_FOUND', 'REG_SLIP_ALREADY_REPORTED', 'REG_SLIP_AWAITING_CONFIRM', 'REG_SLIP_CANCELLED'],
    run: cancelSlip,
  }),
  submit: defineAction({
    summary: '提交报到登记表（可凭报到单）；未登录时须带发到本人手机的验证码（phoneCode），同时设置密码开户并返回会话；被退回后修改再提交即为新的一份',
    access: 'public',
    input: SubmitInput,
    output: SubmitView,
    errors: [
      ...FORM_CHECKS, 'REG_SLIP_NOT_FOUND', 'REG_SLIP_CANCELLED', 'REG_SLIP_USED', 'REG_SLIP_PHONE_MISMATCH', 'REG_PASSWORD_REQUIRED',
      'REG_PHONE_HAS_ACCOUNT', 'REG_PHONE_NOT_YOURS', 'REG_ALREADY_MEMBER', 'REG_ALREADY_PENDING',
      'PHONE_CODE_REQUIRED', 'PHONE_CODE_WRONG', 'PHONE_CODE_EXPIRED', 'PHONE_CODE_TOO_MANY_TRIES',
    ],
    // The new account's password is hashed before the transaction, so that the hash holds no database session.
    prepare: async (env, input) =>
      input.password ? hashChosenPassword(env, input.password, { phone: input.form.phone, field: 'password', label: '登录密码' }) : { passwordHash: undefined },
    run: submitRegistration,
  }),
  mine: defineAction({
    summary: '我的报到与转移登记：状态、回执、退回原因',
    access: 'user',
    input: z.object({}),
    output: RegistrationPage,
    errors: [],
    run: (ctx) => listMine(ctx),
  }),
  withdraw: defineAction({
    summary: '撤回我等待确认的报到登记',
    access: 'user',
    input: RegistrationIdInput,
    output: RegistrationView,
    errors: ['REG_NOT_FOUND', 'REG_NOT_PENDING'],
    run: withdrawRegistration,
  }),
  listPending: defineAction({
    summary: '本社区待确认的报到与转移（电话、住址已隐藏）',
    access: 'user',
    input: ListPendingInput,
    output: RegistrationPage,
    errors: [],
    run: listPending,
  }),
  get: defineAction({
    summary: '查看一份报到登记（本人看完整信息，本社区书记看隐藏后的信息）',
    access: 'user',
    input: RegistrationIdInput,
    output: RegistrationView,
    errors: ['REG_NOT_FOUND'],
    run: getRegistration,
  }),
  confirm: defineAction({
    summary: '社区确认报到（回执）：成为本社区党员义工、编志愿者编号、可指定网格；转移则迁入本社区并保留原社区记录',
    access: 'user',
    input: ConfirmInput,
    output: RegistrationView,
    errors: ['REG_NOT_FOUND', 'REG_NOT_PENDING', 'REG_GRID_NOT_IN_COMMUNITY', 'REG_NOT_MEMBER'],
    run: confirmRegistration,
  }),
  sendBack: defineAction({
    summary: '社区退回报到登记并写明原因（党员与单位可见，党员可修改后重新提交）',
    access: 'user',
    input: SendBackInput,
    output: RegistrationView,
    errors: ['REG_NOT_FOUND', 'REG_NOT_PENDING'],
    run: sendBackRegistration,
  }),
  requestTransfer: defineAction({
    summary: '党员申请转到另一个社区（以现有登记信息为底，可改住址与网格），由转入社区确认',
    access: 'user',
    input: RequestTransferInput,
    output: RegistrationView,
    errors: [...FORM_CHECKS, 'REG_NOT_MEMBER', 'REG_SAME_COMMUNITY', 'REG_NO_PROFILE', 'REG_ALREADY_PENDING'],
    run: requestTransfer,
  }),
  keepMemberWithoutPhone: defineAction({
    summary: '书记登记没有手机的党员（不开账号、不能登录，有志愿者编号，服务时长由书记添加到名单、补签退或补录）',
    access: 'user',
    input: KeepMemberWithoutPhoneInput,
    output: KeptMemberView,
    errors: ['REG_GRID_NOT_IN_COMMUNITY'],
    run: keepMemberWithoutPhone,
  }),
};
