import type { Job } from 'bullmq';
import { QUEUES } from '../../queue/backend';
import type { JobDefinition, QueueRegistry } from '../../queue/runtime';
import type { AppWorkerContext } from '../../queue/runtime';
import { refreshStatistics, type RefreshResult } from './refresh';

/** Job data: the counties to refresh (none: everything) and who asked. */
export interface RefreshStatisticsData {
  countyIds?: number[];
  requestedBy?: { userId: number; username: string } | null;
}

/**
 * Recomputes the statistics summary tables (stat_community_month, stat_region_month,
 * stat_department_month) in PostgreSQL. Scheduled every 30 minutes (Beijing time), full;
 * on demand (`refreshStatistics` mutation, the province generator) for everything or
 * some counties. Refreshes are serialised by an advisory lock, so overlapping runs wait.
 */
export const refreshStatisticsJob: JobDefinition<RefreshStatisticsData, RefreshResult> = {
  queue: QUEUES.statistics,
  name: 'refresh-statistics',
  schedule: { pattern: '7,37 * * * *', tz: 'Asia/Shanghai' },
  attempts: 3,
  backoff: { type: 'exponential', delay: 30_000 },
  async process(job, ctx) {
    const { orm, logger } = ctx as AppWorkerContext;
    const result = await refreshStatistics(orm.em.fork(), { countyIds: job.data?.countyIds ?? null });
    logger.info({ ...result, countyIds: result.countyIds.length }, 'statistics refreshed');
    return result;
  },
};

/**
 * Queues a refresh (of everything, or of some counties). Requests for the same scope
 * waiting to run are merged (BullMQ deduplication).
 */
export async function enqueueStatisticsRefresh(
  queues: QueueRegistry,
  countyIds: number[] = [],
  requestedBy: RefreshStatisticsData['requestedBy'] = null,
): Promise<Job<RefreshStatisticsData>> {
  const scope = countyIds.length ? [...new Set(countyIds)].sort((a, b) => a - b).join(',') : 'all';
  return (await queues.add(refreshStatisticsJob, { countyIds, requestedBy }, { deduplication: { id: `statistics:${scope}` } })) as Job<RefreshStatisticsData>;
}
