/**
 * The audit trail (留痕): one event per mutation, in its transaction, hash-chained per
 * county (SM3). The public surface of the module.
 */
import './audit.subscribers';
import { AuditEvent } from './audit-event.entity';
import { AuditChainHead } from './audit-chain';
import { AuditResolver } from './audit.resolver';

export * from './audit-event.entity';
export * from './audit-chain';

export { AuditEvent, AuditChainHead };
export const AUDIT_RESOLVERS = [AuditResolver] as const;
