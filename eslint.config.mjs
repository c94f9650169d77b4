// @ts-check
// One flat config. Type-checked rules everywhere, and import boundaries that
// make the layering of DESIGN.md fail the lint when it is broken.
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import prettier from 'eslint-config-prettier';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const nodeBuiltins =
  '^(node:.*|fs|path|os|child_process|crypto|net|http|https|worker_threads)(/.*)?$';
const electronModule = '^electron(/.*)?$';

/** Import patterns (regular expressions) a layer may not use, with the reason shown in the lint error. */
const forbid = (/** @type {Array<[string, string]>} */ rules) => ({
  'no-restricted-imports': [
    'error',
    { patterns: rules.map(([regex, message]) => ({ regex, message })) },
  ],
});

export default defineConfig(
  // Stryker's sandboxes and reports are copies of the tree, made while a mutation run goes on.
  {
    ignores: [
      'node_modules/',
      'dist/',
      'test-results/',
      'build/system-deps/',
      '**/*.cjs',
      '.stryker-tmp/',
      '.stryker-tmp-*/',
      'reports/',
    ],
  },
  js.configs.recommended,
  tseslint.configs.strictTypeChecked,
  tseslint.configs.stylisticTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.node },
    },
    rules: {
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['**/*.mjs'],
    extends: [tseslint.configs.disableTypeChecked],
  },
  // The renderer is an untrusted page: no Node, no Electron, no device code.
  {
    files: ['renderer/**/*.{ts,tsx}'],
    ignores: ['renderer/vite.config.ts'],
    extends: [reactHooks.configs.flat.recommended],
    languageOptions: { globals: { ...globals.browser } },
    rules: forbid([
      [electronModule, 'The renderer talks to the main process only through window.kiosk.'],
      [nodeBuiltins, 'The renderer runs without Node.'],
      [
        '/electron/(services|shell|cli|portal-sim|api/transports)/',
        'The renderer may import only the API contract (electron/api).',
      ],
      ['/(native|scanners)/', 'Device code runs in the main process, never in a page.'],
      [
        '^(better-sqlite3|pcsclite|node-hid|sharp|ws|pino|pino-roll|tesseract\\.js)$',
        'Native and Node-only packages never load in a renderer.',
      ],
    ]),
  },
  // The API contract is pure: shared by main, preload and renderer.
  {
    files: ['electron/api/*.ts', 'electron/api/contract/**/*.ts'],
    rules: forbid([
      [electronModule, 'The API contract is pure TypeScript + zod.'],
      [nodeBuiltins, 'The API contract is pure TypeScript + zod.'],
      ['^react(-dom)?$', 'The API contract is pure TypeScript + zod.'],
      [
        '/(services|shell|cli|renderer)/',
        'The contract depends on nothing above it (pure schemas from native/ are fine).',
      ],
    ]),
  },
  // Core and device bridges never import Electron or the renderer.
  {
    files: [
      'electron/services/**/*.ts',
      'native/**/*.ts',
      'scanners/**/*.ts',
      'electron/cli/**/*.ts',
      'electron/portal-sim/**/*.ts',
    ],
    rules: forbid([
      [
        electronModule,
        'Core code runs in plain Node too (browser shell, CLI, tests); only electron/shell/electron-* may import electron.',
      ],
      ['(/renderer/|^react(-dom)?$)', 'Core code never imports the UI.'],
      ['/shell/', 'Services are wired by the composition root, not the other way round.'],
    ]),
  },
  // The queue's rules and its store interface are shared by every store
  // (SQLite now, PostgreSQL next) and can move to a screen: no Node, no database.
  {
    files: [
      'electron/services/queue/queue-rules.ts',
      'electron/services/queue/centre-queue-store.ts',
      'electron/services/queue/ratings/rating-rules.ts',
      'electron/services/queue/ratings/rating-store.ts',
    ],
    rules: forbid([
      [nodeBuiltins, 'Queue rules are pure: the store beside them does the I/O.'],
      ['^(better-sqlite3|pg)$', 'Queue rules are pure: the store beside them does the I/O.'],
      [electronModule, 'Queue rules are pure.'],
    ]),
  },
  // Device bridges sit below the services.
  {
    files: ['native/**/*.ts', 'scanners/**/*.ts'],
    rules: forbid([
      ['(^|/)electron/', 'Device bridges do not depend on the app; the app depends on them.'],
      [electronModule, 'Device code runs in plain Node.'],
      ['(/renderer/|^react(-dom)?$)', 'Device code never imports the UI.'],
    ]),
  },
  // Only the Electron shell files and the IPC transport may use ipcMain/ipcRenderer.
  {
    files: ['**/*.ts', '**/*.tsx'],
    ignores: ['electron/shell/electron-*.ts', 'electron/api/transports/ipc-*.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "Identifier[name='ipcRenderer']",
          message: 'Use the typed API (electron/api), never ipcRenderer.',
        },
        {
          selector: "Identifier[name='ipcMain']",
          message: 'Use the typed API (electron/api), never ipcMain.',
        },
      ],
    },
  },
  {
    files: ['**/*.test.ts', '**/*.test.tsx', 'test/**/*.ts'],
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  prettier,
);
