/**
 * The sync engine: reads one kind of record from the one-stop platform through a
 * `PlatformAdapter` and writes it into Zhunru's tables, recording a `SyncRun`.
 *
 * - INCREMENTAL reads records changed at or after the watermark (the latest platform
 *   `updatedAt` seen by the last SUCCEEDED run of the kind); FULL reads everything and,
 *   at the end, marks the rows the platform no longer lists as deleted (`deletedAt`).
 * - Each page is written in ONE transaction: set-based upserts keyed on `external_id`
 *   (`INSERT … ON CONFLICT (external_id) DO UPDATE … WHERE changed`, a page of up to
 *   1,000 rows per statement), the dead letters, and the run's counters. A row is
 *   rewritten only when something changed and the incoming version is not older than
 *   the stored one (out-of-order pages cannot roll a record back).
 * - Counts are of distinct records (externalId): a record seen twice in a run (duplicate,
 *   or changed mid-sync and listed again) counts once, by its strongest outcome
 *   (deleted > created > updated > unchanged).
 * - A record whose community, app or data element is unknown is not written at all: it
 *   goes to the dead-letter table with the reason (never half-imported).
 * - One run of a kind at a time: a session advisory lock held for the whole run on a
 *   dedicated connection. PostgreSQL releases it when the holder's connection dies, so a
 *   run that still says RUNNING while we hold the lock was abandoned by a dead process:
 *   the next run marks it ABANDONED before it starts.
 * - The watermark is stored on the run and only counts once the run SUCCEEDED, so a run
 *   killed half-way is simply repeated from the same watermark; the upserts make the
 *   repetition harmless (what was written already counts as unchanged).
 */
import type { MikroORM } from '@mikro-orm/postgresql';
import type { ClientBase } from 'pg';
import type { PlatformAdapter, RejectedRecord, ValidatedPage } from '../../../integrations/platform/types';
import { SyncKind, SyncMode, SyncStatus } from '../entity/sync-run.entity';
import { SyncRejectionCode } from '../entity/sync-rejected-record.entity';
import { refreshConsolidationPlanSql } from '../service/consolidation.service';
import type { DeadLetter, KindSpec, PlatformRecord, References } from './kind';
import { APPS } from './apps';
import { TERMINALS } from './terminals';
import { COLLECTED_VALUES } from './collected-values';

export type RecordSyncKind = SyncKind.APPS | SyncKind.TERMINALS | SyncKind.COLLECTED_VALUES;
export const RECORD_SYNC_KINDS: readonly RecordSyncKind[] = [SyncKind.APPS, SyncKind.TERMINALS, SyncKind.COLLECTED_VALUES];

/** Page size asked of the platform (the contract's maximum). */
export const SYNC_PAGE_SIZE = 1000;
/**
 * A deployment holding at most this many communities (a county, a city) asks the
 * platform for its own communities only; a province-wide one reads everything.
 */
export const COMMUNITY_FILTER_MAX = 500;
/** A run that changed at least this many rows refreshes the table's planner statistics. */
const ANALYZE_AFTER = 10_000;
/** Second key of the per-kind advisory lock (the first is a hash of this name). */
const LOCK_NAMESPACE = 'zhunru:platform-sync';
const LOCK_KEY: Record<SyncKind, number> = { APPS: 1, TERMINALS: 2, COLLECTED_VALUES: 3, PUSH_ADMISSIONS: 4 };

