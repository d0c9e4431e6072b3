import { ListItemResolver } from './list-item.resolver';
import { ListChangeResolver, ListItemProposalResolver } from './list-change.resolver';
import { ListVersionItemResolver, ListVersionResolver } from './list-version.resolver';

/** The catalogue's resolvers (三项清单), registered in src/schema.ts. */
export const CATALOGUE_RESOLVERS = [ListItemResolver, ListChangeResolver, ListItemProposalResolver, ListVersionResolver, ListVersionItemResolver] as const;
