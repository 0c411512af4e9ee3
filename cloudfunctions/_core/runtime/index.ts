export { createHandler, databaseTarget, type Platform } from './handler';
export { defineAction, type ActionContext, type ActionDefinition, type ActionTable } from './action';
export { requireCaller, communityOf, unitAdministeredBy, administersUnit, assertManagesCommunity, managesCommunity, ROLE_LABELS } from './access';
export { grantsOf, loadCaller, ROLES, type Caller, type Role, type RoleGrant } from './caller';
