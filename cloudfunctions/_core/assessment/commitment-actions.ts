import { defineAction, type ActionTable } from '../runtime';
import {
  CommitInput, CommitmentIdInput, CommitmentPage, CommitmentView, ListCommitmentsInput, MyCommitments, MyCommitmentsInput, ReportFulfilmentInput,
  ReturnCommitmentInput,
} from './commitments.schemas';
import { commit, confirmCommitment, listCommitments, myCommitments, reportFulfilment, returnCommitment } from './commitments';

/** 承诺 and 实事好事 (001 §五.(三)二, 002 §三.1): committed, reported as done, confirmed or sent back by the secretary. */
export const commitmentActions: ActionTable = {
  commit: defineAction({
    summary: '作出承诺：党员为帮扶对象承诺一件好事，或服务队队长/社区书记为服务队承诺一件实事（今年或明年）',
    access: 'user',
    input: CommitInput,
    output: CommitmentView,
    errors: ['COMMITMENT_TEAM_NOT_FOUND', 'COMMITMENT_NOT_CAPTAIN', 'COMMITMENT_YEAR_NOT_OPEN'],
    run: commit,
  }),
  reportFulfilment: defineAction({
    summary: '填报承诺的完成情况（党员本人；服务队的实事由队长或社区书记填报）；被退回的可重新填报',
    access: 'user',
    input: ReportFulfilmentInput,
    output: CommitmentView,
    errors: ['COMMITMENT_NOT_FOUND', 'COMMITMENT_NOT_CAPTAIN', 'COMMITMENT_NOT_OPEN'],
    run: reportFulfilment,
  }),
  confirmCommitment: defineAction({
    summary: '书记确认已完成的承诺；确认后计入当年好事、实事考核',
    access: 'user',
    input: CommitmentIdInput,
    output: CommitmentView,
    errors: ['COMMITMENT_NOT_FOUND', 'COMMITMENT_NOT_REPORTED'],
    run: confirmCommitment,
  }),
  returnCommitment: defineAction({
    summary: '书记退回填报的完成情况并写明原因，党员可补充后重新填报',
    access: 'user',
    input: ReturnCommitmentInput,
    output: CommitmentView,
    errors: ['COMMITMENT_NOT_FOUND', 'COMMITMENT_NOT_REPORTED'],
    run: returnCommitment,
  }),
  myCommitments: defineAction({
    summary: '我的承诺：本人的好事和我任队长的服务队的实事，及可为之承诺的服务队',
    access: 'user',
    input: MyCommitmentsInput,
    output: MyCommitments,
    errors: [],
    run: myCommitments,
  }),
  listCommitments: defineAction({
    summary: '本社区的承诺（书记/管理员），待确认的在前，可按状态和年度筛选，并给出待确认条数',
    access: 'user',
    input: ListCommitmentsInput,
    output: CommitmentPage,
    errors: [],
    run: listCommitments,
  }),
};
