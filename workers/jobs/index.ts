import type { JobDefinition } from '../runtime';
import { purgeStaleApiTokens } from './housekeeping';
import { SYNC_JOBS } from './sync';
import { expireAdmissionsJob, flagOverdueEmergenciesJob } from './admission';
import { refreshStatisticsJob } from './statistics';

/** Every job this platform's workers run. Later modules add theirs here. */
export const JOBS: JobDefinition[] = [purgeStaleApiTokens, flagOverdueEmergenciesJob, expireAdmissionsJob, ...SYNC_JOBS, refreshStatisticsJob];
export type { AppWorkerContext } from './housekeeping';
