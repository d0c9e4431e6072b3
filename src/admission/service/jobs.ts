import { QUEUES } from '../../queue/backend';
import type { JobDefinition } from '../../queue/runtime';
import type { AppWorkerContext } from '../../queue/runtime';
import { expireAdmissions, flagOverdueEmergencies } from './schedules';
import { refreshRevocationLists } from '../documents/revocation-list';
import { loadConfig } from '../../config';

/** Every 10 minutes: flag and escalate emergency entries past their approval deadline. */
export const flagOverdueEmergenciesJob: JobDefinition<Record<string, never>, { flagged: number; numbers: string[] }> = {
  queue: QUEUES.admission,
  name: 'flag-overdue-emergencies',
  schedule: { every: 10 * 60_000 },
  async process(_job, ctx) {
    const { orm, logger } = ctx as AppWorkerContext;
    const flagged = await flagOverdueEmergencies(orm.em.fork());
    if (flagged.length) logger.warn({ numbers: flagged.map((a) => a.number) }, 'emergency entries overdue: escalated');
    return { flagged: flagged.length, numbers: flagged.map((a) => a.number) };
  },
};

/** Daily at 00:05 Beijing time: items past their validity leave communities (REVOKED). */
export const expireAdmissionsJob: JobDefinition<Record<string, never>, { expired: number }> = {
  queue: QUEUES.admission,
  name: 'expire-admissions',
  schedule: { pattern: '5 0 * * *', tz: 'Asia/Shanghai' },
  async process(_job, ctx) {
    const { orm, logger } = ctx as AppWorkerContext;
    const expired = await expireAdmissions(orm.em.fork());
    logger.info({ expired }, 'expired admissions revoked');
    return { expired };
  },
};

/**
 * Every 10 minutes: each county's signed revocation list is re-issued, so offline checks can
 * say "valid as of the list dated …" with a recent date. Lists are also re-issued on demand
 * (download, offline page) when a county's documents changed since the last one.
 */
export const refreshRevocationListsJob: JobDefinition<Record<string, never>, { counties: number; entries: number }> = {
  queue: QUEUES.admission,
  name: 'refresh-revocation-lists',
  schedule: { pattern: '*/10 * * * *', tz: 'Asia/Shanghai' },
  attempts: 3,
  backoff: { type: 'exponential', delay: 30_000 },
  async process(_job, ctx) {
    const { orm, logger } = ctx as AppWorkerContext;
    const result = await refreshRevocationLists(orm.em.fork(), (ctx as AppWorkerContext).config ?? loadConfig());
    logger.info(result, 'revocation lists refreshed');
    return result;
  },
};
