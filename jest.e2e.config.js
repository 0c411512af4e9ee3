/** The browser suite: run by scripts/test-e2e.mjs, which starts the gateway and passes GATEWAY_URL. */
const base = require('./jest.config');

module.exports = {
  testEnvironment: 'node',
  transform: base.transform,
  moduleFileExtensions: base.moduleFileExtensions,
  moduleNameMapper: base.moduleNameMapper,
  testMatch: ['<rootDir>/tests/e2e/**/*.e2e.test.ts'],
  setupFiles: ['<rootDir>/tests/support/test-env.ts'],
  testTimeout: 180_000,
};
