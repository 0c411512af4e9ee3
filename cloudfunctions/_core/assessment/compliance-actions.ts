import { defineAction, type ActionTable } from '../runtime';
import { complianceList, unitStanding } from './compliance-list';
import { ComplianceListInput, ComplianceListView, UnitStandingInput, UnitStandingView } from './compliance.schemas';

/** The community's compliance list and the unit's view of its members' standing. */
export const complianceActions: ActionTable = {
  complianceList: defineAction({
    summary:
      '社区考核达标情况：本社区每位党员当年（或指定年度）各条规则是否达标、还差多少、截止何时及各季度情况，顶部统计（达标 / 未达标 / 本季度尚无服务 / 免除），可按党员类型、网格、达标情况筛选，按落后程度、姓名、时数排序；社区书记看本社区，区管理员看本区任一社区',
    access: 'user',
    input: ComplianceListInput,
    output: ComplianceListView,
    readOnly: true,
    errors: ['ASSESSMENT_GRID_NOT_IN_COMMUNITY'],
    run: complianceList,
  }),
  unitStanding: defineAction({
    summary: '单位党员服务情况（004 §三.3 年底反馈所在单位）：本单位在职党员在所报到社区的服务和考核达标情况，按社区汇总；单位管理员看本单位，区管理员看本区任一单位',
    access: 'user',
    input: UnitStandingInput,
    output: UnitStandingView,
    readOnly: true,
    errors: ['ORG_UNIT_NOT_FOUND', 'ORG_NOT_IN_DISTRICT'],
    run: unitStanding,
  }),
};
