import type { JobDefinition } from '../src/queue/runtime';
import { purgeStaleApiTokens } from '../src/auth';
import { SYNC_JOBS } from '../src/platform';
import { expireAdmissionsJob, flagOverdueEmergenciesJob, refreshRevocationListsJob } from '../src/admission';
import { refreshStatisticsJob } from '../src/statistics';

/** Every job this platform's workers run. Later modules add theirs here. */
export const JOBS: JobDefinition[] = [
  purgeStaleApiTokens,
  flagOverdueEmergenciesJob,
  expireAdmissionsJob,
  refreshRevocationListsJob,
  ...SYNC_JOBS,
  refreshStatisticsJob,
];
