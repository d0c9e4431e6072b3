/**
 * `npm run bench:sync`: syncs a province-sized terminal registry from the simulator and
 * prints records per second and peak memory, for a full and an incremental sync, on each
 * available queue backend (PostgreSQL always, Redis when REDIS_URL is set).
 *
 * - The simulator runs in a child process with the province data set (~30,000
 *   communities, ~200,000 terminals, ~4,000 apps), so the memory measured is the worker's.
 * - A fresh database (DATABASE_URL's server, or an embedded PostgreSQL when unset) gets
 *   the migrations and the province's regions and communities, loaded in bulk.
 * - The sync goes the production way: a BullMQ job on the platform-sync queue, the
 *   production job definition, the rate-limited HTTP adapter (PLATFORM_REQUESTS_PER_SECOND,
 *   default 20), signed requests, pages of 1,000.
 *
 * Target: a full terminal sync in under 60 s on a 2-core machine.
 */
import 'reflect-metadata';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn, type ChildProcess } from 'node:child_process';
import { Client } from 'pg';
import type { Job } from 'bullmq';
import { createOrm, type MikroORM } from '../../src/db/orm';
import { startEmbeddedPostgres } from '../../src/db/embedded';
import { provinceGeography } from '../../integrations/simulator/dataset';
import { createQueueBackend, QUEUES, type QueueBackendKind } from '../../src/queue/backend';
import { startWorkers } from '../../src/queue/runtime';
import { createSyncJobs, enqueueSync, type SyncJobResult } from '../../src/platform/sync/jobs';
import { createPlatformAdapter } from '../../src/platform/service/platform-adapter';
import { SyncKind, SyncMode } from '../../src/platform/entity/sync-run.entity';

const ROOT = path.resolve(__dirname, '..', '..');
const APP_KEY = 'zhunru-bench';
const APP_SECRET = 'zhunru-bench-secret-0123456789';
const TOUCHED = 2_000;

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

async function admin(url: string, sql: string): Promise<void> {
  const c = new Client({ connectionString: withDatabase(url, 'postgres') });
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
}

/** Peak resident set size of this process while a phase runs. */
function rssSampler() {
  let peak = 0;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 25);
  return {
    reset: () => (peak = process.memoryUsage().rss),
    peakMb: () => Math.round(Math.max(peak, process.memoryUsage().rss) / 1048576),
    stop: () => clearInterval(timer),
  };
}

function startSimulatorProcess(): Promise<{ child: ChildProcess; url: string; records: Record<string, number>; startMs: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--max-old-space-size=4096', 'scripts/run.js', 'integrations/simulator/main.ts'], {
      cwd: ROOT,
      env: { ...process.env, SIMULATOR_SCALE: 'province', SIMULATOR_PORT: '0', SIMULATOR_APP_KEY: APP_KEY, SIMULATOR_APP_SECRET: APP_SECRET },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let buffer = '';
    child.stdout.on('data', (d: Buffer) => {
      buffer += d.toString();
      const lineEnd = buffer.indexOf('\n');
      if (lineEnd < 0) return;
      try {
        const first = JSON.parse(buffer.slice(0, lineEnd));
        const url = /https?:\/\/[\d.:]+/.exec(first.msg)?.[0];
        if (!url) throw new Error(first.msg);
        resolve({ child, url, records: first.records, startMs: first.startMs });
      } catch (err) {
        // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors -- the child process reports what it reports
        reject(err);
      }
    });
    child.once('exit', (code) => reject(new Error(`simulator exited (${code})`)));
  });
}

/** Regions and communities of the simulator's province, in bulk (one statement per level). */
async function loadProvince(orm: MikroORM): Promise<number> {
  const geo = provinceGeography('zhunru');
  const conn = orm.em.getConnection();
  const insertRegions = async (rows: Array<{ code: string; name: string; level: string; kind: string | null; parent: string | null }>) => {
    await conn.execute(
      `insert into region (code, name, level, kind, parent_id)
       select x.code, x.name, x.level::region_level, x.kind::township_kind, p.id
         from jsonb_to_recordset(?::jsonb) as x(code text, name text, level text, kind text, parent text)
         left join region p on p.code = x.parent`,
      [JSON.stringify(rows)],
    );
  };
  await insertRegions([{ code: geo.province.code, name: geo.province.name, level: 'PROVINCE', kind: null, parent: null }]);
  await insertRegions(geo.cities.map((c) => ({ code: c.code, name: c.name, level: 'CITY', kind: null, parent: geo.province.code })));
  await insertRegions(geo.counties.map((c) => ({ code: c.code, name: c.name, level: 'COUNTY', kind: null, parent: c.cityCode })));
  await insertRegions(geo.townships.map((t) => ({ code: t.code, name: t.name, level: 'TOWNSHIP', kind: t.kind, parent: t.countyCode })));
  for (let i = 0; i < geo.communities.length; i += 10_000) {
    await conn.execute(
      `insert into community (code, name, type, township_id, county_id, population, households)
       select x.code, x.name, x.type::community_type, t.id, c.id, x.population, x.households
         from jsonb_to_recordset(?::jsonb) as x(code text, name text, type text, township text, county text, population int, households int)
         join region t on t.code = x.township join region c on c.code = x.county`,
      [JSON.stringify(geo.communities.slice(i, i + 10_000).map((c) => ({ ...c, township: c.townshipCode, county: c.countyCode })))],
    );
  }
  return geo.communities.length;
}

interface Phase {
  backend: QueueBackendKind;
  phase: string;
  records: number;
  seconds: number;
  perSecond: number;
  peakRssMb: number;
  counts: string;
  timings: string;
}

