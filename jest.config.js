/** jest: unit, data and UI tests under spec/ (browser tests run separately, see scripts/browser-tests.mjs). */
module.exports = {
  roots: ['<rootDir>/spec'],
  testEnvironment: 'node',
  testMatch: ['**/*.test.ts', '**/*.test.tsx'],
  testPathIgnorePatterns: ['/node_modules/', '<rootDir>/spec/browser/'],
  transform: {
    '^.+\\.(t|j)sx?$': [
      '@swc/jest',
      {
        jsc: {
          parser: { syntax: 'typescript', tsx: true },
          transform: { react: { runtime: 'automatic' } },
          target: 'es2020',
        },
      },
    ],
  },
  setupFilesAfterEnv: ['<rootDir>/spec/setupTests.ts'],
};
