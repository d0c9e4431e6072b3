import { QUEUES } from '../queues';
import type { JobDefinition } from '../runtime';
import type { AppWorkerContext } from './housekeeping';
import { expireAdmissions, flagOverdueEmergencies } from '../../src/admission/schedules';

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
