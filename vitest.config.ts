import { defineConfig, type TestProjectInlineConfiguration, type ViteUserConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';

import { ADMIN_URL, postgresReachable } from './tests/helpers/pg.ts';

const root = fileURLToPath(new URL('.', import.meta.url));

// The integration suite runs twice: on SQLite files and on PostgreSQL (TEST_POSTGRES_URL, by
// default hailong:hailong@127.0.0.1:5432). Without a PostgreSQL server the second run is left
// out with a warning, unless REQUIRE_POSTGRES=1 (CI), which makes its absence an error.
export default defineConfig(async (): Promise<ViteUserConfig> => {
  const withPostgres = await postgresReachable();
  if (!withPostgres) {
    const message = `No PostgreSQL at ${ADMIN_URL.replace(/:[^:@/]*@/, ':***@')}: the integration tests run on SQLite only.`;
    if (process.env.REQUIRE_POSTGRES === '1') throw new Error(`${message} (REQUIRE_POSTGRES=1)`);
    console.warn(`\n⚠ ${message} Set TEST_POSTGRES_URL or start PostgreSQL to run them on both engines.\n`);
  }
  const integration: TestProjectInlineConfiguration['test'] = {
    include: ['tests/integration/**/*.test.ts'],
    environment: 'node',
    setupFiles: ['tests/helpers/env.ts'],
    testTimeout: 30_000,
  };
  return {
    resolve: { alias: { '@': root } },
    test: {
      projects: [
        {
          extends: true as const,
          test: {
            name: 'unit',
            include: ['lib/**/*.test.ts', 'surveys/**/*.test.ts', 'db/**/*.test.ts'],
            environment: 'node',
          },
        },
        { extends: true as const, test: { name: 'integration', ...integration } },
        ...(withPostgres
          ? [
              {
                extends: true as const,
                test: {
                  name: 'integration-pg',
                  ...integration,
                  env: { DATABASE_URL: ADMIN_URL },
                  globalSetup: ['tests/helpers/pg-global-setup.ts'],
                },
              },
            ]
          : []),
        {
          extends: true as const,
          test: {
            name: 'e2e',
            include: ['tests/e2e/**/*.test.ts'],
            environment: 'node',
            globalSetup: ['tests/e2e/global-setup.ts'],
            testTimeout: 120_000,
            hookTimeout: 300_000,
            fileParallelism: false,
          },
        },
      ],
    },
  };
});
