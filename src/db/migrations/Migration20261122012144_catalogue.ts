import { Migration } from '@mikro-orm/migrations';

export class Migration20261122012144_catalogue extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create type "list_type" as enum ('DUTY', 'ASSISTANCE', 'NEGATIVE');`);
    this.addSql(`create type "work_category" as enum ('LAW_ENFORCEMENT', 'DEMOLITION', 'ENVIRONMENTAL_RECTIFICATION', 'CITY_MANAGEMENT', 'INVESTMENT_ATTRACTION', 'TAX_ASSISTANCE', 'REVENUE_GENERATION', 'PRODUCTION_SAFETY', 'SELF_GOVERNANCE', 'PARTY_BUILDING', 'SOCIAL_ASSISTANCE', 'ELDERLY_CARE', 'HEALTH', 'POPULATION', 'VETERANS', 'DISABILITY', 'EMPLOYMENT_SOCIAL_SECURITY', 'PUBLIC_SAFETY', 'DISPUTE_MEDIATION', 'EMERGENCY_MANAGEMENT', 'AGRICULTURE_RURAL', 'CULTURE_EDUCATION', 'STATISTICS_SURVEY', 'OTHER');`);
    this.addSql(`create type "list_item_status" as enum ('ACTIVE', 'CANCELLED');`);
    this.addSql(`create type "list_change_kind" as enum ('ADD', 'ADJUST', 'CANCEL');`);
    this.addSql(`create type "list_change_status" as enum ('PENDING', 'PUBLISHED', 'DISCARDED');`);
    this.addSql(`create table "list_item" ("id" serial primary key, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "region_id" int not null, "list_type" "list_type" not null, "item_key" varchar(16) not null, "title" text not null, "description" text not null, "category" "work_category" not null, "legal_basis" jsonb not null, "department_id" int null, "department_hint" text null, "status" "list_item_status" not null default 'ACTIVE', "template_item_id" int null, "source_application_id" int null, "cancelled_at" timestamptz null);`);
    this.addSql(`create index "list_item_category_index" on "list_item" ("category");`);
    this.addSql(`create index "list_item_department_id_index" on "list_item" ("department_id");`);
    this.addSql(`create index "list_item_template_item_id_index" on "list_item" ("template_item_id");`);
    this.addSql(`create index "list_item_source_application_id_index" on "list_item" ("source_application_id");`);
    this.addSql(`create index "list_item_region_id_list_type_status_index" on "list_item" ("region_id", "list_type", "status");`);
    this.addSql(`alter table "list_item" add constraint "list_item_region_id_item_key_unique" unique ("region_id", "item_key");`);

    this.addSql(`create table "list_version" ("id" serial primary key, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "county_id" int not null, "number" int not null, "document_number" text not null, "published_at" date not null, "published_by_id" int not null, "note" text null, "duty_count" int not null, "assistance_count" int not null, "negative_count" int not null);`);
    this.addSql(`alter table "list_version" add constraint "list_version_county_id_document_number_unique" unique ("county_id", "document_number");`);
    this.addSql(`alter table "list_version" add constraint "list_version_county_id_number_unique" unique ("county_id", "number");`);

    this.addSql(`create table "list_version_item" ("id" serial primary key, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "version_id" int not null, "item_id" int not null, "item_key" varchar(16) not null, "list_type" "list_type" not null, "title" text not null, "description" text not null, "category" "work_category" not null, "legal_basis" jsonb not null, "department_id" int null, "department_name" text null);`);
    this.addSql(`create index "list_version_item_item_id_index" on "list_version_item" ("item_id");`);
    this.addSql(`alter table "list_version_item" add constraint "list_version_item_version_id_item_key_unique" unique ("version_id", "item_key");`);

    this.addSql(`create table "list_change" ("id" serial primary key, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "county_id" int not null, "kind" "list_change_kind" not null, "item_id" int null, "proposed" jsonb null, "template_item_id" int null, "reason" text not null, "source_application_id" int null, "status" "list_change_status" not null default 'PENDING', "staged_by_id" int null, "published_in_id" int null, "discarded_at" timestamptz null);`);
    this.addSql(`create index "list_change_item_id_index" on "list_change" ("item_id");`);
    this.addSql(`create index "list_change_template_item_id_index" on "list_change" ("template_item_id");`);
    this.addSql(`create index "list_change_source_application_id_index" on "list_change" ("source_application_id");`);
    this.addSql(`create index "list_change_published_in_id_index" on "list_change" ("published_in_id");`);
    this.addSql(`create index "list_change_county_id_status_index" on "list_change" ("county_id", "status");`);
    this.addSql(`create unique index "list_change_pending_item_unique" on "list_change" ("item_id") where "status" = 'PENDING';`);

    this.addSql(`alter table "list_item" add constraint "list_item_region_id_foreign" foreign key ("region_id") references "region" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "list_item" add constraint "list_item_department_id_foreign" foreign key ("department_id") references "department" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "list_item" add constraint "list_item_template_item_id_foreign" foreign key ("template_item_id") references "list_item" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "list_version" add constraint "list_version_county_id_foreign" foreign key ("county_id") references "region" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "list_version" add constraint "list_version_published_by_id_foreign" foreign key ("published_by_id") references "app_user" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "list_version_item" add constraint "list_version_item_version_id_foreign" foreign key ("version_id") references "list_version" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "list_version_item" add constraint "list_version_item_item_id_foreign" foreign key ("item_id") references "list_item" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "list_change" add constraint "list_change_county_id_foreign" foreign key ("county_id") references "region" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "list_change" add constraint "list_change_item_id_foreign" foreign key ("item_id") references "list_item" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "list_change" add constraint "list_change_template_item_id_foreign" foreign key ("template_item_id") references "list_item" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "list_change" add constraint "list_change_staged_by_id_foreign" foreign key ("staged_by_id") references "app_user" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "list_change" add constraint "list_change_published_in_id_foreign" foreign key ("published_in_id") references "list_version" ("id") on update cascade on delete restrict;`);

  }

  override async down(): Promise<void> {
    this.addSql(`alter table "list_item" drop constraint "list_item_template_item_id_foreign";`);

    this.addSql(`alter table "list_version_item" drop constraint "list_version_item_item_id_foreign";`);

    this.addSql(`alter table "list_change" drop constraint "list_change_item_id_foreign";`);

    this.addSql(`alter table "list_change" drop constraint "list_change_template_item_id_foreign";`);

    this.addSql(`alter table "list_version_item" drop constraint "list_version_item_version_id_foreign";`);

    this.addSql(`alter table "list_change" drop constraint "list_change_published_in_id_foreign";`);

    this.addSql(`drop table if exists "list_item" cascade;`);

    this.addSql(`drop table if exists "list_version" cascade;`);

    this.addSql(`drop table if exists "list_version_item" cascade;`);

    this.addSql(`drop table if exists "list_change" cascade;`);

    this.addSql(`drop type "list_type";`);
    this.addSql(`drop type "work_category";`);
    this.addSql(`drop type "list_item_status";`);
    this.addSql(`drop type "list_change_kind";`);
    this.addSql(`drop type "list_change_status";`);
  }

}
