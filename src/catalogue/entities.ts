import { ListItem } from './list-item.entity';
import { ListChange } from './list-change.entity';
import { ListVersion, ListVersionItem } from './list-version.entity';

/** The catalogue's entities (三项清单), registered in src/db/entities.ts. */
export const CATALOGUE_ENTITIES = [ListItem, ListChange, ListVersion, ListVersionItem];
