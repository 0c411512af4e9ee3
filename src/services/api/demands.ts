import { callFunction } from '../api-client'
import type { ConfirmServiceData, Demand, DemandList, PostDemandData } from './types'

export const demandsApi = {
  post: (data: PostDemandData) => callFunction<Demand>('demands', 'post', data),
  get: (demandId: string) => callFunction<Demand>('demands', 'get', { demandId }),
  listMine: (page: { limit: number; offset: number }) => callFunction<DemandList>('demands', 'listMine', { page }),
  withdraw: (demandId: string) => callFunction<Demand>('demands', 'withdraw', { demandId }),
  confirmService: (data: ConfirmServiceData) => callFunction<Demand>('demands', 'confirmService', data),
}
