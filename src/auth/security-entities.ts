import { RevokedToken } from './revoked-token.entity';
import { AuditChainHead } from '../audit/audit-chain';
import { RateLimitCounter } from '../http/rate-limit';

/** Tables of issue 7's security work: signed-out tokens, audit chain heads, rate-limit counters. */
export const SECURITY_ENTITIES = [RevokedToken, AuditChainHead, RateLimitCounter];
