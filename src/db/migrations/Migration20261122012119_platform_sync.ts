import { Migration } from '@mikro-orm/migrations';

export class Migration20261122012119_platform_sync extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create type "collection_frequency" as enum ('DAILY', 'WEEKLY', 'MONTHLY', 'QUARTERLY', 'HALF_YEARLY', 'YEARLY', 'AD_HOC');`);
    this.addSql(`create type "data_requirement_source" as enum ('LEDGER', 'APPLICATION', 'APP');`);
    this.addSql(`create type "terminal_status" as enum ('ACTIVE', 'PLANNED_FOR_CONSOLIDATION', 'CONSOLIDATED', 'DECOMMISSIONED');`);
    this.addSql(`create type "sync_kind" as enum ('APPS', 'TERMINALS', 'COLLECTED_VALUES', 'PUSH_ADMISSIONS');`);
    this.addSql(`create type "sync_mode" as enum ('INCREMENTAL', 'FULL');`);
    this.addSql(`create type "sync_status" as enum ('RUNNING', 'SUCCEEDED', 'FAILED', 'ABANDONED');`);
    this.addSql(`create type "sync_rejection_code" as enum ('MALFORMED', 'UNKNOWN_COMMUNITY', 'UNKNOWN_APP', 'UNKNOWN_DATA_ELEMENT', 'DUPLICATE_NATURAL_KEY', 'PUSH_REFUSED');`);
    this.addSql(`create table "business_app" ("id" serial primary key, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "external_id" varchar(128) not null, "name" text not null, "department_id" int null, "department_name" text not null, "department_uscc" varchar(18) null, "integrated" boolean not null, "used_by_communities" boolean not null, "platform_updated_at" timestamptz not null, "deleted_at" timestamptz null);`);
    this.addSql(`alter table "business_app" add constraint "business_app_external_id_unique" unique ("external_id");`);
    this.addSql(`create index "business_app_department_id_index" on "business_app" ("department_id");`);

    this.addSql(`create table "data_requirement" ("id" serial primary key, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "department_id" int not null, "data_element_id" int not null, "region_id" int not null, "period" varchar(16) not null, "frequency" "collection_frequency" not null, "source" "data_requirement_source" not null, "source_ref" varchar(200) not null, "business_app_id" int null, "active" boolean not null default true, "collect_once" boolean not null default false, "collect_once_at" timestamptz null);`);
    this.addSql(`create index "data_requirement_department_id_index" on "data_requirement" ("department_id");`);
    this.addSql(`create index "data_requirement_region_id_index" on "data_requirement" ("region_id");`);
    this.addSql(`create index "data_requirement_data_element_id_period_index" on "data_requirement" ("data_element_id", "period");`);
    this.addSql(`alter table "data_requirement" add constraint "data_requirement_source_source_ref_department_id__503d0_unique" unique ("source", "source_ref", "department_id", "data_element_id", "region_id", "period");`);

    this.addSql(`create table "collected_value" ("id" serial primary key, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "external_id" varchar(128) not null, "data_element_id" int not null, "community_id" int not null, "period" varchar(16) not null, "value" text not null, "source" text not null, "platform_updated_at" timestamptz not null, "deleted_at" timestamptz null);`);
    this.addSql(`alter table "collected_value" add constraint "collected_value_external_id_unique" unique ("external_id");`);
    this.addSql(`create index "collected_value_community_id_data_element_id_index" on "collected_value" ("community_id", "data_element_id");`);
    this.addSql(`create unique index "collected_value_element_community_period_unique" on "collected_value" ("data_element_id", "community_id", "period") where "deleted_at" is null;`);

    this.addSql(`create table "terminal" ("id" serial primary key, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "external_id" varchar(128) not null, "community_id" int not null, "model" text not null, "status" "terminal_status" not null default 'ACTIVE', "platform_status" "terminal_status" not null, "last_seen_at" timestamptz null, "platform_updated_at" timestamptz not null, "deleted_at" timestamptz null, "consolidated_at" timestamptz null, "consolidated_by_id" int null, "consolidated_by_username" text null);`);
    this.addSql(`alter table "terminal" add constraint "terminal_external_id_unique" unique ("external_id");`);
    this.addSql(`create index "terminal_community_id_index" on "terminal" ("community_id");`);
    this.addSql(`create index "terminal_status_index" on "terminal" ("status");`);

    this.addSql(`create table "terminal_app" ("terminal_id" int not null, "business_app_id" int not null, constraint "terminal_app_pkey" primary key ("terminal_id", "business_app_id"));`);

    this.addSql(`create table "sync_run" ("id" serial primary key, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "kind" "sync_kind" not null, "mode" "sync_mode" not null, "status" "sync_status" not null default 'RUNNING', "started_at" timestamptz not null default now(), "finished_at" timestamptz null, "cursor_before" timestamptz null, "cursor_after" timestamptz null, "pages" int not null default 0, "created" int not null default 0, "updated" int not null default 0, "unchanged" int not null default 0, "rejected" int not null default 0, "deleted" int not null default 0, "error" text null, "job_id" text null, "attempt" int null, "requested_by_id" int null, "requested_by_username" text null, "note" text null);`);
    this.addSql(`create index "sync_run_kind_status_id_index" on "sync_run" ("kind", "status", "id");`);

    this.addSql(`create table "sync_rejected_record" ("id" serial primary key, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "sync_run_id" int not null, "kind" "sync_kind" not null, "external_id" varchar(200) null, "code" "sync_rejection_code" not null, "reason" text not null, "raw" jsonb null);`);
    this.addSql(`create index "sync_rejected_record_sync_run_id_index" on "sync_rejected_record" ("sync_run_id");`);
    this.addSql(`create index "sync_rejected_record_external_id_index" on "sync_rejected_record" ("external_id");`);

    this.addSql(`alter table "business_app" add constraint "business_app_department_id_foreign" foreign key ("department_id") references "department" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "data_requirement" add constraint "data_requirement_department_id_foreign" foreign key ("department_id") references "department" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "data_requirement" add constraint "data_requirement_data_element_id_foreign" foreign key ("data_element_id") references "data_element" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "data_requirement" add constraint "data_requirement_region_id_foreign" foreign key ("region_id") references "region" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "data_requirement" add constraint "data_requirement_business_app_id_foreign" foreign key ("business_app_id") references "business_app" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "collected_value" add constraint "collected_value_data_element_id_foreign" foreign key ("data_element_id") references "data_element" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "collected_value" add constraint "collected_value_community_id_foreign" foreign key ("community_id") references "community" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "terminal" add constraint "terminal_community_id_foreign" foreign key ("community_id") references "community" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "terminal" add constraint "terminal_consolidated_by_id_foreign" foreign key ("consolidated_by_id") references "app_user" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "terminal_app" add constraint "terminal_app_terminal_id_foreign" foreign key ("terminal_id") references "terminal" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "terminal_app" add constraint "terminal_app_business_app_id_foreign" foreign key ("business_app_id") references "business_app" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "sync_run" add constraint "sync_run_requested_by_id_foreign" foreign key ("requested_by_id") references "app_user" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "sync_rejected_record" add constraint "sync_rejected_record_sync_run_id_foreign" foreign key ("sync_run_id") references "sync_run" ("id") on update cascade on delete cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "data_requirement" drop constraint "data_requirement_business_app_id_foreign";`);

    this.addSql(`alter table "terminal_app" drop constraint "terminal_app_business_app_id_foreign";`);

    this.addSql(`alter table "terminal_app" drop constraint "terminal_app_terminal_id_foreign";`);

    this.addSql(`alter table "sync_rejected_record" drop constraint "sync_rejected_record_sync_run_id_foreign";`);

    this.addSql(`drop table if exists "business_app" cascade;`);

    this.addSql(`drop table if exists "data_requirement" cascade;`);

    this.addSql(`drop table if exists "collected_value" cascade;`);

    this.addSql(`drop table if exists "terminal" cascade;`);

    this.addSql(`drop table if exists "terminal_app" cascade;`);

    this.addSql(`drop table if exists "sync_run" cascade;`);

    this.addSql(`drop table if exists "sync_rejected_record" cascade;`);

    this.addSql(`drop type "collection_frequency";`);
    this.addSql(`drop type "data_requirement_source";`);
    this.addSql(`drop type "terminal_status";`);
    this.addSql(`drop type "sync_kind";`);
    this.addSql(`drop type "sync_mode";`);
    this.addSql(`drop type "sync_status";`);
    this.addSql(`drop type "sync_rejection_code";`);
  }

}
