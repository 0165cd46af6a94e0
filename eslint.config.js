// @ts-check
import js from '@eslint/js';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import { importX } from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * Boundary zones (HOUSE_STYLE "Boundaries"): the content script runs in the host page's origin,
 * so it never reaches the extension's database; lib stays framework-free; the server never pulls
 * in extension UI.
 */
const zones = [
  {
    target: './entrypoints/page.content',
    from: './lib/db',
    message:
      'The content script runs in the page origin: ask the background through lib/messages.ts.',
  },
  {
    target: './entrypoints/page.content',
    from: './lib/content-files',
    message: 'lib/content-files is Node-only (fs, jsdom).',
  },
  {
    target: './entrypoints/page.content',
    from: './lib/message-schemas.ts',
    message: 'zod does not belong in the content script bundle; receivers validate.',
  },
  { target: './lib', from: './entrypoints', message: 'lib is framework-free domain code.' },
  ...['./lib/db', './lib/sync', './lib/knowledge', './lib/runtime'].map((from) => ({
    target: './lib/insights',
    from,
    message: 'lib/insights is shared with the server: no extension storage or runtime.',
  })),
  { target: './lib', from: './components', message: 'lib is framework-free domain code.' },
  { target: './lib', from: './hooks', message: 'lib is framework-free domain code.' },
  {
    target: './server',
    from: './entrypoints',
    message: 'The server never imports extension code.',
  },
  { target: './server', from: './components', message: 'The server never imports extension code.' },
  {
    target: './components',
    from: './lib/db',
    message: 'Components get data through props and hooks, not the database.',
  },
];

export default tseslint.config(
  {
    ignores: [
      '.output/**',
      '.output-xss/**',
      '.output-a11y/**',
      '.wxt/**',
      'node_modules/**',
      'test-results/**',
      'playwright-report/**',
      'bench/results/**',
      'build/**',
      'public/**',
      '.stryker-tmp/**',
      'reports/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: {
          allowDefaultProject: [
            '*.js',
            '*.mjs',
            'bin/*.mjs',
            'bench/scale/*.mjs',
            'bench/insights/*.mjs',
            'server/store/sqlite/*.mjs',
            'scripts/*.mjs',
          ],
          // Plain JavaScript entry points and workers (each listed above) outgrew the default 8.
          maximumDefaultProjectFileMatchCount_THIS_WILL_SLOW_DOWN_LINTING: 16,
        },
        tsconfigRootDir: import.meta.dirname,
      },
      globals: { ...globals.browser, ...globals.node },
    },
    plugins: { 'import-x': importX, 'react-hooks': reactHooks },
    settings: {
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: './tsconfig.json' })],
    },
    rules: {
      'import-x/no-restricted-paths': ['error', { zones }],
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-restricted-syntax': [
        'error',
        {
          selector: 'TSEnumDeclaration',
          message: 'Use an `as const` object and a union instead of enum.',
        },
      ],
    },
  },
  {
    // Storage behind one seam (docs/adr/0005): only the backends (and the test database helper)
    // talk to a database driver; everything else goes through server/store's Store.
    ignores: [
      'server/store/sqlite/**',
      'server/store/postgres/**',
      'server/store/test-postgres.ts',
      // The insights bench's plain-INSERT ceiling and dbstat sizes are by definition not the Store.
      'bench/insights/raw-sqlite.ts',
    ],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ['better-sqlite3', 'postgres'].map((name) => ({
            name,
            message: 'Go through the Store (server/store/types.ts); SQL lives in the backends.',
          })),
        },
      ],
    },
  },
  {
    files: ['**/*.test.ts', '**/*.test.tsx', 'tests/**', 'bench/**'],
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-floating-promises': 'off',
    },
  },
);
