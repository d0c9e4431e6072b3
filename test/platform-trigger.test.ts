/**
 * On-demand syncs through the API, on every queue backend: `triggerSync` for the
 * integration account and admins (deduplicated per kind while one is queued or running),
 * `syncJob` progress, and the bull-board dashboard at /admin/queues for admins only,
 * served without any remote asset.
 */
import crypto from 'node:crypto';
import type { RunningSimulator } from '../integrations/simulator/server';
import { startTestApi, type TestApi } from './support/api';
import { adapterFor, backends, eventually, queueBackend, startSim, startSyncWorkers, simLines } from './support/platform';
import { createTestDatabase } from './support/databases';
import { runSync } from '../src/platform/sync/run';
import { SyncKind, SyncMode } from '../src/platform/entity/sync-run.entity';
import { DEMO_INTEGRATION_TOKEN } from '../src/db/seed/seed';
import { createQueues, type RunningWorkers } from '../src/queue/runtime';
import type { QueueBackend } from '../src/queue/backend';

const TRIGGER = `mutation($kind: SyncKind!, $mode: SyncMode) { triggerSync(kind: $kind, mode: $mode) { deduplicated job { jobId name kind mode state attempts } } }`;
const JOB = `query($id: String!) { syncJob(jobId: $id) { jobId state pages records progress attemptsMade result syncRun { status created requestedByUsername jobId } } }`;

