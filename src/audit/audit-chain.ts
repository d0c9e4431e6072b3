import crypto from 'node:crypto';
import { sm3Hex } from '../kernel/gm';
import { Entity, PrimaryKey, Property } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';

/**
 * The tamper-evident audit trail (issue 7, item 5).
 *
 * Every AuditEvent belongs to one chain: its county's (`county:<id>`) or, without a
 * county, the global chain (`global`). When an event is inserted (a `@BeforeCreate`
 * hook, inside the flush's transaction, so every call site of `recordAudit` is covered)
 * the chain's head row is locked (`INSERT … ON CONFLICT DO UPDATE` takes the row lock
 * until commit, so appends to one chain serialize while different counties proceed in
 * parallel), the event gets its id from the sequence under that lock (ids follow chain
 * order), `prevHash` = the head's hash and `hash` = SHA-256 of the canonical JSON of its
 * content and `prevHash`; the head then records the new hash, id and length.
 *
 * The head also makes deleting the newest events detectable (the chain would otherwise
 * just end earlier). Anyone able to rewrite the database can recompute every hash: keep
 * the head hashes `verifyAuditChain` reports somewhere else (printed, mailed, another
 * system) to anchor the chain against that.
 */
@Entity({ tableName: 'audit_chain_head' })
export class AuditChainHead {
  /** `global` or `county:<region id>`. */
  @PrimaryKey({ type: 'text' })
  chainKey!: string;

  @Property({ type: 'integer', nullable: true })
  countyId?: number | null;

  @Property({ type: 'bigint', nullable: true })
  lastId?: string | null;

  @Property({ type: 'char', length: 64, nullable: true })
  lastHash?: string | null;

  @Property({ type: 'bigint', default: 0 })
  length: string = '0';

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  updatedAt: Date = new Date();
}

export const chainKeyOf = (countyId: number | null | undefined): string => (countyId == null ? 'global' : `county:${countyId}`);

/** JSON with object keys sorted at every level and `undefined` dropped: one text per value. */
export function canonicalJson(value: unknown): string {
  // eslint-disable-next-line @typescript-eslint/no-unsafe-assignment -- JSON read from a file or a column; its shape is checked where it is used
  const normal = value === undefined ? null : JSON.parse(JSON.stringify(value));
  const write = (v: unknown): string => {
    if (v === null || typeof v !== 'object') return JSON.stringify(v);
    if (Array.isArray(v)) return `[${v.map(write).join(',')}]`;
    const keys = Object.keys(v).sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${write((v as Record<string, unknown>)[k])}`).join(',')}}`;
  };
  return write(normal);
}

/** The fields an event's hash covers, as stored (references as ids, time as ISO text). */
export interface ChainedContent {
  id: string;
  occurredAt: Date | string;
  actorId: number | null;
  actorUsername: string | null;
  actorRole: string | null;
  action: string;
  entityType: string;
  entityId: string;
  countyId: number | null;
  before: unknown;
  after: unknown;
  comment: string | null;
  requestId: string | null;
}

/** Hash algorithms of the chain: SM3 (GM/T 0004) for new events; SHA-256 for events written before it (recorded per event). */
export type ChainHashAlgorithm = 'sha256' | 'sm3';
/** The algorithm new events are hashed with. */
export const CHAIN_HASH_ALGORITHM: ChainHashAlgorithm = 'sm3';

/**
 * Hash (hex) of an event: its canonical content and the previous hash. Version 1 (SHA-256,
 * the events written before SM3) hashes the content as it always did; version 2 (SM3) also
 * names the algorithm inside the hashed text, so relabelling an event's algorithm breaks it.
 */
export function eventHash(content: ChainedContent, prevHash: string | null, algorithm: ChainHashAlgorithm = 'sha256'): string {
  const fields = {
    id: String(content.id),
    occurredAt: new Date(content.occurredAt).toISOString(),
    actorId: content.actorId ?? null,
    actorUsername: content.actorUsername ?? null,
    actorRole: content.actorRole ?? null,
    action: content.action,
    entityType: content.entityType,
    entityId: String(content.entityId),
    countyId: content.countyId ?? null,
    before: content.before ?? null,
    after: content.after ?? null,
    comment: content.comment ?? null,
    requestId: content.requestId ?? null,
    prevHash: prevHash ?? null,
  };
  if (algorithm === 'sm3') return sm3Hex(canonicalJson({ v: 2, alg: 'sm3', ...fields }));
  return crypto
    .createHash('sha256')
    .update(canonicalJson({ v: 1, ...fields }), 'utf8')
    .digest('hex');
}

