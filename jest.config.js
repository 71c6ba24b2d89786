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
  // Webpack hands out half a catalog (scripts/catalogPartLoader.js); tests get the whole one either way.
  moduleNameMapper: { '^(.+\\.json)\\?part=\\w+$': '$1' },
  globals: { __GOALPOST_PSEUDO__: true },
  setupFilesAfterEnv: ['<rootDir>/spec/setupTests.ts'],
};