export interface SyncLogger {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

export interface SyncCounts {
  created: number;
  updated: number;
  unchanged: number;
  rejected: number;
  deleted: number;
}

export interface SyncProgress extends SyncCounts {
  runId: number;
  pages: number;
  /** Records read so far, including rejected and repeated ones. */
  records: number;
}

export interface RunSyncOptions {
  orm: MikroORM;
  adapter: PlatformAdapter;
  kind: RecordSyncKind;
  mode: SyncMode;
  jobId?: string | null;
  attempt?: number | null;
  requestedBy?: { userId: number; username: string } | null;
  pageSize?: number;
  /**
   * Ask the platform for the deployment's own communities only when it holds at most
   * COMMUNITY_FILTER_MAX of them (default true); false always reads everything.
   */
  communityFilter?: boolean;
  signal?: AbortSignal;
  onProgress?: (progress: SyncProgress) => unknown;
  logger?: SyncLogger;
}

export type SyncResult =
  | ({
      status: 'SUCCEEDED';
      runId: number;
      kind: RecordSyncKind;
      mode: SyncMode;
      pages: number;
      records: number;
      abandoned: number;
      cursorBefore: string | null;
      cursorAfter: string | null;
      /** Diagnostics (ms): waiting for the platform, writing pages, the final step (deletions, plan). */
      timings: { waitMs: number; writeMs: number; finishMs: number };
    } & SyncCounts)
  | { status: 'SKIPPED'; kind: RecordSyncKind; reason: string };

/** Thrown when a run fails; the run is recorded FAILED with this message. */
export class SyncRunError extends Error {
  constructor(
    message: string,
    readonly runId: number,
    readonly cause: unknown,
  ) {
    super(message);
    this.name = 'SyncRunError';
  }
}

// ---------------------------------------------------------------------------
// Counting
// ---------------------------------------------------------------------------

type Outcome = 'unchanged' | 'updated' | 'created' | 'deleted';
const RANK: Record<Outcome, number> = { unchanged: 0, updated: 1, created: 2, deleted: 3 };

/** Distinct-record tally of a run. */
export class SyncTally {
  readonly counts: SyncCounts = { created: 0, updated: 0, unchanged: 0, rejected: 0, deleted: 0 };
  private readonly outcomes = new Map<string, Outcome>();
  private readonly rejectedKeys = new Set<string>();

  record(externalId: string, outcome: Outcome): void {
    const previous = this.outcomes.get(externalId);
    if (previous === undefined) {
      this.outcomes.set(externalId, outcome);
      this.counts[outcome]++;
    } else if (RANK[outcome] > RANK[previous]) {
      this.outcomes.set(externalId, outcome);
      this.counts[previous]--;
      this.counts[outcome]++;
    }
  }

  reject(key: string): void {
    if (this.rejectedKeys.has(key)) return;
    this.rejectedKeys.add(key);
    this.counts.rejected++;
  }

  /** Every externalId the platform listed in this run (accepted or not). */
  seen(externalId: string): boolean {
    return this.outcomes.has(externalId) || this.rejectedKeys.has(`id:${externalId}`);
  }

