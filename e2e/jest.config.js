// Browser tests: the product is started once (as the README does, on an embedded PostgreSQL with
// demo data) and driven through Debian's Chromium with playwright-core.
const path = require('node:path');
const root = path.join(__dirname, '..');

module.exports = {
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.e2e.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: path.join(root, 'tsconfig.spec.json'), diagnostics: false }] },
  moduleNameMapper: { '^@passerelle/(domain|content|collab)$': `${root}/libs/$1/src/index.ts` },
  testEnvironment: 'node',
  globalSetup: '<rootDir>/src/support/global-setup.ts',
  globalTeardown: '<rootDir>/src/support/global-teardown.ts',
  reporters: ['default', path.join(root, 'tools/jest-summary-reporter.js')],
  testTimeout: 120000,
  maxWorkers: 1,
};
