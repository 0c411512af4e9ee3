import * as z from 'zod';
import { defineAction, type ActionTable } from '../runtime';
import { incentiveRuleHistory, listPresets, readIncentiveRules, saveIncentiveRules } from './rules/rule-versions';
import { PresetsView, RuleHistoryQuery, RuleHistoryView, RulesQuery, RulesView, SaveRulesInput } from './rules/rules-views.schemas';

/** The district's rules for points, stars, the time bank and the shop (part A). */
export const rulesActions: ActionTable = {
  incentiveRules: defineAction({
    summary: '本区现行的激励规则（积分、星级、爱心时间银行、爱心超市）：版本、保存人和时间、所依据的预设及文字说明；未保存过的区按默认预设（版本 0）。区管理员看本区，书记、党员、居民看所在社区的区，单位管理员看单位所在的区',
    access: 'user',
    input: RulesQuery,
    output: RulesView,
    readOnly: true,
    errors: [],
    run: readIncentiveRules,
  }),
  incentivePresets: defineAction({
    summary: '可供选用的激励规则预设，各注明出处和我们补充的假设（昆山、连云港江化社区、海林、苏州积分；民政部/广东、张家港、启东星级；南京、北京、长沙雨花、广州时间银行）',
    access: 'user',
    input: z.object({}),
    output: PresetsView,
    readOnly: true,
    errors: [],
    run: listPresets,
  }),
  saveIncentiveRules: defineAction({
    summary: '区管理员保存本区的激励规则：每次保存为新版本，旧版本保留，记下保存人和时间；只对此后结算的服务生效，已入账的不改；须注明所修改的版本号，他人已保存新版本时拒绝',
    access: 'user',
    input: SaveRulesInput,
    output: RulesView,
    errors: ['INCENTIVE_RULES_UNCHANGED', 'INCENTIVE_RULES_STALE'],
    run: saveIncentiveRules,
  }),
  incentiveRuleHistory: defineAction({
    summary: '本区激励规则的各个版本（区管理员）：谁、何时保存，说明，以及与上一版本相比改了什么（如「每小时积分：10分 → 12分」）',
    access: 'user',
    input: RuleHistoryQuery,
    output: RuleHistoryView,
    readOnly: true,
    errors: [],
    run: incentiveRuleHistory,
  }),
};
