import { Migration } from '@mikro-orm/migrations';

/** A GIN index for "the items touching a community" (`community_ids @> '[id]'`): the community page's items and ledgers. */
export class Migration20261122043000_community_ids_gin extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create index "admission_application_community_ids_gin" on "admission_application" using gin ("community_ids" jsonb_path_ops);`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists "admission_application_community_ids_gin";`);
  }

}
