import type { z } from 'zod'
import type {
  IssueSlipInput,
  KeepMemberWithoutPhoneInput,
  KeptMemberView,
  OptionsView,
  RegistrationPage,
  RegistrationView,
  RequestTransferInput,
  SlipPage,
  SlipView,
  SubmitView,
} from '@core/registration/registration.schemas'
import type { RegistrationFormInput } from '@core/registration/registration-form'
import { callFunction } from '../api-client'
import type { FileToSave } from '../save-file'

export type RegistrationOptions = z.output<typeof OptionsView>
export type Registration = z.output<typeof RegistrationView>
export type RegistrationList = z.output<typeof RegistrationPage>
export type ReportSlip = z.output<typeof SlipView>
export type ReportSlipList = z.output<typeof SlipPage>
export type SubmitResult = z.output<typeof SubmitView>
export type IssueSlipData = z.input<typeof IssueSlipInput>
export type TransferData = z.input<typeof RequestTransferInput>
export type KeepMemberWithoutPhoneData = z.input<typeof KeepMemberWithoutPhoneInput>
export type KeptMember = z.output<typeof KeptMemberView>
export type { RegistrationFormInput }

type Page = { limit: number; offset: number }

/** The registration cloud function: 报到单, the 报到 form, the community's 回执 and transfers. */
export const registrationApi = {
  options: (slipCode?: string) => callFunction<RegistrationOptions>('registration', 'options', slipCode ? { slipCode } : {}),
  submit: (data: { form: RegistrationFormInput; slipCode?: string; password?: string; phoneCode?: string }) => callFunction<SubmitResult>('registration', 'submit', data),
  mine: () => callFunction<RegistrationList>('registration', 'mine', {}),
  withdraw: (registrationId: string) => callFunction<Registration>('registration', 'withdraw', { registrationId }),
  get: (registrationId: string) => callFunction<Registration>('registration', 'get', { registrationId }),
  requestTransfer: (data: TransferData) => callFunction<Registration>('registration', 'requestTransfer', data),
  listPending: (page: Page) => callFunction<RegistrationList>('registration', 'listPending', { page }),
  confirm: (registrationId: string, gridId?: string) =>
    callFunction<Registration>('registration', 'confirm', gridId ? { registrationId, gridId } : { registrationId }),
  sendBack: (registrationId: string, reason: string) => callFunction<Registration>('registration', 'sendBack', { registrationId, reason }),
  issueSlip: (data: IssueSlipData) => callFunction<ReportSlip>('registration', 'issueSlip', data),
  listSlips: (page: Page, unitId?: string) => callFunction<ReportSlipList>('registration', 'listSlips', unitId ? { page, unitId } : { page }),
  noteNotReported: (slipId: string, reason: string) => callFunction<ReportSlip>('registration', 'noteNotReported', { slipId, reason }),
  cancelSlip: (slipId: string) => callFunction<ReportSlip>('registration', 'cancelSlip', { slipId }),
  /** 在职党员社区报到单 with its 回执单 as a printable PDF (004 附件1), with the code's link and QR code. */
  slipPdf: (slipId: string) => callFunction<FileToSave>('registration', 'slipPdf', { slipId }),
  /** 在职党员社区报到回执单 of a confirmed registration as a printable PDF. */
  receiptPdf: (registrationId: string) => callFunction<FileToSave>('registration', 'receiptPdf', { registrationId }),
  /** A member with no phone, kept by the secretary: no account, served through hand entries. */
  keepMemberWithoutPhone: (data: KeepMemberWithoutPhoneData) => callFunction<KeptMember>('registration', 'keepMemberWithoutPhone', data),
}