describe.each(backends)('triggerSync and the queue dashboard on %s', (backendKind) => {
  const prefix = `zrtrig_${process.pid}_${crypto.randomBytes(3).toString('hex')}`;
  let queueDb: { url: string; drop(): Promise<void> } | undefined;
  let backend: QueueBackend;
  let t: TestApi;
  let sim: RunningSimulator;
  let workers: RunningWorkers | undefined;
  let admin: string;
  let t0 = 0;

  beforeAll(async () => {
    t0 = Date.now();
    if (backendKind === 'postgres') queueDb = await createTestDatabase();
    backend = queueBackend(backendKind, queueDb?.url ?? 'postgres://unused.invalid/unused', prefix);
    t = await startTestApi({}, { queues: backend });
    sim = await startSim();
    // The apps first, directly: the triggered terminal sync below needs them.
    await runSync({ orm: t.orm, adapter: adapterFor(sim), kind: SyncKind.APPS, mode: SyncMode.FULL });
    admin = await t.signIn('admin');
  });

  afterAll(async () => {
    await workers?.close(5_000);
    await t?.close();
    if (backend) {
      const cleanup = createQueues(backend, ['platform-sync']);
      await cleanup.get('platform-sync').obliterate({ force: true });
      await cleanup.close();
      await backend.close();
    }
    await sim?.close();
    await queueDb?.drop();

    console.log(`platform-trigger.test.ts on ${backendKind}: ${Date.now() - t0} ms`);
  });

  it('triggers a sync, returns the queued job to a second trigger, and reports its progress', async () => {
    const first = await t.gql(TRIGGER, { kind: 'TERMINALS', mode: 'FULL' }, { token: DEMO_INTEGRATION_TOKEN });
    expect(first.body.errors).toBeUndefined();
    const job = first.body.data.triggerSync.job;
    expect(first.body.data.triggerSync.deduplicated).toBe(false);
    expect(job).toMatchObject({ name: 'sync-terminals', kind: 'TERMINALS', mode: 'FULL', state: 'WAITING', attempts: 5 });

    // One sync of a kind at a time: the second trigger gets the queued job.
    const second = await t.gql(TRIGGER, { kind: 'TERMINALS' }, { token: admin });
    expect(second.body.data.triggerSync).toMatchObject({ deduplicated: true, job: { jobId: job.jobId, mode: 'FULL' } });
    // Not for other roles; pushes are not triggered by hand.
    const reviewer = await t.signIn('reviewer');
    expect((await t.gql(TRIGGER, { kind: 'TERMINALS' }, { token: reviewer })).body.errors[0].extensions.code).toBe('FORBIDDEN');
    expect((await t.gql(TRIGGER, { kind: 'TERMINALS' })).body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    expect((await t.gql(TRIGGER, { kind: 'PUSH_ADMISSIONS' }, { token: admin })).body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    const audits = await t.orm.em.getConnection().execute(`select actor_username, entity_id, after from audit_event where action = 'sync.trigger' order by id`);
    expect(audits.map((a: any) => [a.actor_username, a.entity_id, a.after.deduplicated])).toEqual([
      ['integration', job.jobId, false],
      ['admin', job.jobId, true],
    ]);

    const waiting = await t.gql(JOB, { id: job.jobId }, { token: DEMO_INTEGRATION_TOKEN });
    expect(waiting.body.data.syncJob).toMatchObject({ jobId: job.jobId, state: 'WAITING', pages: 0, records: 0, syncRun: null });

    // A worker picks it up.
    workers = await startSyncWorkers(backend, t.orm, adapterFor(sim), { pageSize: 100 });
    let done: any;
    await eventually(
      async () => {
        done = (await t.gql(JOB, { id: job.jobId }, { token: admin })).body.data.syncJob;
        // BullMQ's PostgreSQL backend may show the state a moment before the attempt count.
        return done.state === 'COMPLETED' && done.attemptsMade === 1;
      },
      15_000,
      'the triggered job to complete',
    );
    const total = simLines(sim, SyncKind.TERMINALS).length;
    expect(done).toMatchObject({
      state: 'COMPLETED',
      records: total,
      attemptsMade: 1,
      syncRun: { status: 'SUCCEEDED', created: total, requestedByUsername: 'integration', jobId: job.jobId },
    });
    expect(done.pages).toBe(Math.ceil(total / 100));
    expect(done.result).toMatchObject({ status: 'SUCCEEDED', created: total });

    // Once it finished, a new trigger makes a new job.
    const third = await t.gql(TRIGGER, { kind: 'TERMINALS' }, { token: DEMO_INTEGRATION_TOKEN });
    expect(third.body.data.triggerSync.deduplicated).toBe(false);
    expect(third.body.data.triggerSync.job.jobId).not.toBe(job.jobId);
    expect(third.body.data.triggerSync.job.mode).toBe('INCREMENTAL');
  });

  it('serves bull-board at /admin/queues to admins only, with no remote assets', async () => {
    const get = (path: string, headers: Record<string, string> = {}) => fetch(`${t.url}${path}`, { headers });
    expect((await get('/admin/queues')).status).toBe(401);
    const reviewer = await t.signIn('reviewer');
    expect((await get('/admin/queues', { authorization: `Bearer ${reviewer}` })).status).toBe(403);
    expect((await get('/admin/queues', { authorization: 'Bearer not-a-token' })).status).toBe(401);

    const page = await get('/admin/queues', { authorization: `Bearer ${admin}` });
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('准入平台任务队列');
    expect(html).not.toMatch(/https?:\/\//); // no fonts, scripts or styles from the internet
    expect(page.headers.get('content-security-policy')).toContain("default-src 'self'");
    const assets = [...html.matchAll(/(?:src|href)="(static\/[^"]+)"/g)].map((m) => m[1]);
    expect(assets.length).toBeGreaterThanOrEqual(3);
    for (const asset of assets) {
      const res = await get(`/admin/queues/${asset}`, { authorization: `Bearer ${admin}` });
      expect([asset, res.status]).toEqual([asset, 200]);
    }

    const api = await get('/admin/queues/api/queues', { authorization: `Bearer ${admin}` });
    expect(api.status).toBe(200);
    const body = (await api.json()) as { queues: Array<{ name: string }> };
    expect(body.queues.map((q) => q.name)).toContain('platform-sync');

    // A browser: the admin front end exchanges its header for a short-lived HttpOnly cookie.
    const session = await fetch(`${t.url}/admin/queues/session`, { method: 'POST', headers: { authorization: `Bearer ${admin}` } });
    expect(session.status).toBe(204);
    const cookie = session.headers.get('set-cookie')!;
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    expect(cookie).toMatch(/Path=\/admin\/queues/);
    expect(cookie).toMatch(/Max-Age=900/);
    const jar = cookie.split(';')[0];
    expect((await get('/admin/queues', { cookie: jar })).status).toBe(200);
    // Changes with the cookie must come from the same origin.
    const crossSite = await fetch(`${t.url}/admin/queues/api/queues/pause`, { method: 'PUT', headers: { cookie: jar, origin: 'https://evil.example' } });
    expect(crossSite.status).toBe(403);
    const reviewerSession = await fetch(`${t.url}/admin/queues/session`, { method: 'POST', headers: { authorization: `Bearer ${reviewer}` } });
    expect(reviewerSession.status).toBe(403);
  });
});
