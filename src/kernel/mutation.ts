import { LockMode, MetadataStorage, helper, wrap, type EntityName } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Actor } from './context';
import { conflict, notFound } from './errors';
import { events } from './events';
import { fromGlobalId } from './global-id';
import type { StateMachine } from './state-machine';

/**
 * The one skeleton of a mutation: one transaction; the record loaded with its row locked
 * (concurrent changes queue up); the version checked; access, state and input checked;
 * a snapshot before; the change; a snapshot after and the audit event (留痕) in the same
 * transaction — or nothing at all.
 *
 * The audit event is written by the audit module, which subscribes to `RecordChanged`
 * (src/kernel/events.ts): the kernel knows no domain module.
 */

/** Who did it, for the audit trail: a person (with the request), or the system (`actor: null`). */
export interface Doer {
  actor: Actor | null;
  requestId?: string;
}

/** What an audit event records. */
export interface AuditEntry {
  /** Dotted verb, e.g. `application.submit`, `apiToken.revoke`. */
  action: string;
  /** The record: an entity (type and key taken from it) or an explicit type and key. */
  entity: { constructor: { name: string }; id: number | string } | { type: string; id: number | string };
  before?: unknown;
  after?: unknown;
  comment?: string | null;
  countyId?: number | null;
}

/** A change to record in the audit trail, published inside the change's transaction. */
export class RecordChanged {
  static readonly required = true;
  constructor(
    readonly doer: Doer,
    readonly entry: AuditEntry,
  ) {}
}

/** Writes the audit event of a change through `em` (so it commits or rolls back with it). */
export async function audit(em: EntityManager, doer: Doer, entry: AuditEntry): Promise<void> {
  await events.publish(em, new RecordChanged(doer, entry));
}

let hiddenNames: Set<string> | undefined;
/** Names of the properties any entity declares `hidden` (password and token hashes, sign-in counters). */
function hiddenProperties(): Set<string> {
  hiddenNames ??= new Set(
    Object.values(MetadataStorage.getMetadata()).flatMap((meta) =>
      Object.values(meta.properties ?? {})
        .filter((p) => p.hidden)
        .map((p) => p.name),
    ),
  );
  return hiddenNames;
}

