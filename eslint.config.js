// @ts-check
import js from '@eslint/js';
import { builtinModules } from 'node:module';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];

/** Layer zones: who may import whom (see docs/ARCHITECTURE.md). */
const zone = (files, groups, message) => ({
  files,
  rules: { 'no-restricted-imports': ['error', { patterns: [{ group: groups, message }] }] },
});
const forbidNode = (files, message) => ({
  files,
  rules: {
    'no-restricted-imports': [
      'error',
      {
        paths: [...nodeBuiltins, 'electron'].map((name) => ({ name, message })),
        patterns: [{ group: ['**/electron/**', '**/db/**', '**/renderer/**', '**/test/**', '**/scripts/**'], message }],
      },
    ],
  },
});

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', '.cache/**', 'node_modules/**', 'test/fixtures/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: { allowDefaultProject: ['*.js', 'scripts/*.mjs'] }, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
      '@typescript-eslint/require-await': 'off', // handlers are async by contract even when they need no await
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'eslint-comments/no-unlimited-disable': 'off',
      'no-console': ['error', { allow: ['warn', 'error', 'log'] }],
    },
  },
  // shared/ runs everywhere: nothing from Node, Electron, the DOM layers or the app's other folders.
  forbidNode(['shared/**/*.ts'], 'shared/ must stay pure: no Node, Electron, or other layers'),
  // The renderer talks to the core only through window.clinic; it may import shared/ alone.
  forbidNode(['renderer/src/**/*.{ts,tsx}'], 'the renderer may import shared/ only (it runs sandboxed)'),
  // db/ knows tables and files, not the core or the UI.
  zone(['db/**/*.ts'], ['**/electron/**', '**/renderer/**', '**/test/**', 'electron'], 'db/ may import shared/ only'),
  // The core is plain Node: it never imports Electron nor the renderer.
  {
    files: ['electron/core/**/*.ts', 'electron/core-host.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'the core is plain Node: no electron import' }],
          patterns: [{ group: ['**/renderer/**', '**/test/**'], message: 'the core may not import the renderer or tests' }],
        },
      ],
    },
  },
  // Main and preload are glue: they forward to the core process, never import it.
  zone(['electron/main.ts', 'electron/preload.ts'], ['**/core/**', '**/db/**', '**/renderer/**'], 'main/preload forward to the core process; they do not import it'),
  {
    files: ['test/**/*.ts', 'scripts/**/*.{ts,mjs}', '*.ts', '*.js'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
  {
    files: ['**/*.mjs', '*.js'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: { globals: globals.node },
  },
);
