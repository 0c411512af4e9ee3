import * as z from 'zod';
import { defineAction, type ActionTable } from '../runtime';
import { field } from '../shared/fields';
import { warnings } from './assessment-warnings';
import { memberDates, setMemberDates } from './member-dates';
import { assertSeesMember, memberStanding, myStanding } from './member-standing';
import { MemberDatesView, MemberStandingInput, MyStandingInput, SetMemberDatesInput, StandingView, WarningsInput, WarningsView } from './standing.schemas';

/** A member's standing against the rule set, the warnings of what is at risk, and the activist's dates. */
export const standingActions: ActionTable = {
  myStanding: defineAction({
    summary: '我的考核：当年（或指定年度）规则集的每条规则是否达标、还差多少、截止何时，优秀与评先评优资格，以及按月的服务时数',
    access: 'user',
    input: MyStandingInput,
    output: StandingView,
    readOnly: true,
    errors: ['ASSESSMENT_MEMBER_NOT_FOUND'],
    run: myStanding,
  }),
  memberStanding: defineAction({
    summary: '某位党员的考核情况（与「我的考核」相同）：社区书记看本社区党员，单位管理员看本单位党员，区管理员看本区党员',
    access: 'user',
    input: MemberStandingInput,
    output: StandingView,
    readOnly: true,
    errors: ['ASSESSMENT_MEMBER_NOT_FOUND'],
    run: memberStanding,
  }),
  warnings: defineAction({
    summary:
      '考核预警：党员本人当前有风险的事项（本季度将结束仍未服务、时数落后于年度进度、积极分子培养期时数落后、考核项目即将到期）；社区书记看本社区各类有风险的党员人数和低于要求的组织比率',
    access: 'user',
    input: WarningsInput,
    output: WarningsView,
    readOnly: true,
    errors: ['ASSESSMENT_MEMBER_NOT_FOUND'],
    run: warnings,
  }),
  memberDates: defineAction({
    summary: '党员成为入党积极分子的日期和入党日期，以及最近由谁、何时登记',
    access: 'user',
    input: z.object({ memberId: field.id('党员') }),
    output: MemberDatesView,
    readOnly: true,
    errors: ['ASSESSMENT_MEMBER_NOT_FOUND'],
    run: async (ctx, input) => {
      await assertSeesMember(ctx, input.memberId);
      return memberDates(ctx, input.memberId);
    },
  }),
  setMemberDates: defineAction({
    summary: '社区书记登记本社区党员成为入党积极分子的日期和入党日期（入党日期不早于前者，均不晚于今天），记下登记人和时间',
    access: 'user',
    input: SetMemberDatesInput,
    output: MemberDatesView,
    errors: ['ASSESSMENT_MEMBER_NOT_FOUND', 'ASSESSMENT_MEMBER_DATES_INVALID'],
    run: setMemberDates,
  }),
};
