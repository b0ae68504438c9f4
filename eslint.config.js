import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

// The layers (README, "Architecture"): each folder may import only the layers below it.
//   app/    → server/, db/ (the connection and named queries), lib/
//   server/ → db/, lib/
//   db/     → lib/ (pure domain values and types)
//   lib/    → nothing of the project's above, and nothing with side effects
const layer = (name, regex) => ({
  regex,
  message: `${name} is not importable from this layer (README, "Architecture").`,
});
const ABOVE_LIB = [
  layer('app/', '^(@/|(\\.\\./)+)app(/|$)'),
  layer('server/', '^(@/|(\\.\\./)+)server(/|$)'),
  layer('db/', '^(@/|(\\.\\./)+)db(/|$)'),
];
const IMPURE = [
  'next',
  'next/*',
  'react',
  'react-dom',
  'react/*',
  'fs',
  'node:fs',
  'node:fs/*',
  'argon2',
  'better-sqlite3',
  'pg',
  'drizzle-orm',
  'drizzle-orm/*',
];

export default tseslint.config(
  {
    ignores: [
      '.next/**',
      'node_modules/**',
      'data/**',
      'db/migrations/**',
      'db/migrations-pg/**',
      'next-env.d.ts',
      'test-results/**',
    ],
  },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.tsx'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['lib/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: IMPURE.filter((p) => !p.includes('*')).map((name) => ({ name, message: 'lib/ is pure domain code.' })),
          patterns: [
            ...ABOVE_LIB,
            { group: IMPURE.filter((p) => p.includes('*')), message: 'lib/ is pure domain code.' },
          ],
        },
      ],
    },
  },
  {
    files: ['db/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ['next', 'react', 'argon2'].map((name) => ({
            name,
            message: 'db/ holds the connection, schema and queries only.',
          })),
          patterns: [
            ABOVE_LIB[0],
            ABOVE_LIB[1],
            { group: ['next/*', 'react/*'], message: 'db/ holds the connection, schema and queries only.' },
          ],
        },
      ],
    },
  },
  {
    files: ['server/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [{ name: 'react', message: 'server/ renders nothing.' }], patterns: [ABOVE_LIB[0]] },
      ],
    },
  },
  {
    files: ['app/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [layer('The schema', '^(@/|(\\.\\./)+)db/(schema|dialect|migrations|copy|checkpointer)')],
        },
      ],
    },
  },
);
