/**
 * Every fault the simulator injects ends with the right data and a truthful SyncRun:
 * 5xx, 429 with Retry-After, a broken page, latency past the adapter's timeout, the
 * platform down for a whole attempt (BullMQ retries), malformed records (dead letters),
 * duplicates, out-of-order pages, records changing mid-sync, and a bad signature (no
 * retry). Real simulator over HTTP, real queue backends, real PostgreSQL.
 */
import crypto from 'node:crypto';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { RunningSimulator } from '../integrations/simulator/server';
import { createOrm } from '../src/db/orm';
import { SyncKind, SyncMode } from '../src/platform/entity/sync-run.entity';
import { createQueues, type RunningWorkers, type WorkerContext } from '../src/queue/runtime';
import type { QueueBackend } from '../src/queue/backend';
import { enqueueSync } from '../src/platform/sync/jobs';
import { createTestDatabase } from './support/databases';
import {
  adapterFor,
  backends,
  checksum,
  dbLines,
  eventually,
  queueBackend,
  runSyncJob,
  simLines,
  simPost,
  startSim,
  startSyncWorkers,
  syncRuns,
  SIM_APP_KEY,
} from './support/platform';
import { HttpPlatformAdapter } from '../integrations/platform/http-adapter';

describe.each(backends)('platform faults on %s', (backendKind) => {
  const prefix = `zrfault_${process.pid}_${crypto.randomBytes(3).toString('hex')}`;
  let db: { url: string; drop(): Promise<void> };
  let orm: MikroORM;
  let sim: RunningSimulator;
  let backend: QueueBackend;
  let workers: RunningWorkers & { context: WorkerContext };
  let t0 = 0;
  const faults = (f: Record<string, unknown>) => simPost(sim, '/__sim/faults', f);
  const matches = async (kind: SyncKind.APPS | SyncKind.TERMINALS | SyncKind.COLLECTED_VALUES) =>
    expect(checksum(await dbLines(orm, kind))).toBe(checksum(simLines(sim, kind)));

  beforeAll(async () => {
    t0 = Date.now();
    db = await createTestDatabase();
    orm = await createOrm({ url: db.url, poolMax: 6 });
    sim = await startSim();
    backend = queueBackend(backendKind, db.url, prefix);
    // Small pages so that page-level faults have pages to act on; 1 s adapter timeout.
    workers = await startSyncWorkers(backend, orm, adapterFor(sim, { timeoutMs: 1000, maxRetries: 5 }), { pageSize: 100 });
  });

  afterEach(() => faults({}));

  afterAll(async () => {
    await workers?.close(5_000);
    if (backend) {
      const cleanup = createQueues(backend, ['platform-sync']);
      await cleanup.get('platform-sync').obliterate({ force: true });
      await cleanup.close();
      await backend.close();
    }
    await sim?.close();
    await orm?.close(true);
    await db?.drop();

    console.log(`platform-faults.test.ts on ${backendKind}: ${Date.now() - t0} ms`);
  });

  it('malformed records are rejected with their reasons and never half-imported; the next run imports them once fixed', async () => {
    await faults({ malformedNext: 3 });
    const { result } = await runSyncJob(workers, SyncKind.APPS, SyncMode.FULL);
    const total = simLines(sim, SyncKind.APPS).length;
    expect(result).toMatchObject({ status: 'SUCCEEDED', created: total - 3, rejected: 3, updated: 0 });
    const injected = (sim.stats().injected.malformed as Array<{ externalId: string; defect: string }>).filter((m) => m.externalId.startsWith('APP-'));
    expect(injected).toHaveLength(3);
    const dead = await orm.em.getConnection().execute(`select external_id, code, reason, raw from sync_rejected_record order by id`);
    expect(dead).toHaveLength(3);
    expect(dead.map((d: any) => d.external_id).sort()).toEqual(injected.map((m) => m.externalId).sort());
    for (const d of dead) {
      expect(d.code).toBe('MALFORMED');
      expect(d.reason.length).toBeGreaterThan(5);
      expect(d.raw).toMatchObject({ externalId: d.external_id });
    }
    const imported = await orm.em
      .getConnection()
      .execute(`select count(*)::int as n from business_app where external_id in (?)`, [injected.map((m) => m.externalId)]);
    expect(imported[0].n).toBe(0);

    const again = await runSyncJob(workers, SyncKind.APPS, SyncMode.FULL);
    expect(again.result).toMatchObject({ status: 'SUCCEEDED', created: 3, unchanged: total - 3, rejected: 0 });
    await matches(SyncKind.APPS);
  });

  it('duplicated records and shuffled pages count each record once and leave the right data', async () => {
    await faults({ duplicateRate: 0.3, outOfOrder: true });
    const { result } = await runSyncJob(workers, SyncKind.TERMINALS, SyncMode.FULL);
    const stats = sim.stats().injected;
    expect(stats.duplicates).toBeGreaterThan(0);
    expect(stats.outOfOrderPages).toBeGreaterThan(0);
    const total = simLines(sim, SyncKind.TERMINALS).length;
    if (result.status !== 'SUCCEEDED') throw new Error(`expected success: ${JSON.stringify(result)}`);
    expect(result.records).toBeGreaterThan(total); // some were read twice…
    expect(result).toMatchObject({ created: total, updated: 0, unchanged: 0, rejected: 0 }); // …and counted once
    await matches(SyncKind.TERMINALS);
  });

  it('records changing in the middle of a sync end up in their latest version, each counted once', async () => {
    await faults({ changeMidSync: 2 });
    const { result } = await runSyncJob(workers, SyncKind.TERMINALS, SyncMode.FULL);
    const changed = new Set((sim.stats().injected.changed as Array<{ externalId: string }>).map((c) => c.externalId));
    expect(changed.size).toBeGreaterThan(0);
    const total = simLines(sim, SyncKind.TERMINALS).length;
    expect(result).toMatchObject({ status: 'SUCCEEDED', created: 0, updated: changed.size, unchanged: total - changed.size, rejected: 0, deleted: 0 });
    await faults({});
    await matches(SyncKind.TERMINALS);
    // The watermark covers the changes: the next incremental run has nothing new to write.
    const next = await runSyncJob(workers, SyncKind.TERMINALS, SyncMode.INCREMENTAL);
    expect(next.result).toMatchObject({ status: 'SUCCEEDED', created: 0, updated: 0 });
  });

  it('5xx, 429 (Retry-After) and a broken page are retried by the adapter; one attempt, one SUCCEEDED run', async () => {
    await simPost(sim, '/__sim/touch', { kind: 'terminals', count: 4 });
    await faults({ status5xxNext: 2, rateLimitNext: 1, retryAfterSeconds: 1, malformedPageNext: 1 });
    const started = Date.now();
    const { job, result } = await runSyncJob(workers, SyncKind.TERMINALS, SyncMode.INCREMENTAL);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000); // Retry-After was honoured
    const stats = sim.stats().injected;
    expect([stats.status5xx, stats.rateLimited, stats.malformedPages]).toEqual([2, 1, 1]);
    expect(result).toMatchObject({ status: 'SUCCEEDED', updated: 4, created: 0, rejected: 0 });
    const done = (await workers.queues.get('platform-sync').getJob(job.id!))!;
    expect(done.attemptsMade).toBe(1);
    const runs = await syncRuns(orm, SyncKind.TERMINALS);
    expect(runs.filter((r) => r.job_id === job.id).map((r) => r.status)).toEqual(['SUCCEEDED']);
    await matches(SyncKind.TERMINALS);
  });

  it('latency past the adapter timeout is retried and the data is right', async () => {
    await simPost(sim, '/__sim/touch', { kind: 'business-apps', count: 5 });
    await faults({ latencyMs: 1400, latencyNext: 1 });
    const { result } = await runSyncJob(workers, SyncKind.APPS, SyncMode.INCREMENTAL);
    expect(sim.stats().injected.latency).toBe(1);
    expect(result).toMatchObject({ status: 'SUCCEEDED', updated: 5, created: 0 });
    await matches(SyncKind.APPS);
  });

  it('a platform down for longer than the adapter retries: that run is FAILED with the error, BullMQ retries, the next run succeeds', async () => {
    await simPost(sim, '/__sim/touch', { kind: 'business-apps', count: 2 });
    await faults({ errorRate: 1 });
    const before = (await syncRuns(orm, SyncKind.APPS)).length;
    const events = workers.queues.events('platform-sync');
    await events.waitUntilReady();
    const { job } = await enqueueSync(workers.queues, SyncKind.APPS, SyncMode.INCREMENTAL, null, { attempts: 3, backoff: { type: 'fixed', delay: 300 } });
    await eventually(async () => (await syncRuns(orm, SyncKind.APPS)).slice(before).some((r) => r.status === 'FAILED'), 10_000, 'a FAILED run');
    await faults({});
    const result = await job.waitUntilFinished(events, 15_000);
    expect(result).toMatchObject({ status: 'SUCCEEDED', updated: 2 });
    const runs = (await syncRuns(orm, SyncKind.APPS)).slice(before);
    expect(runs.map((r) => r.status)).toEqual(['FAILED', 'SUCCEEDED']);
    expect(runs.every((r) => r.job_id === job.id)).toBe(true);
    expect(runs[0].error).toMatch(/50[0-3]/);
    // The failed run did not move the watermark: the successful one started from the same place.
    expect(runs[1].cursor_before).toBe(runs[0].cursor_before);
    expect((await workers.queues.get('platform-sync').getJob(job.id!))!.attemptsMade).toBe(2);
    await matches(SyncKind.APPS);
  });

  it('a refused signature is not retried: one FAILED run, the job fails at once', async () => {
    const good = workers.context.platformAdapter;
    workers.context.platformAdapter = new HttpPlatformAdapter({
      baseUrl: sim.url,
      appKey: SIM_APP_KEY,
      appSecret: 'wrong-secret-wrong-secret',
      maxRetries: 3,
      backoffBaseMs: 20,
    });
    try {
      const before = (await syncRuns(orm, SyncKind.TERMINALS)).length;
      const events = workers.queues.events('platform-sync');
      const { job } = await enqueueSync(workers.queues, SyncKind.TERMINALS, SyncMode.INCREMENTAL, null, {
        attempts: 3,
        backoff: { type: 'fixed', delay: 100 },
      });
      await expect(job.waitUntilFinished(events, 10_000)).rejects.toThrow(/401|403|签名|signature/i);
      const failed = (await workers.queues.get('platform-sync').getJob(job.id!))!;
      expect(failed.attemptsMade).toBe(1);
      const runs = (await syncRuns(orm, SyncKind.TERMINALS)).slice(before);
      expect(runs.map((r) => r.status)).toEqual(['FAILED']);
    } finally {
      workers.context.platformAdapter = good;
    }
  });
});