function withoutHidden(value: unknown, hidden: Set<string>, depth = 0): unknown {
  if (!value || typeof value !== 'object' || depth > 20) return value;
  if (Array.isArray(value)) return value.map((v) => withoutHidden(v, hidden, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) if (!hidden.has(k)) out[k] = withoutHidden(v, hidden, depth + 1);
  return out;
}

/**
 * A plain JSON copy of an entity's own columns (references as keys, populated relations
 * as objects), for before/after. Hidden properties (password and token hashes, sign-in
 * counters) are left out at every level: the audit trail is readable through the API
 * and must hold no secret.
 */
export function snapshot(entity: object | null | undefined): Record<string, unknown> | null {
  if (!entity) return null;
  const hidden = new Set([
    ...hiddenProperties(),
    ...helper(entity)
      .__meta.props.filter((p) => p.hidden)
      .map((p) => p.name as string),
  ]);
  return withoutHidden(JSON.parse(JSON.stringify(wrap(entity).toPOJO())), hidden) as Record<string, unknown>;
}

type Entity = { id: number };
type Klass<T> = EntityName<T> & { name: string };

/**
 * Loads the record a mutation acts on with its row locked: a malformed global ID is
 * BAD_USER_INPUT (field `id`), a missing record (or one outside the reader's
 * jurisdiction) NOT_FOUND. `what` names it in the message (['该挂牌', 'Plaque']).
 */
export async function lockRecord<T extends Entity>(
  em: EntityManager,
  entity: Klass<T>,
  id: string | number,
  what: readonly [string, string],
  options: { refresh?: boolean; populate?: string[] } = {},
): Promise<T> {
  const key = typeof id === 'number' ? id : fromGlobalId(id, entity.name, 'id').id;
  const row = (await em.findOne(entity, { id: key }, { lockMode: LockMode.PESSIMISTIC_WRITE, ...options } as never)) as T | null;
  if (!row) throw notFound(what[0], what[1]);
  return row;
}

export interface MutationContext extends Doer {
  em: EntityManager;
}

/** How one record changes (see `changeRecord`). */
export interface ChangeSpec<T, A extends string = string> {
  /** What it is, for NOT_FOUND: ['该挂牌', 'Plaque']. */
  what: readonly [string, string];
  /** The audit action (`plaque.remove`), or a function of the record. */
  action: string | ((record: T) => string);
  /** Who may act on this record (throws FORBIDDEN), before its state is looked at. */
  access?(record: T): void;
  /** The lifecycle transition this change is (CONFLICT when the record is not in a state it starts from). */
  lifecycle?: { machine: StateMachine<string, A, T>; action: A };
  /** The version the caller saw (CONFLICT when the record changed since). */
  expectedVersion?: { expected: number | null | undefined; message: readonly [string, string] };
  /** Input checks that need the record (throw BAD_USER_INPUT). */
  check?(record: T, em: EntityManager): void | Promise<void>;
  /** The change itself. */
  apply(record: T, em: EntityManager): void | Promise<void>;
  /** The audit comment. */
  comment?: string | null | ((record: T) => string | null | undefined);
  /** The county the record belongs to (the audit chain it joins). */
  county(record: T): number | null;
  /** Lock options (refresh: re-read a record the request already holds). */
  lock?: { refresh?: boolean; populate?: string[] };
}

/**
 * Changes one record, atomically: lock → access → lifecycle state → version → checks →
 * snapshot → change (and the new state) → audit → flush. Returns the record.
 */
export async function changeRecord<T extends Entity, A extends string = string>(
  ctx: MutationContext,
  entity: Klass<T>,
  id: string | number,
  spec: ChangeSpec<T, A>,
): Promise<T> {
  return ctx.em.transactional(async (em) => {
    const record = await lockRecord(em, entity, id, spec.what, spec.lock);
    await changeLocked(em, ctx, record, spec);
    await em.flush();
    return record;
  });
}

/** The same steps on a record already loaded and locked in the caller's transaction. */
export async function changeLocked<T extends object, A extends string = string>(
  em: EntityManager,
  doer: Doer,
  record: T,
  spec: Omit<ChangeSpec<T, A>, 'what' | 'lock'>,
): Promise<void> {
  spec.access?.(record);
  const t = spec.lifecycle ? spec.lifecycle.machine.checkActor(record, spec.lifecycle.action, undefined) : null;
  if (spec.expectedVersion && spec.expectedVersion.expected != null && spec.expectedVersion.expected !== (record as { version?: number }).version) {
    throw conflict(spec.expectedVersion.message[0], spec.expectedVersion.message[1]);
  }
  await spec.check?.(record, em);
  const before = snapshot(record);
  await spec.apply(record, em);
  if (t && spec.lifecycle) await spec.lifecycle.machine.apply(record, t, undefined);
  await audit(em, doer, {
    action: typeof spec.action === 'function' ? spec.action(record) : spec.action,
    entity: record as unknown as AuditEntry['entity'],
    before,
    after: snapshot(record),
    comment: (typeof spec.comment === 'function' ? spec.comment(record) : spec.comment) ?? null,
    countyId: spec.county(record),
  });
}

/** How a record is made (see `createRecord`). */
export interface CreateSpec<T> {
  /** Builds the record (validated, references loaded) inside the transaction. */
  build(em: EntityManager): Promise<T> | T;
  action: string;
  comment?: string | null | ((record: T) => string | null | undefined);
  county(record: T): number | null;
  /** Who the audit event names, when not the context's actor (an anonymous report names no one). */
  doer?: Doer;
}

/** Makes one record, atomically: build → persist → audit (with its id) → flush. */
export async function createRecord<T extends object>(ctx: MutationContext, spec: CreateSpec<T>): Promise<T> {
  return ctx.em.transactional(async (em) => {
    const record = await spec.build(em);
    em.persist(record);
    await em.flush();
    await audit(em, spec.doer ?? ctx, {
      action: spec.action,
      entity: record as unknown as AuditEntry['entity'],
      after: snapshot(record),
      comment: (typeof spec.comment === 'function' ? spec.comment(record) : spec.comment) ?? null,
      countyId: spec.county(record),
    });
    await em.flush();
    return record;
  });
}
