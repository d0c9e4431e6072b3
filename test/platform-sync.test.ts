/**
 * Sync with the one-stop platform, end to end: the simulator over HTTP (signed requests),
 * the HTTP adapter, BullMQ sync jobs on every available backend (PostgreSQL always, Redis
 * when REDIS_URL is set), and PostgreSQL. No mocks.
 */
import crypto from 'node:crypto';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { RunningSimulator } from '../integrations/simulator/server';
import { createOrm } from '../src/db/orm';
import { SyncKind, SyncMode } from '../src/platform/entity/sync-run.entity';
import type { RecordSyncKind } from '../src/platform/sync/run';
import { createQueues, type RunningWorkers } from '../src/queue/runtime';
import type { QueueBackend } from '../src/queue/backend';
import { createTestDatabase } from './support/databases';
import { adapterFor, backends, checksum, dbLines, runSyncJob, simLines, simPost, startSim, startSyncWorkers, syncRuns, queueBackend } from './support/platform';

const KINDS: RecordSyncKind[] = [SyncKind.APPS, SyncKind.TERMINALS, SyncKind.COLLECTED_VALUES];

describe.each(backends)('platform sync on %s', (backendKind) => {
  const prefix = `zrsync_${process.pid}_${crypto.randomBytes(3).toString('hex')}`;
  let db: { url: string; drop(): Promise<void> };
  let orm: MikroORM;
  let sim: RunningSimulator;
  let backend: QueueBackend;
  let workers: RunningWorkers;
  let t0 = 0;

  beforeAll(async () => {
    t0 = Date.now();
    db = await createTestDatabase();
    orm = await createOrm({ url: db.url, poolMax: 6 });
    sim = await startSim();
    backend = queueBackend(backendKind, db.url, prefix);
    // Read the platform unfiltered, so that records of unknown communities reach us (as on a province deployment).
    workers = await startSyncWorkers(backend, orm, adapterFor(sim), { pageSize: 500, communityFilter: false });
  });

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

    console.log(`platform-sync.test.ts on ${backendKind}: ${Date.now() - t0} ms`);
  });

  it('a full sync writes exactly the platform’s records, and its SyncRun says so', async () => {
    for (const kind of KINDS) {
      const expected = simLines(sim, kind);
      const { result } = await runSyncJob(workers, kind, SyncMode.FULL);
      expect(result).toMatchObject({ status: 'SUCCEEDED', kind, mode: 'FULL', created: expected.length, updated: 0, unchanged: 0, rejected: 0, deleted: 0 });
      const lines = await dbLines(orm, kind);
      expect(lines.length).toBe(expected.length);
      expect(checksum(lines)).toBe(checksum(expected));
    }
    const runs = await syncRuns(orm);
    expect(runs.map((r) => [r.kind, r.mode, r.status])).toEqual(KINDS.map((k) => [k, 'FULL', 'SUCCEEDED']));
    for (const run of runs) {
      const kind = run.kind as RecordSyncKind;
      const maxUpdatedAt = sim.dataset
        .records(kind === 'APPS' ? 'business-apps' : kind === 'TERMINALS' ? 'terminals' : 'collected-values')
        .reduce((m, r) => (r.updatedAt > m ? r.updatedAt : m), '');
      expect(run.cursor_before).toBeNull();
      expect(run.cursor_after).toBe(maxUpdatedAt); // the watermark: the latest platform change seen
      expect(run.job_id).toMatch(/^sync-/);
    }
    // The consolidation plan was computed from the synced apps and terminals.
    const [planned] = await orm.em.getConnection().execute(`select count(*)::int as n from terminal where status = 'PLANNED_FOR_CONSOLIDATION'`);
    expect(planned.n).toBeGreaterThan(0);
  });

  it('running it again changes nothing: every record counts as unchanged', async () => {
    const before = await dbLines(orm, SyncKind.TERMINALS);
    const [{ max }] = await orm.em.getConnection().execute(`select max(updated_at) as max from terminal`);
    const { result } = await runSyncJob(workers, SyncKind.TERMINALS, SyncMode.FULL);
    expect(result).toMatchObject({ status: 'SUCCEEDED', created: 0, updated: 0, deleted: 0, unchanged: before.length });
    expect(await dbLines(orm, SyncKind.TERMINALS)).toEqual(before);
    const [{ max: after }] = await orm.em.getConnection().execute(`select max(updated_at) as max from terminal`);
    expect(after).toEqual(max); // no row was rewritten
  });

  it('an incremental sync reads only what changed since the watermark', async () => {
    const [run0] = (await syncRuns(orm, SyncKind.TERMINALS)).slice(-1);
    const touched = await simPost(sim, '/__sim/touch', { kind: 'terminals', count: 3 });
    // The simulator changed three distinct terminals (the sync below must read exactly those).
    expect(touched).toMatchObject({ kind: 'terminals' });
    expect(new Set(touched.touched).size).toBe(3);
    await simPost(sim, '/__sim/touch', { kind: 'business-apps', externalIds: ['APP-511828-ZHYL'], set: { integrated: true } });

    const apps = await runSyncJob(workers, SyncKind.APPS, SyncMode.INCREMENTAL);
    expect(apps.result).toMatchObject({ status: 'SUCCEEDED', mode: 'INCREMENTAL', created: 0, updated: 1, rejected: 0 });
    const { result } = await runSyncJob(workers, SyncKind.TERMINALS, SyncMode.INCREMENTAL);
    expect(result).toMatchObject({ status: 'SUCCEEDED', mode: 'INCREMENTAL', created: 0, updated: 3, rejected: 0, deleted: 0 });
    // Read: the three changes, plus what sits exactly at the old watermark (read again, unchanged).
    if (result.status !== 'SUCCEEDED') throw new Error('unreachable');
    expect(result.records).toBe(3 + result.unchanged);
    expect(result.unchanged).toBeLessThanOrEqual(1);
    expect(result.cursorBefore).toBe(run0.cursor_after);
    expect(checksum(await dbLines(orm, SyncKind.TERMINALS))).toBe(checksum(simLines(sim, SyncKind.TERMINALS)));
    expect(checksum(await dbLines(orm, SyncKind.APPS))).toBe(checksum(simLines(sim, SyncKind.APPS)));
    // The app became integrated: terminals that serve only integrated apps are now planned.
    const [row] = await orm.em.getConnection().execute(
      `select count(*)::int as n from terminal t join terminal_app ta on ta.terminal_id = t.id join business_app a on a.id = ta.business_app_id
        where a.external_id = 'APP-511828-ZHYL' and t.status = 'ACTIVE' and t.platform_status = 'ACTIVE'
          and not exists (select 1 from terminal_app x join business_app b on b.id = x.business_app_id where x.terminal_id = t.id and not b.integrated)`,
    );
    expect(row.n).toBe(0);

    // Nothing changed since: the next incremental run writes nothing.
    const again = await runSyncJob(workers, SyncKind.TERMINALS, SyncMode.INCREMENTAL);
    expect(again.result).toMatchObject({ status: 'SUCCEEDED', created: 0, updated: 0, deleted: 0, rejected: 0 });
  });

  it('records the platform removed are marked deleted by the full reconcile, not by incremental runs', async () => {
    const gone = ['TRM-511828001001-01', 'TRM-511828001002-01'];
    await simPost(sim, '/__sim/delete', { kind: 'terminals', externalIds: gone });
    const inc = await runSyncJob(workers, SyncKind.TERMINALS, SyncMode.INCREMENTAL);
    expect(inc.result).toMatchObject({ status: 'SUCCEEDED', deleted: 0 });
    const full = await runSyncJob(workers, SyncKind.TERMINALS, SyncMode.FULL);
    expect(full.result).toMatchObject({ status: 'SUCCEEDED', created: 0, updated: 0, deleted: 2, rejected: 0 });
    const rows = await orm.em.getConnection().execute(`select external_id, deleted_at from terminal where external_id in (?) order by external_id`, [gone]);
    expect(rows.map((r: any) => r.deleted_at !== null)).toEqual([true, true]);
    expect(checksum(await dbLines(orm, SyncKind.TERMINALS))).toBe(checksum(simLines(sim, SyncKind.TERMINALS)));
    // A second reconcile finds nothing more to delete.
    const again = await runSyncJob(workers, SyncKind.TERMINALS, SyncMode.FULL);
    expect(again.result).toMatchObject({ status: 'SUCCEEDED', deleted: 0, created: 0, updated: 0 });
  });

  it('a record naming an unknown community or app is a dead letter, never half-imported', async () => {
    const id = 'TRM-511828001003-01';
    const [before] = await orm.em.getConnection().execute(`select community_id, model from terminal where external_id = ?`, [id]);
    await simPost(sim, '/__sim/touch', { kind: 'terminals', externalIds: [id], set: { communityCode: '511828999999', model: '新型号 X1' } });
    await simPost(sim, '/__sim/touch', { kind: 'terminals', externalIds: ['TRM-511828001004-01'], set: { appExternalIds: ['APP-NOT-SYNCED'] } });
    const { result } = await runSyncJob(workers, SyncKind.TERMINALS, SyncMode.INCREMENTAL);
    expect(result).toMatchObject({ status: 'SUCCEEDED', rejected: 2, created: 0, updated: 0 });
    const [after] = await orm.em.getConnection().execute(`select community_id, model from terminal where external_id = ?`, [id]);
    expect(after).toEqual(before); // the old version stays, untouched
    const dead = await orm.em
      .getConnection()
      .execute(`select external_id, code, reason, raw from sync_rejected_record where sync_run_id = ? order by external_id`, [
        (result as { runId: number }).runId,
      ]);
    expect(dead.map((d: any) => [d.external_id, d.code])).toEqual([
      [id, 'UNKNOWN_COMMUNITY'],
      ['TRM-511828001004-01', 'UNKNOWN_APP'],
    ]);
    expect(dead[0].reason).toContain('511828999999');
    expect(dead[1].reason).toContain('APP-NOT-SYNCED');
    expect(dead[0].raw).toMatchObject({ externalId: id, communityCode: '511828999999', model: '新型号 X1' });
  });
});
