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

// 时长管理 (the community secretary): an order's hours, the review queues, corrections and disputes.
import type {
  AddWalkInData,
  CloseMissingCheckoutData,
  CorrectRecordData,
  EnterRecordData,
  HoursQueues,
  ListCommunityRecordsData,
  ListDisputesData,
  MissingCheckout,
  OrderHours,
  RecordList,
  ResolveDisputeData,
} from './types'

export const hoursAdminApi = {
  orderHours: (orderId: string) => callFunction<OrderHours>('records', 'orderHours', { orderId }),
  queues: () => callFunction<HoursQueues>('records', 'queues', {}),
  listForCommunity: (data: ListCommunityRecordsData) => callFunction<RecordList>('records', 'listForCommunity', data),
  approve: (recordId: string, reason: string) => callFunction<ServiceRecord>('records', 'approve', { recordId, reason }),
  /** 核减: credits only what keeps the day at 8 hours. */
  cut: (recordId: string, reason: string) => callFunction<ServiceRecord>('records', 'cut', { recordId, reason }),
  /** 补录 for a member with no record on the order. */
  enter: (data: EnterRecordData) => callFunction<ServiceRecord>('records', 'enter', data),
  correct: (data: CorrectRecordData) => callFunction<ServiceRecord>('records', 'correct', data),
  missingCheckouts: () => callFunction<{ items: MissingCheckout[] }>('records', 'missingCheckouts', {}),
  closeMissingCheckout: (data: CloseMissingCheckoutData) =>
    callFunction<{ items: MissingCheckout[] }>('records', 'closeMissingCheckout', data),
  /** 添加到名单并签到: a community member who did not accept, checked in by hand at the server's now. */
  addWalkIn: (data: AddWalkInData) => callFunction<OrderHours>('records', 'addWalkIn', data),
  confirmForResident: (orderId: string, reason: string) =>
    callFunction<OrderHours>('records', 'confirmForResident', { orderId, reason }),
  listDisputes: (data: ListDisputesData = {}) => callFunction<DisputeList>('records', 'listDisputes', data),
  resolveDispute: (data: ResolveDisputeData) => callFunction<Dispute>('records', 'resolveDispute', data),
}
