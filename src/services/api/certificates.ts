import type { z } from 'zod'
import type {
  CertificateView,
  IssueCertificateInput,
  PendingCertificate,
  RequestCertificateInput,
  ReissueCertificateInput,
  VerifyResult,
} from '@core/certificates/certificates.schemas'
import type { ExportedFile } from '@core/reports/reports.schemas'
import { callFunction } from '../api-client'

export type Certificate = z.output<typeof CertificateView>
export type PendingCertificateItem = z.output<typeof PendingCertificate>
export type CertificateVerification = z.output<typeof VerifyResult>
export type RequestCertificateData = z.input<typeof RequestCertificateInput>
export type IssueCertificateData = z.input<typeof IssueCertificateInput>
export type ReissueCertificateData = z.input<typeof ReissueCertificateInput>

/** The certificates cloud function: 志愿服务证明 requested by a member, issued by the organising community, checked by anyone. */
export const certificatesApi = {
  request: (data: RequestCertificateData) => callFunction<{ certificates: Certificate[] }>('certificates', 'request', data),
  mine: () => callFunction<{ certificates: Certificate[] }>('certificates', 'myCertificates', {}),
  pending: () => callFunction<{ certificates: PendingCertificateItem[] }>('certificates', 'pending', {}),
  decided: () => callFunction<{ certificates: Certificate[] }>('certificates', 'decided', {}),
  issue: (data: IssueCertificateData) => callFunction<Certificate>('certificates', 'issue', data),
  refuse: (certificateId: string, reason: string) => callFunction<Certificate>('certificates', 'refuse', { certificateId, reason }),
  revoke: (certificateId: string, reason: string) => callFunction<Certificate>('certificates', 'revoke', { certificateId, reason }),
  reissue: (data: ReissueCertificateData) => callFunction<Certificate>('certificates', 'reissue', data),
  download: (certificateId: string) => callFunction<z.output<typeof ExportedFile>>('certificates', 'download', { certificateId }),
  /** Open to anyone, without a login: the number and code printed on the paper. */
  verify: (number: string, code: string) => callFunction<CertificateVerification>('certificates', 'verify', { number, code }),
}
