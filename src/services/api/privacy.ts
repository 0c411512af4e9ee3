import type { z } from 'zod'
import type {
  AccessLogPage,
  DataFile,
  LeaveInput,
  LeaveView,
  MyDataView,
  RevealInput,
  RevealView,
} from '@core/privacy/privacy.schemas'
import { callFunction } from '../api-client'

export type RevealData = z.input<typeof RevealInput>
export type RevealSubject = RevealData['subject']
export type PersonalField = RevealData['field']
export type Revealed = z.output<typeof RevealView>
export type AccessLogList = z.output<typeof AccessLogPage>
export type AccessLogItem = AccessLogList['items'][number]
export type MyData = z.output<typeof MyDataView>
export type MyDataSection = MyData['sections'][number]
export type MyDataFile = z.output<typeof DataFile>
export type LeaveData = z.input<typeof LeaveInput>
export type LeaveResult = z.output<typeof LeaveView>

type Page = { limit: number; offset: number }

/** The privacy cloud function: revealing a full value (logged), the access log, my data and leaving. */
export const privacyApi = {
  reveal: (data: RevealData) => callFunction<Revealed>('privacy', 'reveal', data),
  accessLog: (page: Page) => callFunction<AccessLogList>('privacy', 'accessLog', { page }),
  myData: () => callFunction<MyData>('privacy', 'myData', {}),
  exportMyData: () => callFunction<MyDataFile>('privacy', 'exportMyData', {}),
  leave: (data: LeaveData) => callFunction<LeaveResult>('privacy', 'leave', data),
}