/** The columns of an audit event the chain reads and sets (src/audit/audit-event.entity.ts). */
export interface ChainableEvent {
  id: string;
  occurredAt: Date;
  actor?: { id: number } | null;
  actorUsername?: string | null;
  actorRole?: string | null;
  action: string;
  entityType: string;
  entityId: string;
  county?: { id: number } | null;
  before?: unknown;
  after?: unknown;
  comment?: string | null;
  requestId?: string | null;
  prevHash?: string | null;
  hash?: string | null;
  hashAlgorithm?: string | null;
}

function contentOf(event: ChainableEvent): ChainedContent {
  return {
    id: String(event.id),
    occurredAt: event.occurredAt,
    actorId: event.actor?.id ?? null,
    actorUsername: event.actorUsername ?? null,
    actorRole: event.actorRole ?? null,
    action: event.action,
    entityType: event.entityType,
    entityId: event.entityId,
    countyId: event.county?.id ?? null,
    before: event.before ?? null,
    after: event.after ?? null,
    comment: event.comment ?? null,
    requestId: event.requestId ?? null,
  };
}

/** Appends `event` to its chain: lock the head, take the next id, hash, move the head. */
export async function appendToChain(em: EntityManager, event: ChainableEvent): Promise<void> {
  const conn = em.getConnection();
  // eslint-disable-next-line @typescript-eslint/no-unsafe-assignment -- MikroORM types the transaction context as any
  const trx = em.getTransactionContext();
  const countyId = event.county?.id ?? null;
  const key = chainKeyOf(countyId);
  // JavaScript dates have millisecond precision, which timestamptz keeps: what is read back is what was hashed.
  if (!(event.occurredAt instanceof Date)) event.occurredAt = new Date(event.occurredAt ?? Date.now());
  const [head] = await conn.execute<{ last_hash: string | null; next_id: string }[]>(
    `insert into audit_chain_head as h (chain_key, county_id, length) values (?, ?, 0)
     on conflict (chain_key) do update set chain_key = excluded.chain_key
     returning h.last_hash, nextval(pg_get_serial_sequence('audit_event', 'id'))::text as next_id`,
    [key, countyId],
    'all',
    trx,
  );
  event.id = head.next_id;
  event.prevHash = head.last_hash ?? null;
  event.hashAlgorithm = CHAIN_HASH_ALGORITHM;
  event.hash = eventHash(contentOf(event), event.prevHash, CHAIN_HASH_ALGORITHM);
  await conn.execute(
    `update audit_chain_head set last_id = ?, last_hash = ?, length = length + 1, updated_at = now() where chain_key = ?`,
    [event.id, event.hash, key],
    'run',
    trx,
  );
}

// ---------------------------------------------------------------------------
// Verification
// ---------------------------------------------------------------------------

export type ChainProblem = 'EDITED' | 'BROKEN_LINK' | 'MISSING_HASH' | 'TRUNCATED' | 'HEAD_MISSING';

export interface ChainBreak {
  /** Database id of the first event that does not check out (for TRUNCATED: the last one left). */
  eventId: string | null;
  problem: ChainProblem;
  message: string;
  messageEn: string;
}

export interface ChainReport {
  chainKey: string;
  countyId: number | null;
  valid: boolean;
  eventCount: number;
  /** Hash of the newest event as recorded in the head (keep it elsewhere to anchor the chain). */
  headHash: string | null;
  firstBreak: ChainBreak | null;
}

interface Row {
  id: string;
  occurred_at: Date;
  actor_id: number | null;
  actor_username: string | null;
  actor_role: string | null;
  action: string;
  entity_type: string;
  entity_id: string;
  county_id: number | null;
  before: unknown;
  after: unknown;
  comment: string | null;
  request_id: string | null;
  prev_hash: string | null;
  hash: string | null;
  hash_algorithm: string | null;
}

const BATCH = 2000;

