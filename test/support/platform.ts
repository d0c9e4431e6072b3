/**
 * Helpers for the platform-integration tests: the real simulator over HTTP, the real HTTP
 * adapter, sync workers on a real queue backend, and comparisons of the database with the
 * simulator's data set (count and checksum).
 */
import crypto from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Job } from 'bullmq';
import type { MikroORM } from '@mikro-orm/postgresql';
import { startSimulator, type RunningSimulator, type SimulatorOptions } from '../../integrations/simulator/server';
import { HttpPlatformAdapter } from '../../integrations/platform/http-adapter';
import type { PlatformBusinessApp, PlatformCollectedValue, PlatformTerminal } from '../../integrations/platform/types';
import type { RecordKind } from '../../integrations/simulator/dataset';
import { createQueueBackend, type QueueBackend, type QueueBackendKind } from '../../src/queue/backend';
import { startWorkers, type RunningWorkers, type WorkerContext } from '../../src/queue/runtime';
import { createSyncJobs, enqueueSync, type SyncJobResult } from '../../src/platform/sync/jobs';
import { SyncKind, SyncMode } from '../../src/platform/entity/sync-run.entity';
import type { RecordSyncKind } from '../../src/platform/sync/run';

export const SIM_APP_KEY = 'zhunru-test';
export const SIM_APP_SECRET = 'zhunru-test-secret-0123456789';

export const backends: QueueBackendKind[] = ['postgres', ...(process.env.REDIS_URL ? (['redis'] as const) : [])];

export const KIND_OF: Record<RecordSyncKind, RecordKind> = {
  APPS: 'business-apps',
  TERMINALS: 'terminals',
  COLLECTED_VALUES: 'collected-values',
};

export function startSim(opts: Partial<SimulatorOptions> = {}): Promise<RunningSimulator> {
  return startSimulator({ appKey: SIM_APP_KEY, appSecret: SIM_APP_SECRET, dataset: { scale: 'demo', seed: 'zhunru' }, ...opts });
}

export function adapterFor(sim: RunningSimulator, opts: { timeoutMs?: number; maxRetries?: number } = {}): HttpPlatformAdapter {
  return new HttpPlatformAdapter({
    baseUrl: sim.url,
    appKey: SIM_APP_KEY,
    appSecret: SIM_APP_SECRET,
    timeoutMs: opts.timeoutMs ?? 2000,
    maxRetries: opts.maxRetries ?? 3,
    backoffBaseMs: 20,
    backoffMaxMs: 200,
    maxRetryAfterMs: 5000,
  });
}

