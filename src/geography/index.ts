/**
 * Geography: the administrative tree (province → city → county → township) and the
 * villages and urban communities under it. The public surface of the module — other
 * modules import from here only.
 */
import { Region } from './region.entity';
import { Community } from './community.entity';
import { RegionResolver } from './region.resolver';
import { CommunityResolver } from './community.resolver';

export * from './region.entity';
export * from './community.entity';
export * from './geography.service';
export { RegionResolver, CommunityResolver };

export const GEOGRAPHY_ENTITIES = [Region, Community];
export const GEOGRAPHY_RESOLVERS = [RegionResolver, CommunityResolver] as const;
export * from './county-filter.input';
