import { databaseTarget, readDatabaseTarget } from '../runtime/handler';
import { loadConfig } from './config';

const SECRETS = { SESSION_SECRET: 's'.repeat(32), CHECKIN_KEY: 'k'.repeat(32), CERTIFICATE_KEY: 'c'.repeat(32) };
const SERVER = { ...SECRETS, DATABASE_URL: 'postgres://app@db.internal/app' };

describe('the database connection budget and pooler in the configuration', () => {
  it('should give a cloud-function instance 2 connections and a gateway its own default, unless DATABASE_POOL_SIZE says otherwise', () => {
    expect(databaseTarget(loadConfig(SERVER))).toEqual({ kind: 'postgres', url: SERVER.DATABASE_URL, poolSize: 2, pooler: 'none' });
    expect(databaseTarget(loadConfig(SERVER), 10)).toMatchObject({ poolSize: 10 });
    expect(databaseTarget(loadConfig({ ...SERVER, DATABASE_POOL_SIZE: '5' }), 10)).toMatchObject({ poolSize: 5 });
  });

  it('should pass DATABASE_POOLER=transaction on to the connection', () => {
    expect(databaseTarget(loadConfig({ ...SERVER, DATABASE_POOLER: 'transaction' }))).toMatchObject({ pooler: 'transaction' });
  });

  it.each(['0', '101', '2.5', 'many'])('should refuse DATABASE_POOL_SIZE=%s, naming the variable', (value) => {
    expect(() => loadConfig({ ...SERVER, DATABASE_POOL_SIZE: value })).toThrow(/DATABASE_POOL_SIZE 须为1到100的整数/);
  });

  it('should refuse a pooler mode it does not know, naming the variable', () => {
    expect(() => loadConfig({ ...SERVER, DATABASE_POOLER: 'session' })).toThrow(/DATABASE_POOLER 须为 none/);
  });
});

describe('the read replica in the configuration', () => {
  it('should give the reports a replica only when DATABASE_READ_URL is set beside DATABASE_URL, on the same budget and pooler', () => {
    const replica = 'postgres://app@replica.internal/app';
    expect(readDatabaseTarget(loadConfig(SERVER))).toBeNull();
    expect(readDatabaseTarget(loadConfig({ ...SECRETS, DATABASE_READ_URL: replica }))).toBeNull();
    expect(readDatabaseTarget(loadConfig({ ...SERVER, DATABASE_READ_URL: replica, DATABASE_POOLER: 'transaction' }))).toEqual({
      kind: 'postgres', url: replica, poolSize: 2, pooler: 'transaction',
    });
  });

  it('should refuse a DATABASE_READ_URL that is not a postgres:// URL, naming the variable', () => {
    expect(() => loadConfig({ ...SERVER, DATABASE_READ_URL: 'mysql://x' })).toThrow(/DATABASE_READ_URL 须为 postgres:\/\/ 开头/);
  });
});

describe('the certificate key in the configuration', () => {
  it('should refuse to start without CERTIFICATE_KEY or with a short one, naming it and how to make one', () => {
    const { CERTIFICATE_KEY: _, ...withoutKey } = SECRETS;
    expect(() => loadConfig(withoutKey)).toThrow(/缺少环境变量 CERTIFICATE_KEY.*openssl rand -hex 32/);
    expect(() => loadConfig({ ...SECRETS, CERTIFICATE_KEY: 'short' })).toThrow(/CERTIFICATE_KEY 至少需要32个字符/);
  });
});
