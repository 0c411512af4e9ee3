import { defineAction, type ActionTable } from '../runtime';
import { listAwards, recordAward, withdrawAward } from './awards';
import { listCandidates } from './candidates';
import { myTrainingsAndAwards } from './my-record';
import { correctTraining, listTrainings, recordTraining, withdrawTraining } from './trainings';
import { volunteerRecordErrors } from './volunteer-record.errors';
import {
  AwardList,
  AwardView,
  CandidatesInput,
  CandidatesView,
  CorrectTrainingInput,
  ListScopeInput,
  MyRecordInput,
  MyTrainingsAndAwardsView,
  RecordAwardInput,
  RecordTrainingInput,
  TrainingList,
  TrainingView,
  WithdrawAwardInput,
  WithdrawTrainingInput,
} from './volunteer-record.schemas';

export { volunteerRecordErrors };
export * from './volunteer-record.schemas';
export { loadTrainingsAndAwards, type AwardEntry, type TrainingEntry, type TrainingsAndAwards } from './training-awards.repository';

/** 培训情况与表彰奖励情况 (《志愿服务记录与证明出具办法》 第四条), mounted on the records function. */
export const volunteerRecordActions: ActionTable = {
  recordTraining: defineAction({
    summary: '登记培训（骨干培训/岗前培训）及参训党员：书记为本社区，区管理员为本区或本区某社区',
    access: 'user',
    input: RecordTrainingInput,
    output: TrainingView,
    errors: ['TRAINING_PARTICIPANT_OUT_OF_SCOPE', 'TRAINING_END_BEFORE_START', 'TRAINING_IN_FUTURE'],
    run: recordTraining,
  }),
  correctTrainingRecord: defineAction({
    summary: '更正培训记录（内容或参训党员）并写明理由，改前改后留痕',
    access: 'user',
    input: CorrectTrainingInput,
    output: TrainingView,
    errors: ['TRAINING_NOT_FOUND', 'TRAINING_WITHDRAWN', 'TRAINING_PARTICIPANT_OUT_OF_SCOPE', 'TRAINING_END_BEFORE_START', 'TRAINING_IN_FUTURE'],
    run: correctTraining,
  }),
  withdrawTraining: defineAction({
    summary: '撤回登记有误的培训记录并写明理由（记录保留并标为已撤回，不再计入党员记录）',
    access: 'user',
    input: WithdrawTrainingInput,
    output: TrainingView,
    errors: ['TRAINING_NOT_FOUND', 'TRAINING_WITHDRAWN'],
    run: withdrawTraining,
  }),
  listTrainings: defineAction({
    summary: '本社区（区管理员：本区或指定社区）某年度的培训记录，含参训党员和修改留痕',
    access: 'user',
    input: ListScopeInput,
    output: TrainingList,
    errors: [],
    run: listTrainings,
  }),
  recordAward: defineAction({
    summary: '登记党员获得的表彰奖励（名称、级别、日期、授予单位）：本社区书记或本区管理员',
    access: 'user',
    input: RecordAwardInput,
    output: AwardView,
    errors: ['AWARD_MEMBER_OUT_OF_SCOPE', 'AWARD_IN_FUTURE'],
    run: recordAward,
  }),
  withdrawAward: defineAction({
    summary: '撤回登记有误的表彰奖励并写明理由（记录保留并标为已撤回）',
    access: 'user',
    input: WithdrawAwardInput,
    output: AwardView,
    errors: ['AWARD_NOT_FOUND', 'AWARD_WITHDRAWN'],
    run: withdrawAward,
  }),
  listAwards: defineAction({
    summary: '本社区（区管理员：本区或指定社区）党员某年度的表彰奖励',
    access: 'user',
    input: ListScopeInput,
    output: AwardList,
    errors: [],
    run: listAwards,
  }),
  trainingCandidates: defineAction({
    summary: '可登记培训或表彰的党员：本社区（区管理员：本区或指定社区）党员，可按姓名开头或志愿者编号查找，最多300人',
    access: 'user',
    input: CandidatesInput,
    output: CandidatesView,
    errors: [],
    run: listCandidates,
  }),
  myTrainingsAndAwards: defineAction({
    summary: '我的培训与表彰：本人某年度的培训（含时数）和表彰奖励',
    access: 'user',
    input: MyRecordInput,
    output: MyTrainingsAndAwardsView,
    errors: [],
    run: myTrainingsAndAwards,
  }),
};
