import { BusinessAppResolver } from './business-app.resolver';
import { TerminalResolver } from './terminal.resolver';
import { CollectedValueResolver } from './collected-value.resolver';
import { createSyncResolver, SyncJobResolver, SyncRejectedRecordResolver, type SyncResolverDeps } from './sync.resolver';
import { CommunityConsolidatedResolver, CommunityConsolidationResolver, ConsolidationResolver, RegionConsolidationResolver } from './consolidation.resolver';
import { CollectOnceOpportunityResolver, CollectOnceReportResolver, DataRequirementResolver } from './collect-once.resolver';

/**
 * The platform-integration resolvers (apps, terminals, collected values, sync runs and
 * jobs, consolidation, collect-once). `deps.queues` (the API's queue registry) enables
 * `triggerSync` and `syncJob`.
 */
export function createPlatformResolvers(deps: SyncResolverDeps) {
  return [
    BusinessAppResolver,
    TerminalResolver,
    CollectedValueResolver,
    createSyncResolver(deps),
    SyncRejectedRecordResolver,
    SyncJobResolver,
    ConsolidationResolver,
    RegionConsolidationResolver,
    CommunityConsolidationResolver,
    CommunityConsolidatedResolver,
    DataRequirementResolver,
    CollectOnceReportResolver,
    CollectOnceOpportunityResolver,
  ] as const;
}
