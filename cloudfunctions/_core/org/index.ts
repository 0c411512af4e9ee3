import type { ActionTable } from '../runtime';
import { orgErrors } from './org.errors';

export { orgRepository, type MemberType, type OrganisationKind } from './org.repository';
export { orgErrors };

/** 组织管理：街道、社区、网格、单位与结对共建、书记与单位管理员任命、区级设置（区管理员） */
export const orgActions: ActionTable = {};
