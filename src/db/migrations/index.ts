import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261122010001_foundation } from './Migration20261122010001_foundation';
import { Migration20261122011450_audit } from './Migration20261122011450_audit';
import { Migration20261122011537_data_elements } from './Migration20261122011537_data_elements';
import { Migration20261122012119_platform_sync } from './Migration20261122012119_platform_sync';
import { Migration20261122012144_catalogue } from './Migration20261122012144_catalogue';
import { Migration20261122012414_admission } from './Migration20261122012414_admission';
import { Migration20261122015049_registry } from './Migration20261122015049_registry';
import { Migration20261122015546_security } from './Migration20261122015546_security';
import { Migration20261122023111_statistics } from './Migration20261122023111_statistics';
import { Migration20261122043000_community_ids_gin } from './Migration20261122043000_community_ids_gin';
import { Migration20261204090000_document_signatures } from './Migration20261204090000_document_signatures';
import { Migration20261204194214_list_vocabulary_finding_reviews } from './Migration20261204194214_list_vocabulary_finding_reviews';
import { Migration20261204194316_security_level3 } from './Migration20261204194316_security_level3';

/** Committed migrations, in order. Add each new one here (`npm run db:migration:create -- name`). */
export const MIGRATIONS: MigrationObject[] = [
  { name: 'Migration20261122010001_foundation', class: Migration20261122010001_foundation },
  { name: 'Migration20261122011450_audit', class: Migration20261122011450_audit },
  { name: 'Migration20261122011537_data_elements', class: Migration20261122011537_data_elements },
  { name: 'Migration20261122012119_platform_sync', class: Migration20261122012119_platform_sync },
  { name: 'Migration20261122012144_catalogue', class: Migration20261122012144_catalogue },
  { name: 'Migration20261122012414_admission', class: Migration20261122012414_admission },
  { name: 'Migration20261122015049_registry', class: Migration20261122015049_registry },
  { name: 'Migration20261122015546_security', class: Migration20261122015546_security },
  { name: 'Migration20261122023111_statistics', class: Migration20261122023111_statistics },
  { name: 'Migration20261122043000_community_ids_gin', class: Migration20261122043000_community_ids_gin },
  { name: 'Migration20261204090000_document_signatures', class: Migration20261204090000_document_signatures },
  { name: 'Migration20261204194214_list_vocabulary_finding_reviews', class: Migration20261204194214_list_vocabulary_finding_reviews },
  { name: 'Migration20261204194316_security_level3', class: Migration20261204194316_security_level3 },
];
