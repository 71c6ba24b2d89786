/** Browser tests: real Chromium (playwright-core) driving the simulator with the real ZAF SDK in the iframe. */
const base = require('../../jest.config.js');

module.exports = {
  rootDir: '../..',
  roots: ['<rootDir>/spec/browser'],
  testEnvironment: 'node',
  testMatch: ['**/*.browser.test.ts'],
  transform: base.transform,
  globalSetup: '<rootDir>/spec/browser/globalSetup.ts',
  globalTeardown: '<rootDir>/spec/browser/globalTeardown.ts',
  testTimeout: 90_000,
};
