import { callFunction } from '../api-client'
import type { ListMyRecordsData, MyHours } from './types'
import type { Dispute, DisputeList, RecordDetail, SelfEvaluateData, ServiceRecord } from './types'

export const recordsApi = {
  myHours: (data: ListMyRecordsData = {}) => callFunction<MyHours>('records', 'myHours', data),
  /** One record with its audit trail and disputes (its member, or the community's secretary). */
  history: (recordId: string) => callFunction<RecordDetail>('records', 'history', { recordId }),
  /** 申诉 on an order the member served, with or without a record. */
  dispute: (orderId: string, reason: string) => callFunction<Dispute>('records', 'dispute', { orderId, reason }),
  myDisputes: () => callFunction<DisputeList>('records', 'myDisputes', {}),
  selfEvaluate: (data: SelfEvaluateData) => callFunction<ServiceRecord>('records', 'selfEvaluate', data),
}
