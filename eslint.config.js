import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import pluginVue from 'eslint-plugin-vue';
import globals from 'globals';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';

// Layering: the analysis core is pure TypeScript that runs in the CLI, the main process, the renderer
// and Web Workers alike, so it may not reach for any platform (like VS Code's layering rule).
const platformModules = [
  'electron',
  'vue',
  'pinia',
  'vue-router',
  'vue-i18n',
  'echarts',
  'vue-echarts',
  'better-sqlite3',
  'fs',
  'path',
  'os',
  'child_process',
  'http',
  'crypto',
  'url',
  'worker_threads',
];

export default tseslint.config(
  {
    ignores: [
      'node_modules/**',
      'out/**',
      'build/**',
      'dist/**',
      'test-results/**',
      'playwright-report/**',
      'resources/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...pluginVue.configs['flat/recommended'],
  {
    files: ['**/*.vue'],
    languageOptions: { parserOptions: { parser: tseslint.parser } },
  },
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'vue/multi-word-component-names': 'off',
      'vue/max-attributes-per-line': 'off',
      'vue/singleline-html-element-content-newline': 'off',
      'vue/html-self-closing': 'off',
      'vue/html-indent': 'off',
      'vue/html-closing-bracket-newline': 'off',
      'vue/multiline-html-element-content-newline': 'off',
    },
  },
  {
    // No import cycles anywhere in the sources: a cycle makes module order matter and layers blur.
    files: ['src/**/*.{ts,vue}'],
    plugins: { 'import-x': importX },
    // The cycle walk parses .vue files it reaches with vue-eslint-parser, whose <script lang="ts"> needs this.
    languageOptions: { parserOptions: { parser: tseslint.parser } },
    settings: {
      'import-x/resolver-next': [
        createNodeResolver({ extensions: ['.ts', '.mts', '.js', '.mjs', '.vue', '.json'] }),
      ],
      'import-x/parsers': { 'vue-eslint-parser': ['.vue'], '@typescript-eslint/parser': ['.ts', '.mts'] },
      'import-x/extensions': ['.ts', '.mts', '.js', '.mjs', '.vue'],
    },
    rules: { 'import-x/no-cycle': ['error', { ignoreExternal: true }] },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: platformModules.map((name) => ({
            name,
            message: 'src/core must stay pure (no platform imports).',
          })),
          patterns: [
            { group: ['node:*'], message: 'src/core must stay pure: no node:* imports.' },
            { group: ['electron/*', 'vue/*', '@vue/*'], message: 'src/core must stay pure.' },
            {
              group: ['**/main/**', '**/renderer/**', '**/preload/**', '**/cli/**'],
              message: 'src/core may not depend on the layers above it.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/renderer/**/*.{ts,vue}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'electron',
              message: 'The renderer reaches the backend only through src/renderer/src/api.ts.',
            },
            { name: 'better-sqlite3', message: 'No database access from the renderer.' },
          ],
          patterns: [
            {
              group: ['node:*', '**/main/**'],
              message: 'The renderer may not import Node or main-process code.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/main/**/*.ts', 'src/cli/**/*.ts', 'src/preload/**/*.ts', 'src/shared/**/*.ts'],
    ignores: ['src/main/db/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [{ name: 'better-sqlite3', message: 'SQL lives in src/main/db only.' }] },
      ],
    },
  },
  {
    // The API contract is shared by every layer, so it depends on nothing but zod and itself. (Last in
    // this list: it replaces the better-sqlite3 rule above for src/shared, and forbids that too.)
    files: ['src/shared/**/*.ts'],
    // contracts/practice.ts still imports two types (Question, GradeResult) from the core, type-only and
    // erased at build; they move here with the quiz types.
    ignores: ['src/shared/contracts/practice.ts'],
    plugins: { 'import-x': importX },
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ regex: '^(?!zod$)[^.]', message: 'src/shared may import only zod and itself.' }] },
      ],
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            {
              target: './src/shared',
              from: './src',
              except: ['./shared'],
              message: 'src/shared may import only zod and itself.',
            },
          ],
        },
      ],
    },
  },
);
