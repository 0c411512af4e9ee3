import { defineAction, type ActionTable } from '../runtime';
import { findMembers, listExemptions, recordExemption, revokeExemption } from './exemptions';
import { chooseRuleSet, readRuleSet, ruleSetHistory, setStreetChoice } from './rule-sets';
import {
  ChooseRuleSetInput,
  ExemptionListView,
  ExemptionView,
  ListExemptionsQuery,
  MemberCandidatesQuery,
  MemberCandidatesView,
  RecordExemptionInput,
  RevokeExemptionInput,
  RuleSetHistoryQuery,
  RuleSetHistoryView,
  RuleSetQuery,
  RuleSetView,
  SetStreetChoiceInput,
  StreetChoiceView,
} from './rule-sets.schemas';

const SCOPE_ERRORS = ['ORG_NOT_FOUND', 'ORG_NOT_IN_DISTRICT', 'ORG_ARCHIVED'] as const;

/** Rule sets chosen per district (or street) and year, their audited versions, and exemptions. */
export const ruleSetActions: ActionTable = {
  ruleSet: defineAction({
    summary: '某年适用的考核规则集：本年所选、沿用往年所选或默认台山 2020，附版本、选定人、时间和原因（区管理员可看本区各街道、社区；书记、党员、居民看本社区；单位管理员看本区）',
    access: 'user',
    input: RuleSetQuery,
    output: RuleSetView,
    readOnly: true,
    errors: [...SCOPE_ERRORS],
    run: readRuleSet,
  }),
  chooseRuleSet: defineAction({
    summary: '区管理员选定某年的考核规则集（预设或修改后的完整规则），写明原因；每次保存为新版本，不覆盖旧版本；已结束的年度不能更改；允许街道自选时可代街道选定',
    access: 'user',
    input: ChooseRuleSetInput,
    output: RuleSetView,
    errors: [...SCOPE_ERRORS, 'ASSESSMENT_YEAR_CLOSED', 'ASSESSMENT_RULE_SET_UNCHANGED', 'ASSESSMENT_STREETS_CANNOT_CHOOSE'],
    run: chooseRuleSet,
  }),
  ruleSetHistory: defineAction({
    summary: '某年考核规则集的全部版本（区管理员）：谁、何时、为何修改，以及改了什么（如达标值 25 → 20）',
    access: 'user',
    input: RuleSetHistoryQuery,
    output: RuleSetHistoryView,
    readOnly: true,
    errors: [...SCOPE_ERRORS],
    run: ruleSetHistory,
  }),
  setStreetChoice: defineAction({
    summary: '区管理员开启或关闭「街道自选考核规则」：开启后街道所选规则适用于该街道的社区，关闭后全区适用区所选规则；每次开关均留痕，已结束的年度按该年年底时的开关状态计，不受之后开关影响',
    access: 'user',
    input: SetStreetChoiceInput,
    output: StreetChoiceView,
    errors: [],
    run: setStreetChoice,
  }),
  recordExemption: defineAction({
    summary: '区管理员登记免除考核：经上级党组织批准，某党员某年度免除考核，写明原因、批准单位和文号；每名党员每年只有一条有效记录',
    access: 'user',
    input: RecordExemptionInput,
    output: ExemptionView,
    errors: ['ASSESSMENT_MEMBER_NOT_FOUND', 'ASSESSMENT_YEAR_CLOSED', 'ASSESSMENT_EXEMPTION_EXISTS'],
    run: recordExemption,
  }),
  revokeExemption: defineAction({
    summary: '区管理员撤销一条免除考核记录（记录保留并标明撤销人和时间）；已结束的年度不能撤销',
    access: 'user',
    input: RevokeExemptionInput,
    output: ExemptionView,
    errors: ['ASSESSMENT_EXEMPTION_NOT_FOUND', 'ASSESSMENT_EXEMPTION_REVOKED', 'ASSESSMENT_YEAR_CLOSED'],
    run: revokeExemption,
  }),
  listExemptions: defineAction({
    summary: '某年的免除考核记录（含已撤销）：区管理员看本区（可按社区），书记看本社区',
    access: 'user',
    input: ListExemptionsQuery,
    output: ExemptionListView,
    readOnly: true,
    errors: [...SCOPE_ERRORS],
    run: listExemptions,
  }),
  findMembers: defineAction({
    summary: '区管理员按姓名（开头）、志愿者编号或手机号查找本区党员，用于登记免除考核（最多20人）',
    access: 'user',
    input: MemberCandidatesQuery,
    output: MemberCandidatesView,
    readOnly: true,
    errors: [],
    run: findMembers,
  }),
};
