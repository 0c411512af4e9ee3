import type { z } from 'zod'
import type { CommitmentPage, CommitmentView, MyCommitments } from '@core/assessment/commitments.schemas'
import { callFunction } from '../api-client'

export type Commitment = z.output<typeof CommitmentView>
export type CommitmentStatus = Commitment['status']
export type MyCommitmentList = z.output<typeof MyCommitments>
export type CommunityCommitments = z.output<typeof CommitmentPage>

type Page = { limit: number; offset: number }

/** 承诺、实事好事, in the assessment cloud function: committed, reported, confirmed or sent back. */
export const commitmentsApi = {
  commit: (data: { beneficiary: string; content: string; teamId?: string; year?: number }) => callFunction<Commitment>('assessment', 'commit', data),
  reportFulfilment: (commitmentId: string, fulfilment: string) =>
    callFunction<Commitment>('assessment', 'reportFulfilment', { commitmentId, fulfilment }),
  mine: () => callFunction<MyCommitmentList>('assessment', 'myCommitments', {}),
  listForCommunity: (page: Page, status?: CommitmentStatus) =>
    callFunction<CommunityCommitments>('assessment', 'listCommitments', { ...(status ? { status } : {}), page }),
  confirm: (commitmentId: string) => callFunction<Commitment>('assessment', 'confirmCommitment', { commitmentId }),
  sendBack: (commitmentId: string, reason: string) => callFunction<Commitment>('assessment', 'returnCommitment', { commitmentId, reason }),
}