/** Walks one chain in id order, recomputing every hash; stops at the first break. */
async function verifyChain(
  em: EntityManager,
  countyId: number | null,
  head: { last_hash: string | null; last_id: string | null; length: string } | undefined,
): Promise<ChainReport> {
  const conn = em.getConnection();
  const key = chainKeyOf(countyId);
  let count = 0;
  let prev: Row | null = null;
  let firstBreak: ChainBreak | null = null;
  let after = '0';
  const broken = (row: Row | null, problem: ChainProblem, message: string, messageEn: string): ChainBreak => ({
    eventId: row?.id ?? null,
    problem,
    message,
    messageEn,
  });
  outer: for (;;) {
    const rows = await conn.execute<Row[]>(
      `select id::text as id, occurred_at, actor_id, actor_username, actor_role, action, entity_type, entity_id, county_id, before, after, comment, request_id, prev_hash, hash, hash_algorithm
       from audit_event where county_id is not distinct from ? and id > ?::bigint order by audit_event.id limit ${BATCH}`,
      [countyId, after],
    );
    for (const row of rows) {
      count++;
      if (!row.hash) {
        firstBreak = broken(
          row,
          'MISSING_HASH',
          `审计事件 #${row.id} 没有哈希：它绕过了审计链写入`,
          `Audit event #${row.id} has no hash: it was written around the chain`,
        );
        break outer;
      }
      const expectedPrev = prev?.hash ?? null;
      if ((row.prev_hash ?? null) !== expectedPrev) {
        firstBreak = prev
          ? broken(
              row,
              'BROKEN_LINK',
              `审计事件 #${row.id} 与前一条 #${prev.id} 不衔接：两者之间的事件被删除、前一条被改动，或顺序被调换`,
              `Audit event #${row.id} does not follow #${prev.id}: events between were deleted, #${prev.id} was altered, or events were reordered`,
            )
          : broken(
              row,
              'BROKEN_LINK',
              `审计事件 #${row.id} 不是链首却是现存最早的一条：之前的事件被删除`,
              `Audit event #${row.id} is the oldest left but not the first of the chain: earlier events were deleted`,
            );
        break outer;
      }
      const recomputed = eventHash(
        {
          id: row.id,
          occurredAt: row.occurred_at,
          actorId: row.actor_id,
          actorUsername: row.actor_username,
          actorRole: row.actor_role,
          action: row.action,
          entityType: row.entity_type,
          entityId: row.entity_id,
          countyId: row.county_id,
          before: row.before,
          after: row.after,
          comment: row.comment,
          requestId: row.request_id,
        },
        row.prev_hash,
        row.hash_algorithm === 'sm3' ? 'sm3' : 'sha256',
      );
      if (recomputed !== row.hash) {
        firstBreak = broken(
          row,
          'EDITED',
          `审计事件 #${row.id} 的内容与其哈希不符：记录被改动`,
          `Audit event #${row.id} does not match its hash: it was edited`,
        );
        break outer;
      }
      prev = row;
    }
    if (rows.length < BATCH) break;
    after = rows[rows.length - 1].id;
  }
  if (!firstBreak && count > 0 && !head) {
    firstBreak = broken(prev, 'HEAD_MISSING', '审计链的链头记录缺失', 'The chain head record is missing');
  }
  if (!firstBreak && head && (Number(head.length) !== count || (head.last_hash ?? null) !== (prev?.hash ?? null))) {
    firstBreak = broken(
      prev,
      'TRUNCATED',
      prev
        ? `审计链应有 ${head.length} 条事件、止于 #${head.last_id}，现止于 #${prev.id}（共 ${count} 条）：最新的事件被删除`
        : `审计链应有 ${head.length} 条事件，现在一条也没有：事件被删除`,
      prev
        ? `The chain should hold ${head.length} events ending at #${head.last_id}; it ends at #${prev.id} (${count}): the newest events were deleted`
        : `The chain should hold ${head.length} events; none are left`,
    );
  }
  return { chainKey: key, countyId, valid: !firstBreak, eventCount: count, headHash: head?.last_hash ?? null, firstBreak };
}

/**
 * Verifies the chain of one county (`countyId`), the global chain (`countyId: null`) or,
 * with `countyId` undefined, every chain there is. Reads the events in batches.
 */
export async function verifyAuditChain(em: EntityManager, countyId?: number | null): Promise<ChainReport[]> {
  const conn = em.getConnection();
  const heads = await conn.execute<{ chain_key: string; county_id: number | null; last_hash: string | null; last_id: string | null; length: string }[]>(
    `select chain_key, county_id, last_hash, last_id::text as last_id, length::text as length from audit_chain_head`,
  );
  const headOf = new Map(heads.map((h) => [h.chain_key, h]));
  let counties: (number | null)[];
  if (countyId !== undefined) {
    counties = [countyId];
  } else {
    const present = await conn.execute<{ county_id: number | null }[]>(`select distinct county_id from audit_event`);
    const all = new Set<number | null>([null, ...present.map((r) => r.county_id), ...heads.map((h) => h.county_id)]);
    counties = [...all].sort((a, b) => (a ?? -1) - (b ?? -1));
  }
  const reports: ChainReport[] = [];
  for (const c of counties) reports.push(await verifyChain(em, c, headOf.get(chainKeyOf(c))));
  return reports;
}
