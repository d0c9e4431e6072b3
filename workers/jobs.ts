import type { JobDefinition } from '../src/queue/runtime';
import { purgeStaleApiTokens } from '../src/auth/jobs';
import { SYNC_JOBS } from '../src/platform/sync-jobs';
import { expireAdmissionsJob, flagOverdueEmergenciesJob, refreshRevocationListsJob } from '../src/admission/jobs';
import { refreshStatisticsJob } from '../src/statistics/jobs';

/** Every job this platform's workers run. Later modules add theirs here. */
export const JOBS: JobDefinition[] = [purgeStaleApiTokens, flagOverdueEmergenciesJob, expireAdmissionsJob, refreshRevocationListsJob, ...SYNC_JOBS, refreshStatisticsJob];
