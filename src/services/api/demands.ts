import { callFunction } from '../api-client'
import type { ConfirmServiceData, Demand, DemandList, DemandStatus, NeedFormDefaults, PostDemandData, RecordDemandData } from './types'

type Page = { limit: number; offset: number }

/** The demands cloud function: the resident's own needs, and the community's need pool for its secretary. */
export const demandsApi = {
  /** The caller's phone and address for a new need, and their community's service phone. */
  formDefaults: () => callFunction<NeedFormDefaults>('demands', 'formDefaults', {}),
  post: (data: PostDemandData) => callFunction<Demand>('demands', 'post', data),
  get: (demandId: string) => callFunction<Demand>('demands', 'get', { demandId }),
  listMine: (page: Page) => callFunction<DemandList>('demands', 'listMine', { page }),
  withdraw: (demandId: string) => callFunction<Demand>('demands', 'withdraw', { demandId }),
  confirmService: (data: ConfirmServiceData) => callFunction<Demand>('demands', 'confirmService', data),
  listForCommunity: (page: Page, status?: DemandStatus, query?: string) =>
    callFunction<DemandList>('demands', 'listForCommunity', { ...(status ? { status } : {}), ...(query ? { query } : {}), page }),
  reject: (demandId: string, reason: string) => callFunction<Demand>('demands', 'reject', { demandId, reason }),
  record: (data: RecordDemandData) => callFunction<Demand>('demands', 'record', data),
}
