import type { EntityManager } from '@mikro-orm/postgresql';
import type { AuditEntry, Doer } from '../kernel/mutation';
import { AuditEvent } from './audit-event.entity';

/**
 * Writes an audit event through `em`, so it commits or rolls back with the change it
 * records. Code elsewhere calls `audit()` (src/kernel/mutation.ts), or changes records
 * with `changeRecord` / `createRecord`; the audit module answers the `RecordChanged`
 * event with this (./audit.subscribers.ts).
 */
export function recordAudit(em: EntityManager, who: Doer, input: AuditEntry): AuditEvent {
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
