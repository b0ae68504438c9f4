import { defineConfig } from 'drizzle-kit';

// PostgreSQL migrations, generated from the twin schema; both are committed and applied at start.
export default defineConfig({
  dialect: 'postgresql',
  schema: './db/schema-pg.ts',
  out: './db/migrations-pg',
});
