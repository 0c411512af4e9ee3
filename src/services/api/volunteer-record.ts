import type { z } from 'zod'
import type {
  AwardList,
  AwardView,
  CandidatesView,
  MyTrainingsAndAwardsView,
  TrainingList,
  TrainingView,
} from '@core/volunteer-record/volunteer-record.schemas'
import type { AwardLevel, TrainingKind } from '@core/volunteer-record/record-words'
import { callFunction } from '../api-client'
import type { FileToSave } from '../save-file'

export type Training = z.output<typeof TrainingView>
export type Award = z.output<typeof AwardView>
export type Candidate = z.output<typeof CandidatesView>['members'][number]
export type Candidates = z.output<typeof CandidatesView>
export type MyTrainingsAndAwards = z.output<typeof MyTrainingsAndAwardsView>

export interface TrainingData {
  kind: TrainingKind
  title: string
  organiser: string
  startedOn: string
  endedOn: string
  hours: number
  memberIds: string[]
}

export interface AwardData {
  memberId: string
  title: string
  level: AwardLevel
  awardedOn: string
  awardingBody: string
}

/** 培训情况、表彰奖励情况 of the volunteer record (records function), and the 全国系统导出 (reports function). */
export const volunteerRecordApi = {
  trainings: (year: number) => callFunction<z.output<typeof TrainingList>>('records', 'listTrainings', { year }),
  recordTraining: (data: TrainingData) => callFunction<Training>('records', 'recordTraining', data),
  withdrawTraining: (id: string, reason: string) => callFunction<Training>('records', 'withdrawTraining', { id, reason }),
  awards: (year: number) => callFunction<z.output<typeof AwardList>>('records', 'listAwards', { year }),
  recordAward: (data: AwardData) => callFunction<Award>('records', 'recordAward', data),
  withdrawAward: (id: string, reason: string) => callFunction<Award>('records', 'withdrawAward', { id, reason }),
  candidates: (query?: string) => callFunction<Candidates>('records', 'trainingCandidates', query ? { query } : {}),
  mine: (year: number) => callFunction<MyTrainingsAndAwards>('records', 'myTrainingsAndAwards', { year }),
  exportNational: (year: number, quarter?: number) => callFunction<FileToSave>('reports', 'exportNationalRecord', quarter ? { year, quarter } : { year }),
}
