import { wrap } from '@mikro-orm/core';
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

/** A plain JSON copy of an entity's own columns (references as keys), for before/after. */
export function snapshot(entity: object | null | undefined): Record<string, unknown> | null {
  if (!entity) return null;
  return JSON.parse(JSON.stringify(wrap(entity).toPOJO()));
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
