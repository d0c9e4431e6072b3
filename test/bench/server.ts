/**
 * The API server the benchmarks load (started as a child process by test/bench/lib.ts):
 * the production `startApi` on BENCH_DATABASE_URL, plus two routes for the benchmark —
 * `/__bench/queries` (SQL statements run so far, counted by a knex 'query' listener) and
 * `/__bench/memory` (resident set size now and at its peak). Prints its URL as a JSON line.
 */
import 'reflect-metadata';
import { loadConfig } from '../../src/config';
import { createLogger } from '../../src/logger';
import { createOrm } from '../../src/db/orm';
import { startApi } from '../../src/http/server';

async function main(): Promise<void> {
  const config = loadConfig();
  let queries = 0;
  const orm = await createOrm({ url: config.databaseUrl!, poolMax: config.dbPoolMax, onQuery: () => void queries++ });
  const api = await startApi({ config, orm, logger: createLogger(config) });
  api.app.get('/__bench/queries', (_req, res) => {
    res.json({ queries });
  });
  api.app.get('/__bench/memory', (_req, res) => {
    const cpu = process.cpuUsage();
    res.json({ rss: process.memoryUsage().rss, maxRss: process.resourceUsage().maxRSS * 1024, cpuMs: (cpu.user + cpu.system) / 1000 });
  });
  process.stdout.write(`${JSON.stringify({ url: api.url, pid: process.pid })}\n`);
  const stop = async () => {
    await api.close();
    await orm.close(true);
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop());
  process.on('SIGINT', () => void stop());
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
