import * as z from 'zod';
import { defineAction, type ActionTable } from '../runtime';
import { leave } from './leave';
import { listAccessLog } from './list-access-log';
import { exportMyData, loadMyData } from './my-data';
import { privacyErrors } from './privacy.errors';
import { AccessLogPage, DataFile, LeaveInput, LeaveView, ListAccessLogInput, MyDataView, RevealInput, RevealView } from './privacy.schemas';
import { reveal } from './reveal';

export { privacyErrors };
export * from './privacy.schemas';

/** 个人信息保护：查看完整信息（留痕）、访问记录、我的数据导出、注销 */
export const privacyActions: ActionTable = {
  reveal: defineAction({
    summary: '查看完整手机号、住址或身份证号：本社区书记（留痕）或正在为该居民上门服务的党员（留痕），本人',
    access: 'user',
    input: RevealInput,
    output: RevealView,
    errors: ['PRIVACY_FORBIDDEN', 'PRIVACY_SUBJECT_NOT_FOUND', 'PRIVACY_SUBJECT_LEFT', 'PRIVACY_NOT_HELD'],
    run: reveal,
  }),
  accessLog: defineAction({
    summary: '信息查看记录：谁在何时因何查看了谁的哪项完整信息（书记、区管理员），新的在前',
    access: 'user',
    input: ListAccessLogInput,
    output: AccessLogPage,
    errors: [],
    run: listAccessLog,
  }),
  myData: defineAction({
    summary: '我的数据：系统保存的关于本人的全部信息，分栏列出，含谁查看过我的信息',
    access: 'user',
    input: z.object({}),
    output: MyDataView,
    errors: [],
    run: (ctx) => loadMyData(ctx),
  }),
  exportMyData: defineAction({
    summary: '导出我的全部信息（UTF-8 JSON 文件，中文字段名）',
    access: 'user',
    input: z.object({}),
    output: DataFile,
    errors: [],
    run: (ctx) => exportMyData(ctx),
  }),
  leave: defineAction({
    summary: '申请注销：删除不需保存的个人信息，服务记录以志愿者编号保存；服务中（已签到未签退）不能注销',
    access: 'user',
    input: LeaveInput,
    output: LeaveView,
    errors: ['PRIVACY_LEAVE_IN_SERVICE'],
    run: leave,
  }),
};
