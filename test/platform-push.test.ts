/**
 * Pushing approved admission items to the platform (`enqueueAdmissionPush` → the
 * push-admission job → the simulator), on every queue backend: one SyncRun per attempt,
 * the platform's receipt kept, pending pushes of the same document and status not queued
 * twice, and a push the platform refuses as invalid failing at once.
 */
import crypto from 'node:crypto';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { RunningSimulator } from '../integrations/simulator/server';
import type { PlatformAdmissionPush } from '../integrations/platform/types';
import { createOrm } from '../src/db/orm';
import { SyncKind, SyncMode } from '../src/platform/entity/sync-run.entity';
import { createQueues, startWorkers, type QueueRegistry, type RunningWorkers } from '../src/queue/runtime';
import type { QueueBackend } from '../src/queue/backend';
import { createSyncJobs, enqueueAdmissionPush, enqueueSync } from '../src/platform/sync/jobs';
import { createTestDatabase } from './support/databases';
import { adapterFor, backends, queueBackend, startSim, startSyncWorkers, syncRuns } from './support/platform';

const PUSH: PlatformAdmissionPush = {
  documentNumber: '青衣准〔2026〕7号',
  title: '城乡居民医保参保动员',
  departmentName: '青衣县医疗保障局',
  countyCode: '511828',
  communityCodes: ['511828001001', '511828001002'],
  validFrom: '2026-11-01',
  validUntil: '2026-12-31',
  status: 'IN_EFFECT',
};

describe.each(backends)('admission pushes on %s', (backendKind) => {
  const prefix = `zrpush_${process.pid}_${crypto.randomBytes(3).toString('hex')}`;
  let db: { url: string; drop(): Promise<void> };
  let orm: MikroORM;
  let sim: RunningSimulator;
  let backend: QueueBackend;
  let producer: QueueRegistry;
  let workers: RunningWorkers | undefined;

  beforeAll(async () => {
    db = await createTestDatabase();
    orm = await createOrm({ url: db.url, poolMax: 4 });
    sim = await startSim();
    backend = queueBackend(backendKind, db.url, prefix);
    producer = createQueues(backend, ['platform-sync']);
  });

  afterAll(async () => {
    await workers?.close(5_000);
    if (producer) {
      await producer.get('platform-sync').obliterate({ force: true });
      await producer.close();
    }
    await backend?.close();
    await sim?.close();
    await orm?.close(true);
    await db?.drop();
  });

  it('queues a push once while it waits, sends it, and keeps the platform’s receipt on a SyncRun', async () => {
    const first = await enqueueAdmissionPush(producer, PUSH, { userId: 2, username: 'reviewer' });
    const again = await enqueueAdmissionPush(producer, PUSH);
    expect(again.id).toBe(first.id); // same document and status, still waiting: not queued twice
    const revoked = await enqueueAdmissionPush(producer, { ...PUSH, status: 'REVOKED' });
    expect(revoked.id).not.toBe(first.id);

    workers = await startSyncWorkers(backend, orm, adapterFor(sim));
    const events = producer.events('platform-sync');
    await events.waitUntilReady();
    const result = await first.waitUntilFinished(events, 20_000);
    const last = await revoked.waitUntilFinished(events, 20_000);
    // The two jobs may run in either order; the platform must end on the later stage
    // (REVOKED), and an IN_EFFECT push that comes after it is superseded, not sent.
    expect(last).toMatchObject({ status: 'SUCCEEDED', accepted: true, platformId: expect.stringMatching(/^PT-/) });
    expect(['SUCCEEDED', 'SKIPPED']).toContain(result.status);
    const sent = result.status === 'SUCCEEDED' ? 2 : 1;

    const pushed = sim.pushed();
    expect(pushed).toHaveLength(1);
    expect(pushed[0]).toMatchObject({ platformId: last.platformId, pushCount: sent, item: { documentNumber: PUSH.documentNumber, status: 'REVOKED' } });

    const runs = await syncRuns(orm, SyncKind.PUSH_ADMISSIONS);
    expect(runs.map((r) => [r.status, r.created, r.rejected])).toEqual(Array(sent).fill(['SUCCEEDED', 1, 0]));
    const [note] = await orm.em
      .getConnection()
      .execute(`select note, requested_by_username from sync_run where note like ? and status = 'SUCCEEDED'`, [`%（IN_EFFECT）%`]);
    if (sent === 2) {
      expect(note.note).toContain(PUSH.documentNumber);
      expect(note.requested_by_username).toBe('reviewer');
    }
    const [revokedNote] = await orm.em.getConnection().execute(`select note from sync_run where note like ?`, [`%（REVOKED）%`]);
    expect(revokedNote.note).toContain(last.platformId);
  });

  it('a push the platform refuses as invalid fails at once, with a FAILED run', async () => {
    const before = (await syncRuns(orm, SyncKind.PUSH_ADMISSIONS)).length;
    const events = producer.events('platform-sync');
    const job = await enqueueAdmissionPush(producer, { ...PUSH, documentNumber: '青衣准〔2026〕8号', countyCode: 'not-a-county' });
    await expect(job.waitUntilFinished(events, 20_000)).rejects.toThrow(/400|无效|invalid/i);
    expect((await producer.get('platform-sync').getJob(job.id!))!.attemptsMade).toBe(1);
    const runs = (await syncRuns(orm, SyncKind.PUSH_ADMISSIONS)).slice(before);
    expect(runs.map((r) => r.status)).toEqual(['FAILED']);
    expect(runs[0].error).toMatch(/400/);
  });

  it('without PLATFORM_BASE_URL, sync and push jobs log and skip, and write no run', async () => {
    expect(process.env.PLATFORM_BASE_URL).toBeUndefined();
    await workers!.close(5_000);
    const logs: string[] = [];
    const log = (_o: object, msg?: string) => void logs.push(msg ?? '');
    // No `platformAdapter` in the context: the adapter comes from the environment.
    workers = await startWorkers({
      backend,
      jobs: createSyncJobs({ schedule: false }),
      context: { logger: { info: log, warn: log, error: log }, orm },
      concurrency: 1,
    });
    const before = (await syncRuns(orm)).length;
    const events = producer.events('platform-sync');
    const { job } = await enqueueSync(producer, SyncKind.TERMINALS, SyncMode.INCREMENTAL);
    expect(await job.waitUntilFinished(events, 20_000)).toMatchObject({ status: 'SKIPPED', reason: expect.stringContaining('PLATFORM_BASE_URL') });
    const push = await enqueueAdmissionPush(producer, { ...PUSH, documentNumber: '青衣准〔2026〕9号' });
    expect(await push.waitUntilFinished(events, 20_000)).toMatchObject({ status: 'SKIPPED' });
    expect((await syncRuns(orm)).length).toBe(before);
    expect(logs.filter((l) => /skipped: PLATFORM_BASE_URL is not set/.test(l))).toHaveLength(2);
  });
});
