import { defineAction, type ActionTable } from '../runtime';
import { districtCompliance } from './district-compliance';
import { organisationRates } from './organisation-rates';
import { DistrictComplianceInput, DistrictComplianceView, OrganisationRatesInput, OrganisationRatesView } from './organisation-rates.schemas';

/** 基层党组织的考核比率 (000 §三.(三)2) and the district's view of them. */
export const organisationRateActions: ActionTable = {
  organisationRates: defineAction({
    summary:
      '组织考核比率（在职党员义工注册率、参与志愿服务率、回访满意率）对照各组织当年规则集的达标值，给出是否达标、差多少和后果；区管理员看本区各社区（按街道）和各单位，社区书记看本社区，单位管理员看本单位',
    access: 'user',
    input: OrganisationRatesInput,
    output: OrganisationRatesView,
    readOnly: true,
    errors: ['ORG_NOT_IN_DISTRICT'],
    run: organisationRates,
  }),
  districtCompliance: defineAction({
    summary: '本区党员考核达标情况（区管理员）：按街道列出每个社区达标、未达标、免除、不考核的党员人数及全区合计，口径与社区考核达标情况相同',
    access: 'user',
    input: DistrictComplianceInput,
    output: DistrictComplianceView,
    readOnly: true,
    errors: ['ORG_NOT_IN_DISTRICT'],
    run: districtCompliance,
  }),
};
