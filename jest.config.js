/** One jest run for the whole workspace: unit (*.spec.ts), integration (*.int.spec.ts, real NATS
 * and Postgres) and end-to-end (*.e2e.spec.ts, the built gateway through the official SDKs). */
const fs = require('node:fs');
const swcrc = JSON.parse(fs.readFileSync(`${__dirname}/.swcrc`, 'utf8'));
delete swcrc.jsc.baseUrl;
delete swcrc.jsc.paths;
module.exports = {
  rootDir: __dirname,
  testEnvironment: 'node',
  testMatch: ['<rootDir>/{contracts,libs,services,test,bench,tools}/**/*.spec.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
  transform: { '^.+\\.ts$': ['@swc/jest', { ...swcrc, swcrc: false, sourceMaps: 'inline' }] },
  moduleNameMapper: {
    '^@gatehouse/contracts$': '<rootDir>/contracts/src/index.ts',
    '^@gatehouse/nats$': '<rootDir>/libs/nats/src/index.ts',
    '^@gatehouse/config$': '<rootDir>/libs/config/src/index.ts',
    '^@gatehouse/telemetry$': '<rootDir>/libs/telemetry/src/index.ts',
    '^@gatehouse/providers$': '<rootDir>/libs/providers/src/index.ts',
    '^@gatehouse/testing$': '<rootDir>/libs/testing/src/index.ts',
    '^@gatehouse/pricing$': '<rootDir>/libs/pricing/src/index.ts',
    '^@gatehouse/tokenize$': '<rootDir>/libs/tokenize/src/index.ts',
    '^@gatehouse/embedded$': '<rootDir>/libs/embedded/src/index.ts',
    '^@gatehouse/audit-chain$': '<rootDir>/libs/audit-chain/src/index.ts',
    '^@gatehouse/simulator$': '<rootDir>/test/simulator/src/index.ts',
    '^@gatehouse/detectors$': '<rootDir>/libs/detectors/src/index.ts',
  },
  globalSetup: '<rootDir>/test/support/global-setup.js',
  globalTeardown: '<rootDir>/test/support/global-teardown.js',
  testTimeout: 30_000,
};