  get seenCount(): number {
    return this.outcomes.size + this.rejectedKeys.size;
  }
}

const SPECS: Record<RecordSyncKind, KindSpec<any>> = { APPS, TERMINALS, COLLECTED_VALUES };

// ---------------------------------------------------------------------------
// The run
// ---------------------------------------------------------------------------

function deleteSql(table: string): string {
  return `
    update ${table} t set deleted_at = now(), platform_updated_at = x.platform_updated_at, updated_at = now()
      from jsonb_to_recordset($1::jsonb) as x(external_id text, platform_updated_at timestamptz)
     where t.external_id = x.external_id and t.deleted_at is null and t.platform_updated_at <= x.platform_updated_at
    returning t.id, t.external_id`;
}

const INSERT_DEAD_LETTERS_SQL = `
  insert into sync_rejected_record (sync_run_id, kind, external_id, code, reason, raw)
  select $1, $2::sync_kind, x.external_id, x.code::sync_rejection_code, x.reason, x.raw
    from jsonb_to_recordset($3::jsonb) as x(external_id text, code text, reason text, raw jsonb)`;

const UPDATE_RUN_COUNTS_SQL = `
  update sync_run set pages = $2, created = $3, updated = $4, unchanged = $5, rejected = $6, deleted = $7, updated_at = now()
   where id = $1`;

/** The watermark of a kind: the cursorAfter of its latest SUCCEEDED run. */
export async function currentWatermark(conn: Pick<ClientBase, 'query'>, kind: SyncKind): Promise<Date | null> {
  const { rows } = await conn.query<{ cursor_after: Date | string | null }>(
    `select cursor_after from sync_run where kind = $1 and status = 'SUCCEEDED' and cursor_after is not null order by id desc limit 1`,
    [kind],
  );
  // The ORM's pool may hand timestamps back as strings.
  const value = rows[0]?.cursor_after;
  return value == null ? null : new Date(value);
}

function describe(err: unknown): string {
  if (err instanceof Error) return err.message.slice(0, 4000);
  return String(err).slice(0, 4000);
}

function deadLetterFromAdapter(r: RejectedRecord): DeadLetter {
  return { externalId: r.externalId, code: SyncRejectionCode.MALFORMED, reason: r.reason, raw: r.raw };
}

function rejectionKey(d: DeadLetter): string {
  return d.externalId !== null ? `id:${d.externalId}` : `raw:${JSON.stringify(d.raw ?? null).slice(0, 2000)}`;
}

async function loadReferences(conn: ClientBase, spec: KindSpec<any>, communityFilter: boolean): Promise<References> {
  const refs: References = { communities: new Map(), apps: new Map(), departmentsByUscc: new Map(), departmentsByName: new Map(), dataElements: new Map() };
  if (spec.needs.includes('communities')) {
    const { rows } = await conn.query<{ id: number; code: string }>('select id, code from community');
    for (const r of rows) refs.communities.set(r.code, r.id);
    if (communityFilter && rows.length > 0 && rows.length <= COMMUNITY_FILTER_MAX) refs.communityFilter = rows.map((r) => r.code).sort();
  }
  if (spec.needs.includes('apps')) {
    const { rows } = await conn.query<{ id: number; external_id: string }>('select id, external_id from business_app');
    for (const r of rows) refs.apps.set(r.external_id, r.id);
  }
  if (spec.needs.includes('departments')) {
    const { rows } = await conn.query<{ id: number; uscc: string | null; name: string }>('select id, uscc, name from department');
    const nameCount = new Map<string, number>();
    for (const r of rows) nameCount.set(r.name, (nameCount.get(r.name) ?? 0) + 1);
    for (const r of rows) {
      if (r.uscc) refs.departmentsByUscc.set(r.uscc.toUpperCase(), r.id);
      if (nameCount.get(r.name) === 1) refs.departmentsByName.set(r.name, r.id);
    }
  }
  if (spec.needs.includes('dataElements')) {
    const { rows } = await conn.query<{ id: number; code: string }>('select id, code from data_element');
    for (const r of rows) refs.dataElements.set(r.code, r.id);
  }
  return refs;
}

/** Keeps, per externalId, the latest version in the page (the last one on a tie). */
function latestPerRecord<T extends PlatformRecord>(items: T[]): T[] {
  const byId = new Map<string, T>();
  for (const item of items) {
    const prev = byId.get(item.externalId);
    if (!prev || Date.parse(item.updatedAt) >= Date.parse(prev.updatedAt)) byId.set(item.externalId, item);
  }
  return [...byId.values()];
}

/**
 * A dedicated connection of the ORM's pool, for the whole run (it holds the advisory
 * lock and runs the page transactions).
 */
async function withConnection<T>(orm: MikroORM, fn: (conn: ClientBase) => Promise<T>): Promise<T> {
  const client = orm.em.getConnection().getKnex().client;
  const conn = (await client.acquireConnection()) as ClientBase;
  try {
    return await fn(conn);
  } finally {
    await client.releaseConnection(conn);
  }
}

/**
 * `fn` in one transaction on `conn`. `asyncCommit`: the commit does not wait for the WAL
 * flush. Safe for the page transactions: should PostgreSQL itself crash, it loses at most
 * the last few pages, never the run's final (synchronous) commit, whose durability implies
 * every earlier one's; and a lost page is simply written again by the repeated run.
 */
async function inTransaction<T>(conn: ClientBase, fn: () => Promise<T>, opts: { asyncCommit?: boolean } = {}): Promise<T> {
  await conn.query(opts.asyncCommit ? 'begin; set local synchronous_commit = off' : 'begin');
  try {
    const result = await fn();
    await conn.query('commit');
    return result;
  } catch (err) {
    await conn.query('rollback').catch(() => undefined);
    throw err;
  }
}

/** Runs one sync of a kind. Resolves SKIPPED when another run of the kind holds the lock. */
export async function runSync(opts: RunSyncOptions): Promise<SyncResult> {
  const { kind, mode, adapter, signal, logger } = opts;
  const spec = SPECS[kind];
  if (!spec) throw new Error(`not a record sync kind: ${kind}`);
  const pageSize = opts.pageSize ?? SYNC_PAGE_SIZE;

  return withConnection(opts.orm, async (conn) => {
    const { rows: locked } = await conn.query<{ ok: boolean }>('select pg_try_advisory_lock(hashtext($1), $2) as ok', [LOCK_NAMESPACE, LOCK_KEY[kind]]);
    if (!locked[0].ok) {
      logger?.info({ kind }, 'sync skipped: another run of this kind is in progress');
      return { status: 'SKIPPED', kind, reason: '同类同步正在运行 (another run of this kind is in progress)' };
    }
    try {
      return await runLocked(conn);
    } finally {
      await conn.query('select pg_advisory_unlock(hashtext($1), $2)', [LOCK_NAMESPACE, LOCK_KEY[kind]]).catch(() => undefined);
    }
  });

  async function runLocked(conn: ClientBase): Promise<SyncResult> {
    // We hold the lock, so any run of this kind still RUNNING lost its process.
    const abandoned = await conn.query(
      `update sync_run set status = 'ABANDONED', finished_at = now(), updated_at = now(),
              error = coalesce(error, '执行进程在同步过程中终止，由下一次运行标记为已中断 (worker died mid-run; marked by the next run)')
        where kind = $1 and status = 'RUNNING'`,
      [kind],
    );
    if (abandoned.rowCount) logger?.warn({ kind, runs: abandoned.rowCount }, 'marked abandoned sync runs');

    const watermark = await currentWatermark(conn, kind);
    const { rows: created } = await conn.query<{ id: number }>(
      `insert into sync_run (kind, mode, status, started_at, cursor_before, job_id, attempt, requested_by_id, requested_by_username)
       values ($1, $2, 'RUNNING', now(), $3, $4, $5, $6, $7) returning id`,
      [kind, mode, watermark, opts.jobId ?? null, opts.attempt ?? null, opts.requestedBy?.userId ?? null, opts.requestedBy?.username ?? null],
    );
    const runId = created[0].id;
    const tally = new SyncTally();
    /** Ids of the rows this run created, updated or deleted (for the scoped plan refresh). */
    const changedIds: number[] = [];
    let pages = 0;
    let records = 0;
    let maxUpdatedAt = watermark?.getTime() ?? Number.NEGATIVE_INFINITY;
    const started = Date.now();
    /** Diagnostics: time blocked waiting for the platform, and writing pages. */
    const timings = { waitMs: 0, writeMs: 0, finishMs: 0 };
    logger?.info({ kind, mode, runId, watermark: watermark?.toISOString() ?? null, jobId: opts.jobId }, 'sync started');

    try {
      const refs = await loadReferences(conn, spec, opts.communityFilter ?? true);
      const updatedSince = mode === SyncMode.INCREMENTAL && watermark ? watermark.toISOString() : null;
      const cursorsSeen = new Set<string>();
      const fetchPage = (cursor: string | null): Promise<ValidatedPage<PlatformRecord>> => {
        const p = spec.list(adapter, { updatedSince, cursor, pageSize, communityCodes: refs.communityFilter, signal });
        p.catch(() => undefined); // awaited below; not an unhandled rejection if a write fails first
        return p;
      };
      // The next page is fetched while the current one is written (the cursor comes with
      // the page), so the platform's latency and the database's work overlap.
      let pending: Promise<ValidatedPage<PlatformRecord>> | null = fetchPage(null);
      while (pending) {
        if (signal?.aborted) throw new Error(`同步被取消 (sync aborted): ${String(signal.reason ?? '')}`);
        const waited = Date.now();
        const page: ValidatedPage<PlatformRecord> = await pending;
        timings.waitMs += Date.now() - waited;
        pending = null;
        pages++;
        records += page.items.length + page.rejected.length;
        for (const item of page.items) {
          const t = Date.parse(item.updatedAt);
          if (t > maxUpdatedAt) maxUpdatedAt = t;
        }
        const cursor = page.nextCursor;
        if (cursor !== null) {
          if (cursorsSeen.has(cursor)) throw new Error('平台分页游标重复，分页不会结束 (the platform repeated a page cursor)');
          cursorsSeen.add(cursor);
          pending = fetchPage(cursor);
        }
        const writing = Date.now();
        await inTransaction(conn, () => writePage(conn, page, refs), { asyncCommit: true });
        timings.writeMs += Date.now() - writing;
        await opts.onProgress?.({ runId, pages, records, ...tally.counts });
      }

      const finishing = Date.now();
      await inTransaction(conn, async () => {
        if (mode === SyncMode.FULL) await markMissingDeleted(conn);
        const changed = tally.counts.created + tally.counts.updated + tally.counts.deleted;
        // After a bulk load the planner's statistics are stale; refresh them before the
        // set-based statements that follow (and for the queries of the next hours).
        if (changed >= ANALYZE_AFTER) await conn.query(`analyze ${spec.table}${kind === SyncKind.TERMINALS ? ', terminal_app' : ''}`);
        if ((kind === SyncKind.APPS || kind === SyncKind.TERMINALS) && changed > 0) {
          // The plan of the terminals this run touched (or, for a full run or a big change, of all).
          if (mode === SyncMode.FULL || changedIds.length > 20_000) await conn.query(refreshConsolidationPlanSql());
          else await conn.query(refreshConsolidationPlanSql(kind === SyncKind.APPS ? 'apps' : 'terminals'), [changedIds]);
        }
        const cursorAfter = Number.isFinite(maxUpdatedAt) ? new Date(maxUpdatedAt) : null;
        await conn.query(
          `update sync_run set status = 'SUCCEEDED', finished_at = now(), updated_at = now(), cursor_after = $2,
                  pages = $3, created = $4, updated = $5, unchanged = $6, rejected = $7, deleted = $8
            where id = $1`,
          [runId, cursorAfter, pages, tally.counts.created, tally.counts.updated, tally.counts.unchanged, tally.counts.rejected, tally.counts.deleted],
        );
      });
      timings.finishMs = Date.now() - finishing;
      const result: SyncResult = {
        status: 'SUCCEEDED',
        runId,
        kind,
        mode,
        pages,
        records,
        abandoned: abandoned.rowCount ?? 0,
        cursorBefore: watermark?.toISOString() ?? null,
        cursorAfter: Number.isFinite(maxUpdatedAt) ? new Date(maxUpdatedAt).toISOString() : null,
        ...tally.counts,
        timings,
      };
      logger?.info({ ...result, ms: Date.now() - started }, 'sync succeeded');
      return result;
    } catch (err) {
      const message = describe(err);
      await conn
        .query(
          `update sync_run set status = 'FAILED', finished_at = now(), updated_at = now(), error = $2,
                  pages = $3, created = $4, updated = $5, unchanged = $6, rejected = $7, deleted = $8
            where id = $1`,
          [runId, message, pages, tally.counts.created, tally.counts.updated, tally.counts.unchanged, tally.counts.rejected, tally.counts.deleted],
        )
        .catch((e) => logger?.error({ err: e, runId }, 'could not record the failed sync run'));
      logger?.warn({ kind, mode, runId, err: message, pages }, 'sync failed');
      const wrapped = new SyncRunError(message, runId, err);
      throw wrapped;
    }

    async function writePage(conn: ClientBase, page: ValidatedPage<PlatformRecord>, refs: References): Promise<void> {
      const deadLetters: DeadLetter[] = page.rejected.map(deadLetterFromAdapter);
      const latest = latestPerRecord(page.items);
      const live = latest.filter((r) => !r.deleted);
      const gone = latest.filter((r) => r.deleted);

      if (gone.length) {
        const { rows } = await conn.query<{ id: number; external_id: string }>(deleteSql(spec.table), [
          JSON.stringify(gone.map((r) => ({ external_id: r.externalId, platform_updated_at: r.updatedAt }))),
        ]);
        const deleted = new Set(rows.map((r) => r.external_id));
        for (const r of rows) changedIds.push(r.id);
        // Already deleted, never known here, or an older version: nothing to do.
        for (const r of gone) tally.record(r.externalId, deleted.has(r.externalId) ? 'deleted' : 'unchanged');
      }

      if (live.length) {
        const { rows, rejected } = await spec.toRows(live, refs, conn);
        deadLetters.push(...rejected);
        const refused = new Set(rejected.map((d) => d.externalId));
        if (rows.length) {
          const byId = new Map(rows.map((r) => [r.external_id as string, r]));
          const changed = await upsertRows(conn, rows, deadLetters);
          const changedHere = new Set(changed.map((c) => c.external_id));
          for (const c of changed) {
            tally.record(c.external_id, c.inserted ? 'created' : 'updated');
            changedIds.push(c.id);
          }
          for (const r of live) {
            if (!refused.has(r.externalId) && byId.has(r.externalId) && !changedHere.has(r.externalId)) tally.record(r.externalId, 'unchanged');
          }
          if (kind === SyncKind.APPS) for (const c of changed) refs.apps.set(c.external_id, c.id);
          await spec.afterUpsert?.(conn, changed, byId);
        }
      }

      if (deadLetters.length) {
        for (const d of deadLetters) tally.reject(rejectionKey(d));
        await conn.query(INSERT_DEAD_LETTERS_SQL, [
          runId,
          kind,
          JSON.stringify(deadLetters.map((d) => ({ external_id: d.externalId?.slice(0, 200) ?? null, code: d.code, reason: d.reason, raw: d.raw ?? null }))),
        ]);
      }
      await conn.query(UPDATE_RUN_COUNTS_SQL, [
        runId,
        pages,
        tally.counts.created,
        tally.counts.updated,
        tally.counts.unchanged,
        tally.counts.rejected,
        tally.counts.deleted,
      ]);
    }

    /**
     * The batch upsert; if it hits a constraint (a natural-key race the pre-checks did
     * not see), the page is retried row by row under savepoints and the offending rows
     * become dead letters, so one bad record cannot block the whole sync.
     */
    async function upsertRows(
      conn: ClientBase,
      rows: Array<Record<string, unknown>>,
      deadLetters: DeadLetter[],
    ): Promise<Array<{ id: number; external_id: string; inserted: boolean }>> {
      const strip = (r: Record<string, unknown>) => {
        const { app_ids: _apps, ...rest } = r;
        return rest;
      };
      await conn.query('savepoint batch');
      try {
        const { rows: changed } = await conn.query(spec.upsertSql, [JSON.stringify(rows.map(strip))]);
        await conn.query('release savepoint batch');
        return changed;
      } catch (err) {
        if ((err as { code?: string }).code !== '23505') throw err;
        await conn.query('rollback to savepoint batch');
      }
      const changed: Array<{ id: number; external_id: string; inserted: boolean }> = [];
      for (const row of rows) {
        await conn.query('savepoint one');
        try {
          const { rows: one } = await conn.query(spec.upsertSql, [JSON.stringify([strip(row)])]);
          await conn.query('release savepoint one');
          changed.push(...one);
        } catch (err) {
          if ((err as { code?: string }).code !== '23505') throw err;
          await conn.query('rollback to savepoint one');
          deadLetters.push({
            externalId: row.external_id as string,
            code: SyncRejectionCode.DUPLICATE_NATURAL_KEY,
            reason: `与已有记录冲突：${(err as Error).message} (conflicts with an existing record)`,
            raw: row,
          });
        }
      }
      return changed;
    }

    /** FULL: rows the platform did not list in this run are marked deleted. */
    async function markMissingDeleted(conn: ClientBase): Promise<void> {
      const { rows } = await conn.query<{ id: number; external_id: string }>(`select id, external_id from ${spec.table} where deleted_at is null`);
      const missing = rows.filter((r) => !tally.seen(r.external_id));
      if (!missing.length) return;
      if (tally.seenCount === 0) {
        throw new Error(
          `平台全量列表为空，拒绝将本地 ${missing.length} 条记录全部标记为删除 (the full listing was empty; refusing to mark all ${missing.length} rows deleted)`,
        );
      }
      for (let i = 0; i < missing.length; i += 10_000) {
        const batch = missing.slice(i, i + 10_000);
        const { rows: deleted } = await conn.query<{ external_id: string }>(
          `update ${spec.table} set deleted_at = now(), updated_at = now() where id = any($1::int[]) and deleted_at is null returning external_id`,
          [batch.map((r) => r.id)],
        );
        for (const d of deleted) tally.record(d.external_id, 'deleted');
      }
    }
  }
}

/** Statuses a run can end in (for the GraphQL layer and tests). */
export const FINAL_STATUSES = [SyncStatus.SUCCEEDED, SyncStatus.FAILED, SyncStatus.ABANDONED] as const;
