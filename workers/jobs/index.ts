import type { JobDefinition } from '../runtime';
import { purgeStaleApiTokens } from './housekeeping';
import { expireAdmissionsJob, flagOverdueEmergenciesJob } from './admission';

/** Every job this platform's workers run. Later modules add theirs here. */
export const JOBS: JobDefinition[] = [purgeStaleApiTokens, flagOverdueEmergenciesJob, expireAdmissionsJob];
export type { AppWorkerContext } from './housekeeping';
