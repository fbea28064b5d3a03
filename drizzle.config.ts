import { defineConfig } from 'drizzle-kit';

// Migrations are generated with `npm run db:generate` and applied at start-up by drizzle's
// runtime migrator (src/platform/db/migrate.ts); `drizzle-kit migrate` is not used (see ADR 0003).
export default defineConfig({
  dialect: 'postgresql',
  schema: './src/platform/db/schema/index.ts',
  out: './migrations',
  casing: 'snake_case',
});
