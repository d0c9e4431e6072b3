import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261122010001_foundation } from './Migration20261122010001_foundation';
import { Migration20261122011450_audit } from './Migration20261122011450_audit';
import { Migration20261122011537_data_elements } from './Migration20261122011537_data_elements';

/** Committed migrations, in order. Add each new one here (`npm run db:migration:create -- name`). */
export const MIGRATIONS: MigrationObject[] = [
  { name: 'Migration20261122010001_foundation', class: Migration20261122010001_foundation },
  { name: 'Migration20261122011450_audit', class: Migration20261122011450_audit },
  { name: 'Migration20261122011537_data_elements', class: Migration20261122011537_data_elements },
];
