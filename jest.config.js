// One Jest run over every workspace: unit tests beside the code, API integration tests against a
// real PostgreSQL (the server named by TEST_DATABASE_URL, or an embedded one per test file), and
// web component tests in jsdom.
const transform = {
  '^.+\\.tsx?$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.spec.json', diagnostics: false }],
};
const moduleNameMapper = {
  '^@passerelle/(domain|content|collab)$': '<rootDir>/libs/$1/src/index.ts',
};
const common = { rootDir: __dirname, transform, moduleNameMapper, testEnvironment: 'node' };

module.exports = {
  reporters: ['default', '<rootDir>/tools/jest-summary-reporter.js'],
  projects: [
    { ...common, displayName: 'libs', testMatch: ['<rootDir>/libs/*/src/**/*.spec.ts'] },
    { ...common, displayName: 'api', testMatch: ['<rootDir>/apps/api/src/**/*.spec.ts'] },
    {
      ...common,
      displayName: 'api-int',
      testMatch: ['<rootDir>/apps/api/test/**/*.int-spec.ts'],
      slowTestThreshold: 30,
    },
    {
      ...common,
      displayName: 'web',
      testEnvironment: 'jsdom',
      testMatch: ['<rootDir>/apps/web/src/**/*.spec.{ts,tsx}'],
      setupFilesAfterEnv: ['<rootDir>/apps/web/src/test/setup.ts'],
      moduleNameMapper: { ...moduleNameMapper, '\\.(css)$': '<rootDir>/apps/web/src/test/style-stub.js' },
    },
  ],
  testTimeout: 60000,
  maxWorkers: 2,
};
