import { RevokedToken } from './revoked-token.entity';
import { UserSession } from './user-session.entity';
import { AuditChainHead } from '../audit/audit-chain';
import { RateLimitCounter } from '../http/rate-limit';

/** Tables of the security work (issues 7, 12): signed-out tokens, audit chain heads, rate-limit counters, sessions' last use. */
export const SECURITY_ENTITIES = [RevokedToken, AuditChainHead, RateLimitCounter, UserSession];
