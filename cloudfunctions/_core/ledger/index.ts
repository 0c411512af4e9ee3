export * from './accounts';
export { ledgerErrors } from './ledger.errors';
export * from './ledger.repository';
