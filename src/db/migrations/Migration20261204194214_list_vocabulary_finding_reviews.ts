import { Migration } from '@mikro-orm/migrations';

/**
 * Issue 14: reviewers' vocabulary on list items and their published versions (trigger
 * phrases, examples, admissible look-alikes), reviewers' decisions on disputed findings,
 * and the texts of applications as they stood when blocked (REWORDED_AFTER_BLOCK).
 */
export class Migration20261204194214_list_vocabulary_finding_reviews extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create type "finding_review_kind" as enum ('OVERRIDE', 'MISSED');`);
    this.addSql(`create table "finding_review" ("id" serial primary key, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "application_id" int not null, "county_id" int not null, "kind" "finding_review_kind" not null, "finding_code" varchar(40) not null, "list_item_id" int null, "reason" text not null, "excerpt" text not null, "text_hash" varchar(64) not null, "reviewer_id" int not null, "example_change_id" int null);`);
    this.addSql(`create index "finding_review_application_id_index" on "finding_review" ("application_id");`);
    this.addSql(`create index "finding_review_county_id_created_at_index" on "finding_review" ("county_id", "created_at");`);

    this.addSql(`alter table "finding_review" add constraint "finding_review_application_id_foreign" foreign key ("application_id") references "admission_application" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "finding_review" add constraint "finding_review_county_id_foreign" foreign key ("county_id") references "region" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "finding_review" add constraint "finding_review_list_item_id_foreign" foreign key ("list_item_id") references "list_item" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "finding_review" add constraint "finding_review_reviewer_id_foreign" foreign key ("reviewer_id") references "app_user" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "finding_review" add constraint "finding_review_example_change_id_foreign" foreign key ("example_change_id") references "list_change" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "list_item" add column "trigger_phrases" jsonb not null default '[]', add column "examples" jsonb not null default '[]', add column "counter_examples" jsonb not null default '[]';`);

    this.addSql(`alter table "list_version_item" add column "trigger_phrases" jsonb not null default '[]', add column "examples" jsonb not null default '[]', add column "counter_examples" jsonb not null default '[]';`);

    this.addSql(`alter table "admission_application" add column "blocked_versions" jsonb not null default '[]';`);

    // Staged proposals written before the vocabulary existed: give them empty lists.
    this.addSql(
      `update "list_change" set "proposed" = "proposed" || '{"triggerPhrases":[],"examples":[],"counterExamples":[]}'::jsonb where "proposed" is not null and not jsonb_exists("proposed", 'triggerPhrases');`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "finding_review" cascade;`);

    this.addSql(`alter table "admission_application" drop column "blocked_versions";`);

    this.addSql(`alter table "list_item" drop column "trigger_phrases", drop column "examples", drop column "counter_examples";`);

    this.addSql(`alter table "list_version_item" drop column "trigger_phrases", drop column "examples", drop column "counter_examples";`);

    this.addSql(`drop type "finding_review_kind";`);
  }

}
