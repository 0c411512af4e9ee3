import { callFunction } from '../api-client'
import type { Demand, DemandList, DemandStatus, RecordDemandData } from './types'

/** The community's need pool (书记/管理员); the resident's own actions live in demands.ts. */
export const secretaryDemandsApi = {
  listForCommunity: (page: { limit: number; offset: number }, status?: DemandStatus) =>
    callFunction<DemandList>('demands', 'listForCommunity', status ? { status, page } : { page }),
  get: (demandId: string) => callFunction<Demand>('demands', 'get', { demandId }),
  reject: (demandId: string, reason: string) => callFunction<Demand>('demands', 'reject', { demandId, reason }),
  record: (data: RecordDemandData) => callFunction<Demand>('demands', 'record', data),
}
