import { RevokedToken } from './revoked-token.entity';

/** Tables of issue 7's security work kept by auth: signed-out tokens (audit chain heads and rate-limit counters are listed by their own modules). */
export const SECURITY_ENTITIES = [RevokedToken];
