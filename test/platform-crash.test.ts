/**
 * Crash safety: a sync worker process killed with SIGKILL in the middle of a sync, and a
 * new one started, completes the sync with no record lost or duplicated, and the SyncRun
 * history tells what happened:
 *
 *  - the killed run stays RUNNING until the next run of its kind takes the kind's lock
 *    (released by PostgreSQL when the dead process's connection dropped) and marks it
 *    ABANDONED;
 *  - BullMQ's stalled-job check hands the same job to the new worker; its run starts from
 *    the same watermark (a killed run never advances it), re-reads everything, counts what
 *    the killed run had already written as unchanged, and writes the rest.
 *
 * Both queue backends; the workers are real child processes (node scripts/run.js).
 */
import crypto from 'node:crypto';
import path from 'node:path';
import { spawn, type ChildProcess } from 'node:child_process';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { RunningSimulator } from '../integrations/simulator/server';
import { createOrm } from '../src/db/orm';
import { SyncKind, SyncMode } from '../src/platform/entity/sync-run.entity';
import { createQueues, type QueueRegistry } from '../src/queue/runtime';
import type { QueueBackend } from '../src/queue/backend';
import { enqueueSync } from '../src/platform/sync/jobs';
import { createTestDatabase } from './support/databases';
import { backends, checksum, dbLines, eventually, queueBackend, simLines, simPost, startSim, syncRuns, SIM_APP_KEY, SIM_APP_SECRET } from './support/platform';

const ROOT = path.resolve(__dirname, '..');

describe.each(backends)('a sync worker killed mid-run, on %s', (backendKind) => {
  const prefix = `zrcrash_${process.pid}_${crypto.randomBytes(3).toString('hex')}`;
  let db: { url: string; drop(): Promise<void> };
  let orm: MikroORM;
  let sim: RunningSimulator;
  let backend: QueueBackend;
  let producer: QueueRegistry;
  const children: ChildProcess[] = [];
  const output: string[] = [];
  let t0 = 0;

  /** Starts a worker process and resolves once it is connected (and, unless paused, taking jobs). */
  const spawnWorker = (opts: { paused?: boolean } = {}): Promise<ChildProcess> =>
    new Promise((resolve, reject) => {
      const child = spawn(process.execPath, ['scripts/run.js', 'test/support/sync-worker-child.ts'], {
        cwd: ROOT,
        env: {
          ...process.env,
          NODE_ENV: 'test',
          ZR_DATABASE_URL: db.url,
          ZR_QUEUE_KIND: backendKind,
          ZR_QUEUE_PREFIX: prefix,
          ZR_SIM_URL: sim.url,
          ZR_SIM_APP_KEY: SIM_APP_KEY,
          ZR_SIM_APP_SECRET: SIM_APP_SECRET,
          ZR_PAGE_SIZE: '20',
          ZR_START_PAUSED: opts.paused ? '1' : '0',
        },
        stdio: ['pipe', 'pipe', 'pipe'],
      });
      children.push(child);
      child.stderr.on('data', (d: Buffer) => output.push(`[${child.pid}] ${d.toString()}`));
      child.stdout.on('data', (d: Buffer) => {
        if (d.toString().includes('ready')) resolve(child);
      });
      child.once('exit', (code, signal) => reject(new Error(`worker exited early (${code ?? signal}):\n${output.join('')}`)));
    });

  beforeAll(async () => {
    t0 = Date.now();
    db = await createTestDatabase();
    orm = await createOrm({ url: db.url, poolMax: 4 });
    sim = await startSim();
    backend = queueBackend(backendKind, db.url, prefix);
    producer = createQueues(backend, ['platform-sync']);
  });

  afterAll(async () => {
    for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
    if (producer) {
      await producer.get('platform-sync').obliterate({ force: true });
      await producer.close();
    }
    await backend?.close();
    await sim?.close();
    await orm?.close(true);
    await db?.drop();

    console.log(`platform-crash.test.ts on ${backendKind}: ${Date.now() - t0} ms`);
  });

  it('kill -9 mid-sync, start again: every record exactly once, and a truthful run history', async () => {
    // Two worker processes: the first takes jobs; the replacement connects but takes no
    // job (and runs no stalled check) until told to, after the kill. Starting both now
    // only saves the replacement's start-up time; its behaviour is that of a fresh start.
    const replacement = spawnWorker({ paused: true });
    replacement.catch(() => undefined); // awaited after the kill
    const first = await spawnWorker();
    // Apps first (the terminals refer to them).
    const events = producer.events('platform-sync');
    await events.waitUntilReady();
    const apps = await enqueueSync(producer, SyncKind.APPS, SyncMode.FULL);
    await apps.job.waitUntilFinished(events, 15_000);

    // A slow platform: 80 ms per page of 20 terminals (about 24 pages).
    await simPost(sim, '/__sim/faults', { latencyMs: 80 });
    const { job } = await enqueueSync(producer, SyncKind.TERMINALS, SyncMode.FULL);
    await eventually(
      async () => {
        const [run] = (await syncRuns(orm, SyncKind.TERMINALS)).filter((r) => r.status === 'RUNNING');
        return !!run && run.pages >= 6;
      },
      15_000,
      'the sync to be a few pages in',
    );

    first.kill('SIGKILL');
    await new Promise((r) => first.once('exit', r));
    const [killed] = (await syncRuns(orm, SyncKind.TERMINALS)).filter((r) => r.status === 'RUNNING');
    expect(killed).toBeDefined();
    const [{ n: writtenBeforeKill }] = await orm.em.getConnection().execute(`select count(*)::int as n from terminal`);
    expect(writtenBeforeKill).toBeGreaterThan(0);
    const total = simLines(sim, SyncKind.TERMINALS).length;
    expect(writtenBeforeKill).toBeLessThan(total);
    // While the job is stalled, asking for another sync of the kind returns that job.
    expect((await enqueueSync(producer, SyncKind.TERMINALS, SyncMode.FULL)).job.id).toBe(job.id);

    await simPost(sim, '/__sim/faults', {});
    (await replacement).stdin!.write('go\n');
    const result = await job.waitUntilFinished(events, 20_000);

    // Every record exactly once (the unique key makes duplicates impossible; the checksum
    // says nothing is missing or stale).
    const lines = await dbLines(orm, SyncKind.TERMINALS);
    expect(lines.length).toBe(total);
    expect(checksum(lines)).toBe(checksum(simLines(sim, SyncKind.TERMINALS)));
    const [{ n: rows }] = await orm.em.getConnection().execute(`select count(*)::int as n from terminal`);
    expect(rows).toBe(total);

    // The history: the killed run ABANDONED, then the same job's next run SUCCEEDED.
    const runs = (await syncRuns(orm, SyncKind.TERMINALS)).filter((r) => r.job_id === job.id);
    expect(runs.map((r) => r.status)).toEqual(['ABANDONED', 'SUCCEEDED']);
    expect(runs[0].id).toBe(killed.id);
    expect(runs[0].error).toMatch(/中断|died/);
    expect(runs[1].cursor_before).toBe(runs[0].cursor_before);
    // What the killed run wrote is unchanged now; the rest is created.
    expect(result).toMatchObject({
      status: 'SUCCEEDED',
      abandoned: 1,
      created: total - writtenBeforeKill,
      unchanged: writtenBeforeKill,
      updated: 0,
      rejected: 0,
    });
    const recovered = (await producer.get('platform-sync').getJob(job.id!))!;
    expect(await recovered.getState()).toBe('completed');
  });
});
