import { ApiToken } from './api-token.entity';
import { QUEUES } from '../queue/backend';
import type { AppWorkerContext, JobDefinition } from '../queue/runtime';

/** API tokens revoked or expired longer ago than this are deleted. */
export const API_TOKEN_RETENTION_DAYS = 90;

/**
 * Daily at 03:15 (Beijing time): delete API tokens that were revoked or expired more
 * than 90 days ago, so the token table holds only what can still be audited usefully, and
 * the records of sign-in tokens that have expired (revocations, sessions' last use).
 * Audit events are never deleted here or anywhere in the application: they are kept at
 * least 180 days (等保), and the database refuses to delete younger ones
 * (Migration20261204194316_security_level3).
 */
export const purgeStaleApiTokens: JobDefinition<Record<string, never>, { deleted: number }> = {
  queue: QUEUES.housekeeping,
  name: 'purge-stale-api-tokens',
  schedule: { pattern: '15 3 * * *', tz: 'Asia/Shanghai' },
  async process(_job, ctx) {
    const { orm, logger } = ctx as AppWorkerContext;
    const cutoff = new Date(Date.now() - API_TOKEN_RETENTION_DAYS * 86_400_000);
    const em = orm.em.fork();
    const deleted = await em.nativeDelete(ApiToken, { $or: [{ revokedAt: { $lt: cutoff } }, { expiresAt: { $lt: cutoff } }] });
    const sessions = await em.getConnection().execute(`delete from user_session where expires_at < now() - interval '1 day'`, [], 'run');
    const revoked = await em.getConnection().execute(`delete from revoked_token where expires_at < now() - interval '1 day'`, [], 'run');
    logger.info(
      {
        deleted,
        sessions: (sessions as unknown as { affectedRows?: number }).affectedRows,
        revocations: (revoked as unknown as { affectedRows?: number }).affectedRows,
      },
      'purged stale API tokens and expired session records',
    );
    return { deleted };
  },
};
