import { defineConfig } from 'drizzle-kit';

// SQLite migrations (the default engine). PostgreSQL's: drizzle.pg.config.ts.
export default defineConfig({
  dialect: 'sqlite',
  schema: './db/schema-sqlite.ts',
  out: './db/migrations',
});
