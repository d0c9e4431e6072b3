import { ApiToken } from './api-token.entity';
import { QUEUES } from '../queue/backend';
import type { AppWorkerContext, JobDefinition } from '../queue/runtime';

/** API tokens revoked or expired longer ago than this are deleted. */
export const API_TOKEN_RETENTION_DAYS = 90;

/**
 * Daily at 03:15 (Beijing time): delete API tokens that were revoked or expired more
 * than 90 days ago, so the token table holds only what can still be audited usefully.
 */
export const purgeStaleApiTokens: JobDefinition<Record<string, never>, { deleted: number }> = {
  queue: QUEUES.housekeeping,
  name: 'purge-stale-api-tokens',
  schedule: { pattern: '15 3 * * *', tz: 'Asia/Shanghai' },
  async process(_job, ctx) {
    const { orm, logger } = ctx as AppWorkerContext;
    const cutoff = new Date(Date.now() - API_TOKEN_RETENTION_DAYS * 86_400_000);
    const deleted = await orm.em.fork().nativeDelete(ApiToken, { $or: [{ revokedAt: { $lt: cutoff } }, { expiresAt: { $lt: cutoff } }] });
    logger.info({ deleted }, 'purged stale API tokens');
    return { deleted };
  },
};