/** POST to one of the simulator's test endpoints (/__sim/touch, /__sim/delete, …). */
export async function simPost(sim: RunningSimulator, path: string, body: unknown): Promise<any> {
  const res = await fetch(`${sim.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const json = await res.json();
  if (!res.ok) throw new Error(`${path}: ${res.status} ${JSON.stringify(json)}`);
  return json;
}

// ---------------------------------------------------------------- snapshots

const line = (...parts: unknown[]) => parts.map((p) => (p === null || p === undefined ? '' : String(p))).join('|');

/** The simulator's records of a kind, one line per record, sorted. */
export function simLines(sim: RunningSimulator, kind: RecordSyncKind): string[] {
  const records = sim.dataset.records(KIND_OF[kind]);
  let lines: string[];
  if (kind === SyncKind.APPS) {
    lines = (records as PlatformBusinessApp[]).map((r) =>
      line(r.externalId, r.name, r.departmentUscc, r.departmentName, r.integrated, r.usedByCommunities, r.updatedAt),
    );
  } else if (kind === SyncKind.TERMINALS) {
    lines = (records as PlatformTerminal[]).map((r) =>
      line(r.externalId, r.communityCode, r.model, r.status, [...r.appExternalIds].sort().join(','), r.lastSeenAt, r.updatedAt),
    );
  } else {
    lines = (records as PlatformCollectedValue[]).map((r) => line(r.externalId, r.dataElementCode, r.communityCode, r.period, r.value, r.source, r.updatedAt));
  }
  return lines.sort();
}

const ISO = (col: string) => `to_char(${col} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/** The live (not deleted) rows of a kind, in the same line format, sorted. */
export async function dbLines(orm: MikroORM, kind: RecordSyncKind): Promise<string[]> {
  const conn = orm.em.getConnection();
  let rows: Array<Record<string, unknown>>;
  if (kind === SyncKind.APPS) {
    rows = await conn.execute(
      `select external_id, name, department_uscc, department_name, integrated, used_by_communities, ${ISO('platform_updated_at')} as u
         from business_app where deleted_at is null`,
    );
    return rows.map((r) => line(r.external_id, r.name, r.department_uscc, r.department_name, r.integrated, r.used_by_communities, r.u)).sort();
  }
  if (kind === SyncKind.TERMINALS) {
    rows = await conn.execute(
      `select t.external_id, c.code, t.model, t.platform_status,
              (select string_agg(a.external_id, ',' order by a.external_id) from terminal_app ta join business_app a on a.id = ta.business_app_id where ta.terminal_id = t.id) as apps,
              ${ISO('t.last_seen_at')} as seen, ${ISO('t.platform_updated_at')} as u
         from terminal t join community c on c.id = t.community_id where t.deleted_at is null`,
    );
    return rows.map((r) => line(r.external_id, r.code, r.model, r.platform_status, r.apps, r.seen, r.u)).sort();
  }
  rows = await conn.execute(
    `select v.external_id, e.code as element, c.code, v.period, v.value, v.source, ${ISO('v.platform_updated_at')} as u
       from collected_value v join community c on c.id = v.community_id join data_element e on e.id = v.data_element_id
      where v.deleted_at is null`,
  );
  return rows.map((r) => line(r.external_id, r.element, r.code, r.period, r.value, r.source, r.u)).sort();
}

export const checksum = (lines: string[]) => crypto.createHash('sha256').update(lines.join('\n')).digest('hex');

// ---------------------------------------------------------------- workers

export interface SyncRunRow {
  id: number;
  kind: string;
  mode: string;
  status: string;
  pages: number;
  created: number;
  updated: number;
  unchanged: number;
  rejected: number;
  deleted: number;
  error: string | null;
  job_id: string | null;
  cursor_before: string | null;
  cursor_after: string | null;
}

export async function syncRuns(orm: MikroORM, kind?: SyncKind): Promise<SyncRunRow[]> {
  return orm.em.getConnection().execute(
    `select id, kind, mode, status, pages, created, updated, unchanged, rejected, deleted, error, job_id,
              ${ISO('cursor_before')} as cursor_before, ${ISO('cursor_after')} as cursor_after
         from sync_run ${kind ? 'where kind = ?' : ''} order by id`,
    kind ? [kind] : [],
  );
}

export function silentContext(extra: Record<string, unknown> = {}): WorkerContext {
  const noop = () => undefined;
  return { logger: { info: noop, warn: noop, error: noop }, ...extra };
}

export function queueBackend(kind: QueueBackendKind, databaseUrl: string, prefix: string): QueueBackend {
  return createQueueBackend({
    redisUrl: kind === 'redis' ? process.env.REDIS_URL : undefined,
    databaseUrl,
    prefix,
    poolMax: 3,
  });
}

/** Sync workers on a backend, with quick retries, no schedulers, and the given adapter. */
export async function startSyncWorkers(
  backend: QueueBackend,
  orm: MikroORM,
  adapter: unknown,
  opts: { pageSize?: number; communityFilter?: boolean } = {},
): Promise<RunningWorkers & { context: WorkerContext }> {
  // The jobs read `platformAdapter` from this object at each run: tests may swap it.
  const context = silentContext({ orm, platformAdapter: adapter });
  const workers = await startWorkers({
    backend,
    jobs: createSyncJobs({
      schedule: false,
      attempts: 3,
      backoff: { type: 'fixed', delay: 200 },
      pageSize: opts.pageSize,
      communityFilter: opts.communityFilter,
    }),
    context,
    concurrency: 2,
  });
  return Object.assign(workers, { context });
}

/** Enqueues a sync through the same path as triggerSync, and waits for its job to finish. */
export async function runSyncJob(
  workers: RunningWorkers,
  kind: RecordSyncKind,
  mode: SyncMode,
  opts: { attempts?: number; timeoutMs?: number } = {},
): Promise<{ job: Job; result: SyncJobResult }> {
  const events = workers.queues.events('platform-sync');
  await events.waitUntilReady();
  const { job } = await enqueueSync(workers.queues, kind, mode, null, { attempts: opts.attempts ?? 3, backoff: { type: 'fixed', delay: 200 } });
  const result = (await job.waitUntilFinished(events, opts.timeoutMs ?? 20_000)) as SyncJobResult;
  return { job, result };
}

export async function eventually(fn: () => Promise<boolean> | boolean, ms: number, what: string): Promise<void> {
  const until = Date.now() + ms;
  while (!(await fn())) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await sleep(50);
  }
}
