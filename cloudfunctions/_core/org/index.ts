import * as z from 'zod';
import { defineAction, type ActionTable } from '../runtime';
import { appoint, prepareAppoint, revoke } from './appointments';
import { loadSettings, updateSettings } from './district-settings';
import { mergeOrganisations } from './merge-organisations';
import { loadTree } from './org-tree';
import { orgErrors } from './org.errors';
import {
  AppointInput,
  AppointmentView,
  CreateOrganisationInput,
  CreateUnitInput,
  MergeOrganisationsInput,
  MergeView,
  OrganisationView,
  PairInput,
  PairingView,
  RenameOrganisationInput,
  RenameUnitInput,
  RevokeInput,
  ServicePhoneView,
  SetServicePhoneInput,
  SettingsView,
  TreeView,
  UnitSummaryView,
  UnpairInput,
  UpdateSettingsInput,
} from './org.schemas';
import { createOrganisation, renameOrganisation } from './organisations';
import { setServicePhone } from './service-phone';
import { createUnit, pairUnit, renameUnit, unpairUnit } from './units';

export { orgRepository, type MemberType, type OrganisationKind } from './org.repository';
export { orgErrors };
export * from './org.schemas';

const SCOPE = ['ORG_NOT_FOUND', 'ORG_NOT_IN_DISTRICT', 'ORG_ARCHIVED'];

/** 组织管理：街道、社区、网格、单位与结对共建、书记与单位管理员任命、区级设置（区管理员） */
export const orgActions: ActionTable = {
  tree: defineAction({
    summary: '本区组织架构：街道、社区、网格（含党员和居民人数、社区书记），单位及其结对社区和管理员',
    access: 'user',
    input: z.object({}),
    output: TreeView,
    errors: [],
    run: loadTree,
  }),
  createOrganisation: defineAction({
    summary: '新建街道（区下）、社区（街道下）或网格（社区下），同一上级下名称不重复',
    access: 'user',
    input: CreateOrganisationInput,
    output: OrganisationView,
    errors: [...SCOPE, 'ORG_WRONG_PARENT', 'ORG_NAME_TAKEN'],
    run: createOrganisation,
  }),
  rename: defineAction({
    summary: '组织更名（同一上级下名称不重复）',
    access: 'user',
    input: RenameOrganisationInput,
    output: OrganisationView,
    errors: [...SCOPE, 'ORG_NAME_TAKEN'],
    run: renameOrganisation,
  }),
  merge: defineAction({
    summary: '合并网格、社区或街道：人员、需求、订单、记录、结对等全部转入目标组织，原组织归档保留',
    access: 'user',
    input: MergeOrganisationsInput,
    output: MergeView,
    errors: [...SCOPE, 'ORG_MERGE_INTO_ITSELF', 'ORG_MERGE_KIND_MISMATCH', 'ORG_MERGE_DISTRICT', 'ORG_MERGE_ACROSS_PARENT'],
    run: mergeOrganisations,
  }),
  setServicePhone: defineAction({
    summary: '设置社区服务电话（居民在需求页看到并可拨打），留空即清除；本社区书记或本区管理员可设置',
    access: 'user',
    input: SetServicePhoneInput,
    output: ServicePhoneView,
    errors: [...SCOPE, 'ORG_NOT_COMMUNITY'],
    run: setServicePhone,
  }),
  createUnit: defineAction({
    summary: '新建单位（机关、事业、企业、高校、其他），本区内名称不重复',
    access: 'user',
    input: CreateUnitInput,
    output: UnitSummaryView,
    errors: ['ORG_UNIT_NAME_TAKEN'],
    run: createUnit,
  }),
  renameUnit: defineAction({
    summary: '单位更名',
    access: 'user',
    input: RenameUnitInput,
    output: UnitSummaryView,
    errors: ['ORG_UNIT_NOT_FOUND', 'ORG_NOT_IN_DISTRICT', 'ORG_UNIT_NAME_TAKEN'],
    run: renameUnit,
  }),
  pair: defineAction({
    summary: '结对共建：单位与本区社区结对（结对日期默认今天）',
    access: 'user',
    input: PairInput,
    output: PairingView,
    errors: [...SCOPE, 'ORG_UNIT_NOT_FOUND', 'ORG_ALREADY_PAIRED'],
    run: pairUnit,
  }),
  unpair: defineAction({
    summary: '解除单位与社区的结对',
    access: 'user',
    input: UnpairInput,
    output: z.object({ unitId: z.string(), communityId: z.string() }),
    errors: ['ORG_NOT_FOUND', 'ORG_NOT_IN_DISTRICT', 'ORG_UNIT_NOT_FOUND', 'ORG_NOT_PAIRED'],
    run: unpairUnit,
  }),
  appoint: defineAction({
    summary: '任命社区书记或单位管理员；手机号码尚无账号时新建账号，初始密码只在此次返回',
    access: 'user',
    input: AppointInput,
    output: AppointmentView,
    errors: [...SCOPE, 'ORG_UNIT_NOT_FOUND', 'ORG_ALREADY_GRANTED'],
    prepare: prepareAppoint,
    run: appoint,
  }),
  revoke: defineAction({
    summary: '撤销本区的书记、单位管理员或其他区管理员的任命（不能撤销自己的区管理员身份）',
    access: 'user',
    input: RevokeInput,
    output: z.object({ grantId: z.string(), role: z.string(), userId: z.string() }),
    errors: ['ORG_GRANT_NOT_FOUND', 'ORG_NOT_IN_DISTRICT', 'ORG_CANNOT_REVOKE_SELF'],
    run: revoke,
  }),
  settings: defineAction({
    summary: '本区设置：是否在报到时采集身份证号（默认不采集），附说明',
    access: 'user',
    input: z.object({}),
    output: SettingsView,
    errors: [],
    run: loadSettings,
  }),
  updateSettings: defineAction({
    summary: '开启或关闭本区报到时采集身份证号',
    access: 'user',
    input: UpdateSettingsInput,
    output: SettingsView,
    errors: [],
    run: updateSettings,
  }),
};
