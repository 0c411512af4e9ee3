/** Unit and integration tests: the functions against PGlite, or a PostgreSQL server when DATABASE_URL is set. */
const swc = [
  '@swc/jest',
  { jsc: { parser: { syntax: 'typescript', tsx: true }, transform: { react: { runtime: 'automatic' } }, target: 'es2022' }, module: { type: 'commonjs' } },
];

module.exports = {
  testEnvironment: 'node',
  transform: { '^.+\\.(t|j)sx?$': swc, '^.+\\.sql$': '<rootDir>/tests/support/sql-transform.js' },
  moduleFileExtensions: ['ts', 'tsx', 'js', 'json', 'sql'],
  moduleNameMapper: { '^@core/(.*)$': '<rootDir>/cloudfunctions/_core/$1', '^@/(.*)$': '<rootDir>/src/$1' },
  testMatch: ['<rootDir>/cloudfunctions/**/*.spec.ts', '<rootDir>/gateway/**/*.spec.ts', '<rootDir>/tests/**/*.test.ts', '<rootDir>/src/**/*.spec.{ts,tsx}'],
  // A function folder's index.js is its deployable bundle, with its own copy of the core: tests use the sources.
  modulePathIgnorePatterns: ['<rootDir>/cloudfunctions/[^/_][^/]*/index\\.js$'],
  // tests/postgres/ needs a server of its own kind (PgBouncer in front of it): it belongs to `npm run test:pg`.
  testPathIgnorePatterns: ['/node_modules/', '/tests/e2e/', ...(process.env.DATABASE_URL ? [] : ['/tests/postgres/'])],
  globalSetup: '<rootDir>/tests/support/global-setup.ts',
  globalTeardown: '<rootDir>/tests/support/global-teardown.ts',
  setupFiles: ['<rootDir>/tests/support/test-env.ts'],
  testTimeout: 120_000,
};
