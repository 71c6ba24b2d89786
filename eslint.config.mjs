import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import testingLibrary from 'eslint-plugin-testing-library';
import jestDom from 'eslint-plugin-jest-dom';
import globals from 'globals';

// Dependencies point inward: ui -> data -> core. The core has no I/O, no React, no clock.
const coreBans = {
  patterns: [
    {
      group: ['react', 'react-dom', '@zendeskgarden/*', 'styled-components', 'i18next'],
      message: 'The core is pure: no UI libraries.',
    },
    {
      group: ['**/data/**', '**/ui/**', '../../data/*', '../../ui/*'],
      message: 'The core must not import the data layer or the UI.',
    },
    { group: ['zendesk_app_framework_sdk'], message: 'The core must not touch ZAF.' },
  ],
};
const dataBans = {
  patterns: [
    {
      group: ['react', 'react-dom', '@zendeskgarden/*', 'styled-components'],
      message: 'The data layer has no UI.',
    },
    { group: ['**/ui/**', '../ui/*'], message: 'The data layer must not import the UI.' },
  ],
};
const appBans = {
  patterns: [
    {
      group: ['**/simulator/**', '**/bench/**'],
      message: 'The app never imports the simulator or benchmarks.',
    },
  ],
};

export default tseslint.config(
  {
    ignores: [
      'node_modules',
      'dist',
      'dist-sim',
      'dist-bench',
      'artifacts',
      'coverage',
      '**/*.js',
      '!eslint.config.mjs',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-eval': 'error',
      'no-implied-eval': 'error',
      'no-restricted-properties': [
        'error',
        { property: 'dangerouslySetInnerHTML', message: 'Never set raw HTML.' },
      ],
      'no-restricted-syntax': [
        'error',
        { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: 'Never set raw HTML.' },
      ],
    },
  },
  { files: ['src/**/*.{ts,tsx}'], rules: { 'no-restricted-imports': ['error', appBans] } },
  {
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', coreBans],
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']",
          message: 'Pass `now` into the core.',
        },
        {
          selector: "NewExpression[callee.name='Date'][arguments.length=0]",
          message: 'Pass `now` into the core.',
        },
      ],
    },
  },
  { files: ['src/data/**/*.ts'], rules: { 'no-restricted-imports': ['error', dataBans] } },
  {
    files: ['src/ui/**/*.{ts,tsx}', 'src/*.tsx'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'error' },
  },
  {
    files: ['spec/ui/**/*.{ts,tsx}'],
    ...testingLibrary.configs['flat/react'],
  },
  { files: ['spec/ui/**/*.{ts,tsx}'], ...jestDom.configs['flat/recommended'] },
);
