import type { z } from 'zod'
import type {
  AppointInput,
  AppointmentView,
  CreateOrganisationInput,
  CreateUnitInput,
  MergeView,
  OrganisationView,
  PairingView,
  ServicePhoneView,
  SettingsView,
  TreeView,
  UnitSummaryView,
} from '@core/org/org.schemas'
import { callFunction } from '../api-client'

export type OrgTree = z.output<typeof TreeView>
export type OrgStreet = OrgTree['streets'][number]
export type OrgCommunity = OrgStreet['communities'][number]
export type OrgGrid = OrgCommunity['grids'][number]
export type OrgUnit = OrgTree['units'][number]
export type OrgPerson = OrgCommunity['secretaries'][number]
export type OrgKind = z.output<typeof OrganisationView>['kind']
export type UnitKind = z.output<typeof UnitSummaryView>['kind']
export type MergeResult = z.output<typeof MergeView>
export type Appointment = z.output<typeof AppointmentView>
export type AppointData = z.input<typeof AppointInput>
export type DistrictSettings = z.output<typeof SettingsView>

/** The org cloud function: the district admin's organisation tree, units, pairings, appointments and settings. */
export const orgApi = {
  tree: () => callFunction<OrgTree>('org', 'tree', {}),
  createOrganisation: (data: z.input<typeof CreateOrganisationInput>) => callFunction<z.output<typeof OrganisationView>>('org', 'createOrganisation', data),
  /** Sets the community's 服务电话 that residents see; an empty phone clears it. */
  setServicePhone: (orgId: string, phone: string) => callFunction<z.output<typeof ServicePhoneView>>('org', 'setServicePhone', { orgId, phone }),
  rename: (orgId: string, name: string) => callFunction<z.output<typeof OrganisationView>>('org', 'rename', { orgId, name }),
  merge: (fromId: string, intoId: string) => callFunction<MergeResult>('org', 'merge', { fromId, intoId }),
  createUnit: (data: z.input<typeof CreateUnitInput>) => callFunction<z.output<typeof UnitSummaryView>>('org', 'createUnit', data),
  renameUnit: (unitId: string, name: string) => callFunction<z.output<typeof UnitSummaryView>>('org', 'renameUnit', { unitId, name }),
  pair: (unitId: string, communityId: string) => callFunction<z.output<typeof PairingView>>('org', 'pair', { unitId, communityId }),
  unpair: (unitId: string, communityId: string) => callFunction<{ unitId: string; communityId: string }>('org', 'unpair', { unitId, communityId }),
  appoint: (data: AppointData) => callFunction<Appointment>('org', 'appoint', data),
  revoke: (grantId: string) => callFunction<{ grantId: string }>('org', 'revoke', { grantId }),
  settings: () => callFunction<DistrictSettings>('org', 'settings', {}),
  updateSettings: (collectIdNumbers: boolean) => callFunction<DistrictSettings>('org', 'updateSettings', { collectIdNumbers }),
}
