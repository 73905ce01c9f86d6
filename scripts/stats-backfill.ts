/**
 * `npm run stats:backfill`: writes every missing or stale ConversationStats row and recounts the
 * activity volume buckets now (the server also does it in the background at start). For an existing database after the migration that
 * adds the table, or to check a seeded one. Uses DATABASE_URL.
 */
import { loadConfig } from '../server/config.ts';
import { reconcileConversationStats } from '../server/dashboard/stats/reconcile-stats.ts';
import { reconcileVolume } from '../server/dashboard/stats/volume-rollup.ts';
import { createDb } from '../server/db/client.ts';

const config = loadConfig();
if (!config.databaseUrl) {
  process.stderr.write('Set DATABASE_URL.\n');
  process.exit(2);
}
const db = createDb(config.databaseUrl, 4);
const t0 = performance.now();
reconcileConversationStats(db, { onBatch: (n) => process.stdout.write(`\r${n.toLocaleString('en')} rows`) })
  .then(async (rows) => {
    process.stdout.write(`\rconversation stats: ${rows.toLocaleString('en')} rows in ${((performance.now() - t0) / 1000).toFixed(1)} s\n`);
    const t1 = performance.now();
    const tenants = await reconcileVolume(db);
    process.stdout.write(`activity volume: ${tenants} workspace(s) recounted in ${((performance.now() - t1) / 1000).toFixed(1)} s\n`);
    await db.$executeRawUnsafe('ANALYZE "ConversationStats", "ActivityVolume"');
  })
  .catch((err: unknown) => {
    process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
    process.exitCode = 1;
  })
  .finally(() => db.$disconnect());
