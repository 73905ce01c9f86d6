import { defineConfig } from 'prisma/config';

// The Prisma CLI (on machines that can download its engine) and our offline scripts share these
// paths, so `prisma migrate deploy` sees the same migration history as `npm run db:migrate`.
// The URL is optional: `prisma generate` must work without a database.
const url = process.env.DATABASE_URL;

export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  ...(url ? { datasource: { url } } : {}),
});