async function main(): Promise<void> {
  let adminUrl = process.env.DATABASE_URL;
  let embedded: { stop(): Promise<void> } | undefined;
  let embeddedDir: string | undefined;
  if (!adminUrl) {
    embeddedDir = fs.mkdtempSync(path.join(os.tmpdir(), 'zhunru-bench-'));
    fs.chmodSync(embeddedDir, 0o755);
    const db = await startEmbeddedPostgres({ dataDir: embeddedDir });
    embedded = db;
    adminUrl = db.url;
  }
  const dbName = `zhunru_bench_${crypto.randomBytes(4).toString('hex')}`;
  await admin(adminUrl, `create database "${dbName}"`);
  const url = withDatabase(adminUrl, dbName);
  const rss = rssSampler();
  let sim: Awaited<ReturnType<typeof startSimulatorProcess>> | undefined;
  let orm: MikroORM | undefined;
  const results: Phase[] = [];
  try {
    const simStarted = Date.now();
    sim = await startSimulatorProcess();
    console.log(
      `simulator: province data set ${JSON.stringify(sim.records)} built in ${sim.startMs} ms (ready after ${Date.now() - simStarted} ms) at ${sim.url}`,
    );

    orm = await createOrm({ url, poolMax: 8 });
    await orm.getMigrator().up();
    let t = Date.now();
    const communities = await loadProvince(orm);
    console.log(`database: ${dbName}, migrations applied, ${communities} communities loaded in ${Date.now() - t} ms`);

    const backends: QueueBackendKind[] = ['postgres', ...(process.env.REDIS_URL ? (['redis'] as const) : [])];
    const rate = Number(process.env.PLATFORM_REQUESTS_PER_SECOND ?? 20);
    for (const kind of backends) {
      await orm.em.getConnection().execute('truncate terminal_app, terminal, business_app, sync_rejected_record, sync_run restart identity cascade');
      const backend = createQueueBackend({
        redisUrl: kind === 'redis' ? process.env.REDIS_URL : undefined,
        databaseUrl: url,
        prefix: `bench_${crypto.randomBytes(3).toString('hex')}`,
      });
      const adapter = createPlatformAdapter({
        baseUrl: sim.url,
        appKey: APP_KEY,
        appSecret: APP_SECRET,
        timeoutMs: 30_000,
        maxRetries: 4,
        requestsPerSecond: rate,
      });
      const quiet = () => undefined;
      const workers = await startWorkers({
        backend,
        jobs: createSyncJobs({ schedule: false }),
        context: {
          logger: { info: quiet, warn: (o: object, m?: string) => console.warn(m, o), error: (o: object, m?: string) => console.error(m, o) },
          orm,
          platformAdapter: adapter,
        },
        concurrency: 2,
      });
      const events = workers.queues.events(QUEUES.platformSync);
      await events.waitUntilReady();
      const run = async (phase: string, syncKind: SyncKind.APPS | SyncKind.TERMINALS, mode: SyncMode) => {
        global.gc?.();
        rss.reset();
        const started = Date.now();
        const { job } = await enqueueSync(workers.queues, syncKind, mode);
        const result = (await (job as Job).waitUntilFinished(events, 600_000)) as SyncJobResult;
        const seconds = (Date.now() - started) / 1000;
        if (result.status !== 'SUCCEEDED') throw new Error(`${phase}: ${JSON.stringify(result)}`);
        const r = result;
        const row: Phase = {
          backend: kind,
          phase,
          records: r.records,
          seconds: Math.round(seconds * 10) / 10,
          perSecond: Math.round(r.records / seconds),
          peakRssMb: rss.peakMb(),
          counts: `+${r.created} ~${r.updated} =${r.unchanged} ✗${r.rejected} −${r.deleted}`,
          timings: `platform wait ${(r.timings.waitMs / 1000).toFixed(1)} s, writes ${(r.timings.writeMs / 1000).toFixed(1)} s, finish ${(r.timings.finishMs / 1000).toFixed(1)} s`,
        };
        results.push(row);
        console.log(JSON.stringify(row));
      };
      await run('apps full', SyncKind.APPS, SyncMode.FULL);
      await run('terminals full', SyncKind.TERMINALS, SyncMode.FULL);
      await fetch(`${sim.url}/__sim/touch`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ kind: 'terminals', count: TOUCHED }),
      });
      await run(`terminals incremental (${TOUCHED} changed)`, SyncKind.TERMINALS, SyncMode.INCREMENTAL);
      await workers.queues.get(QUEUES.platformSync).obliterate({ force: true });
      await workers.close(10_000);
      await backend.close();
    }
    t = Date.now();
    console.log(
      '\nbackend   phase                                records   seconds   records/s   peak RSS (MB)   counts (+created ~updated =unchanged ✗rejected −deleted)',
    );
    for (const r of results) {
      console.log(
        `${r.backend.padEnd(9)} ${r.phase.padEnd(36)} ${String(r.records).padStart(7)}   ${String(r.seconds).padStart(7)}   ${String(r.perSecond).padStart(9)}   ${String(r.peakRssMb).padStart(13)}   ${r.counts}   (${r.timings})`,
      );
    }
    const slow = results.filter((r) => r.phase === 'terminals full' && r.seconds >= 60);
    console.log(
      slow.length
        ? `\nTARGET MISSED: a full terminal sync took ${slow.map((s) => `${s.seconds} s on ${s.backend}`).join(', ')}`
        : '\ntarget met: every full terminal sync under 60 s',
    );
  } finally {
    rss.stop();
    await orm?.close(true);
    if (sim) {
      sim.child.kill('SIGTERM');
      await new Promise((r) => sim!.child.once('exit', r));
    }
    await admin(adminUrl, `drop database if exists "${dbName}" with (force)`).catch(() => undefined);
    await embedded?.stop();
    if (embeddedDir) fs.rmSync(embeddedDir, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
