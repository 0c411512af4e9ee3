export { orgRepository, type MemberType, type OrganisationKind } from './org.repository';
