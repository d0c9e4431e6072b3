import type { JobDefinition } from '../runtime';
import { purgeStaleApiTokens } from './housekeeping';
import { SYNC_JOBS } from './sync';
import { expireAdmissionsJob, flagOverdueEmergenciesJob, refreshRevocationListsJob } from './admission';
import { refreshStatisticsJob } from './statistics';

/** Every job this platform's workers run. Later modules add theirs here. */
export const JOBS: JobDefinition[] = [purgeStaleApiTokens, flagOverdueEmergenciesJob, expireAdmissionsJob, refreshRevocationListsJob, ...SYNC_JOBS, refreshStatisticsJob];
export type { AppWorkerContext } from './housekeeping';
