/**
 * The one-stop platform integration (一体化政务服务平台): business apps, terminals and
 * collected data synchronised from the platform (sync/, one file per record kind), the
 * data-element catalogue, terminal consolidation and collect-once. The public surface of
 * the module.
 */
import { BusinessApp } from './entity/business-app.entity';
import { Terminal } from './entity/terminal.entity';
import { CollectedValue } from './entity/collected-value.entity';
import { SyncRun } from './entity/sync-run.entity';
import { SyncRejectedRecord } from './entity/sync-rejected-record.entity';
import { DataRequirement } from './entity/data-requirement.entity';
import { DataElement } from './entity/data-element.entity';
import { BusinessAppResolver } from './api/business-app.resolver';
import { TerminalResolver } from './api/terminal.resolver';
import { CollectedValueResolver } from './api/collected-value.resolver';
import { createSyncResolver, SyncJobResolver, SyncRejectedRecordResolver, type SyncResolverDeps } from './api/sync.resolver';
import {
  CommunityConsolidatedResolver,
  CommunityConsolidationResolver,
  ConsolidationResolver,
  RegionConsolidationResolver,
} from './api/consolidation.resolver';
import { CollectOnceOpportunityResolver, CollectOnceReportResolver, DataRequirementResolver } from './api/collect-once.resolver';
import { DataElementResolver } from './api/data-element.resolver';

export * from './entity/business-app.entity';
export * from './entity/collected-value.entity';
export * from './entity/data-element.entity';
export * from './entity/data-requirement.entity';
export * from './entity/sync-rejected-record.entity';
export * from './entity/sync-run.entity';
export * from './entity/terminal.entity';
export * from './api/terminal.resolver';
export * from './service/collect-once.service';
export * from './sync/jobs';

export { DataElement, BusinessApp, Terminal, CollectedValue, SyncRun, SyncRejectedRecord, DataRequirement };

/**
 * The platform's resolvers (apps, terminals, collected values, sync runs and jobs,
 * consolidation, collect-once, the data-element catalogue). `deps.queues` (the API's
 * queue registry) enables `triggerSync` and `syncJob`.
 */
export function createPlatformResolvers(deps: SyncResolverDeps) {
  return [
    DataElementResolver,
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
