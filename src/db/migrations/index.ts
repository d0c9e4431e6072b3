import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261122010001_foundation } from './Migration20261122010001_foundation';

/** Committed migrations, in order. Add each new one here (`npm run db:migration:create -- name`). */
export const MIGRATIONS: MigrationObject[] = [
  { name: 'Migration20261122010001_foundation', class: Migration20261122010001_foundation },
];
