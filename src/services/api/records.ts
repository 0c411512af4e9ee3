import { callFunction } from '../api-client'
import type { ListMyRecordsData, MyHours } from './types'

export const recordsApi = {
  myHours: (data: ListMyRecordsData = {}) => callFunction<MyHours>('records', 'myHours', data),
}
