import { MetadataStorage, helper, wrap } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Actor } from '../kernel/context';
import { AuditEvent } from './audit-event.entity';

export interface AuditInput {
  /** Dotted verb, e.g. `application.submit`, `apiToken.revoke`. */
  action: string;
  /** The record: an entity (type and key taken from it) or an explicit type and key. */
  entity: { constructor: { name: string }; id: number | string } | { type: string; id: number | string };
  before?: unknown;
  after?: unknown;
  comment?: string | null;
  countyId?: number | null;
}

let hiddenNames: Set<string> | undefined;
/** Names of the properties any entity declares `hidden` (password and token hashes, sign-in counters). */
function hiddenProperties(): Set<string> {
  hiddenNames ??= new Set(
    Object.values(MetadataStorage.getMetadata()).flatMap((meta) => Object.values(meta.properties ?? {}).filter((p) => p.hidden).map((p) => p.name as string)),
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
  const hidden = new Set([...hiddenProperties(), ...helper(entity).__meta.props.filter((p) => p.hidden).map((p) => p.name as string)]);
  return withoutHidden(JSON.parse(JSON.stringify(wrap(entity).toPOJO())), hidden) as Record<string, unknown>;
}

/**
 * Writes an audit event through `em`, so it commits or rolls back with the change it
 * records. Call it inside the mutation's transaction.
 */
export function recordAudit(em: EntityManager, who: { actor: Actor | null; requestId?: string }, input: AuditInput): AuditEvent {
  const type = 'type' in input.entity ? input.entity.type : input.entity.constructor.name;
  const event = em.create(AuditEvent, {
    actor: who.actor ? who.actor.userId : null,
    actorUsername: who.actor?.username ?? null,
    actorRole: who.actor?.role ?? null,
    action: input.action,
    entityType: type,
    entityId: String(input.entity.id),
    county: input.countyId ?? null,
    before: input.before ?? null,
    after: input.after ?? null,
    comment: input.comment ?? null,
    requestId: who.requestId ?? null,
  } as never);
  em.persist(event);
  return event;
}
