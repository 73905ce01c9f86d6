/**
 * `npm run db:migrate`: applies pending prisma/migrations to DATABASE_URL, with the same
 * bookkeeping as `prisma migrate deploy` (which needs a native engine download; this does not).
 */
import { applyMigrations } from '../server/db/migrate.ts';

const redact = (url: string) => {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return '<unparseable DATABASE_URL>';
  }
};

const main = async () => {
  const databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) {
    console.error('DATABASE_URL is not set. Example: DATABASE_URL=postgres://user:pass@localhost:5432/switchboard npm run db:migrate');
    process.exit(2);
  }
  console.log(`Migrating ${redact(databaseUrl)}`);
  const { applied } = await applyMigrations(databaseUrl, (msg) => console.log(msg));
  console.log(applied.length === 0 ? 'Database is up to date; nothing to apply.' : `Applied ${applied.length} migration(s).`);
};

main().catch((error: unknown) => {
  console.error(`db:migrate failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
