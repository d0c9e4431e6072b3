/**
 * The catalogue: a county's three lists (三项清单) — versioned, published, compared —
 * and its list of certificates a community may issue (出具证明清单). The public surface
 * of the module.
 */
import { ListItem } from './entity/list-item.entity';
import { ListChange } from './entity/list-change.entity';
import { ListVersion, ListVersionItem } from './entity/list-version.entity';
import { ListItemResolver } from './api/list-item.resolver';
import { ListChangeResolver, ListItemProposalResolver } from './api/list-change.resolver';
import { ListVersionItemResolver, ListVersionResolver } from './api/list-version.resolver';

export * from './entity/work-category';
export * from './entity/list-item.entity';
export * from './entity/list-change.entity';
export * from './entity/certificate-type.entity';
export * from './service/catalogue.service';

/** The three lists' tables (the certificate list is registered with the admission tables, in src/db/entities.ts). */
export const CATALOGUE_ENTITIES = [ListItem, ListChange, ListVersion, ListVersionItem];
export const CATALOGUE_RESOLVERS = [ListItemResolver, ListChangeResolver, ListItemProposalResolver, ListVersionResolver, ListVersionItemResolver] as const;
