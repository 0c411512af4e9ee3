import type { z } from 'zod'
import type {
  CommunityRegisterInput,
  CommunityRegisterView,
  ExportCommunityRegisterInput,
  ExportedFile,
  UnitStatisticsView,
} from '@core/reports/reports.schemas'
import { callFunction } from '../api-client'

export type CommunityRegister = z.output<typeof CommunityRegisterView>
export type RegisterEntry = CommunityRegister['items'][number]
export type RegisterMemberType = z.output<typeof CommunityRegisterInput>['memberType']
export type ExportRegisterData = z.input<typeof ExportCommunityRegisterInput>
export type UnitStatistics = z.output<typeof UnitStatisticsView>
export type ExportedWorkbook = z.output<typeof ExportedFile>

/** The reports cloud function: 登记表 (附件4) and 统计表 (附件3), on screen and as .xlsx. */
export const reportsApi = {
  communityRegister: (memberType: RegisterMemberType, page: { limit: number; offset: number }, query = '') =>
    callFunction<CommunityRegister>('reports', 'communityRegister', { memberType, page, ...(query.trim() ? { query: query.trim() } : {}) }),
  exportCommunityRegister: (data: ExportRegisterData) => callFunction<ExportedWorkbook>('reports', 'exportCommunityRegister', data),
  unitStatistics: (unitId?: string) => callFunction<UnitStatistics>('reports', 'unitStatistics', unitId ? { unitId } : {}),
  exportUnitStatistics: (unitId?: string) => callFunction<ExportedWorkbook>('reports', 'exportUnitStatistics', unitId ? { unitId } : {}),
}
