import type { z } from 'zod'
import type {
  CommunityRegisterInput,
  CommunityRegisterView,
  ExportCommunityRegisterInput,
  ExportedFile,
  UnitStatisticsView,
} from '@core/reports/reports.schemas'
import type { OrganisationContacts, QuarterlyReportStatusView, QuarterlyReportView } from '@core/reports/quarterly-report.schemas'
import { callFunction } from '../api-client'

export type CommunityRegister = z.output<typeof CommunityRegisterView>
export type RegisterEntry = CommunityRegister['items'][number]
export type RegisterMemberType = z.output<typeof CommunityRegisterInput>['memberType']
export type ExportRegisterData = z.input<typeof ExportCommunityRegisterInput>
export type UnitStatistics = z.output<typeof UnitStatisticsView>
export type ExportedWorkbook = z.output<typeof ExportedFile>
export type QuarterlyReport = z.output<typeof QuarterlyReportView>
export type QuarterlyReportStatus = z.output<typeof QuarterlyReportStatusView>
export type ReportContacts = z.output<typeof OrganisationContacts>
/** Whose 季报表: the caller's own (nothing named), or a community or unit a district admin names; and which quarter. */
export type QuarterlyReportQuery = { communityId?: string; unitId?: string; year?: number; quarter?: number }

/** The reports cloud function: 登记表 (附件4) and 统计表 (附件3), on screen and as .xlsx. */
export const reportsApi = {
  communityRegister: (memberType: RegisterMemberType, page: { limit: number; offset: number }, query = '') =>
    callFunction<CommunityRegister>('reports', 'communityRegister', { memberType, page, ...(query.trim() ? { query: query.trim() } : {}) }),
  exportCommunityRegister: (data: ExportRegisterData) => callFunction<ExportedWorkbook>('reports', 'exportCommunityRegister', data),
  unitStatistics: (unitId?: string) => callFunction<UnitStatistics>('reports', 'unitStatistics', unitId ? { unitId } : {}),
  exportUnitStatistics: (unitId?: string) => callFunction<ExportedWorkbook>('reports', 'exportUnitStatistics', unitId ? { unitId } : {}),
  /** 党员义工工作进展情况季报表 (001 附件4): on screen, as .xlsx, submitted to the level above, and the district's list of who has. */
  quarterlyReport: (query: QuarterlyReportQuery) => callFunction<QuarterlyReport>('reports', 'quarterlyReport', query),
  exportQuarterlyReport: (query: QuarterlyReportQuery) => callFunction<ExportedWorkbook>('reports', 'exportQuarterlyReport', query),
  submitQuarterlyReport: (query: QuarterlyReportQuery & { year: number; quarter: number; contacts?: ReportContacts }) =>
    callFunction<QuarterlyReport>('reports', 'submitQuarterlyReport', query),
  quarterlyReportStatus: (quarter?: { year: number; quarter: number }) => callFunction<QuarterlyReportStatus>('reports', 'quarterlyReportStatus', quarter ?? {}),
}
