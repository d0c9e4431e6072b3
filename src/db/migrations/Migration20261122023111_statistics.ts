import { Migration } from '@mikro-orm/migrations';

export class Migration20261122023111_statistics extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "stat_community_month" ("community_id" int not null, "month" date not null, "township_id" int not null, "county_id" int not null, "items_in_effect" int not null default 0, "item_placements" int not null default 0, "assistance_items" int not null default 0, "unfunded_assistance_items" int not null default 0, "ledgers_in_force" int not null default 0, "ledger_hours" double precision not null default 0, "ledgers_abolished" int not null default 0, "ledgers_merged" int not null default 0, "filings_manual" int not null default 0, "filings_generated" int not null default 0, "one_form_hours_saved" double precision not null default 0, "terminals_in_use" int not null default 0, "terminals_planned" int not null default 0, "terminals_consolidated" int not null default 0, "app_obligations" int not null default 0, "plaques_kept" int not null default 0, "plaques_to_remove" int not null default 0, "plaques_removed" int not null default 0, "certificates_issued" int not null default 0, "certificates_refused_abolished" int not null default 0, "refusals" int not null default 0, "reports" int not null default 0, "emergency_entries" int not null default 0, "emergency_in_time" int not null default 0, "emergency_resolved" int not null default 0, "applications_approved" int not null default 0, "applications_rejected" int not null default 0, "approved_hours" double precision not null default 0, "rejected_hours" double precision not null default 0, "collections_avoided" int not null default 0, constraint "stat_community_month_pkey" primary key ("community_id", "month"));`);

    this.addSql(`create table "stat_department_month" ("department_id" int not null, "month" date not null, "region_id" int not null, "items_in_effect" int not null default 0, "item_placements" int not null default 0, "assistance_items" int not null default 0, "unfunded_assistance_items" int not null default 0, "ledgers_in_force" int not null default 0, "ledger_hours" double precision not null default 0, "ledgers_abolished" int not null default 0, "ledgers_merged" int not null default 0, "filings_manual" int not null default 0, "filings_generated" int not null default 0, "one_form_hours_saved" double precision not null default 0, "terminals_in_use" int not null default 0, "terminals_planned" int not null default 0, "terminals_consolidated" int not null default 0, "app_obligations" int not null default 0, "plaques_kept" int not null default 0, "plaques_to_remove" int not null default 0, "plaques_removed" int not null default 0, "certificates_issued" int not null default 0, "certificates_refused_abolished" int not null default 0, "refusals" int not null default 0, "reports" int not null default 0, "emergency_entries" int not null default 0, "emergency_in_time" int not null default 0, "emergency_resolved" int not null default 0, "applications_approved" int not null default 0, "applications_rejected" int not null default 0, "approved_hours" double precision not null default 0, "rejected_hours" double precision not null default 0, "collections_avoided" int not null default 0, constraint "stat_department_month_pkey" primary key ("department_id", "month"));`);

    this.addSql(`create table "stat_refresh" ("id" serial primary key, "started_at" timestamptz not null, "finished_at" timestamptz null, "scope" text not null, "month_from" date not null, "month_to" date not null, "duration_ms" int null, "community_rows" int null, "unavailable" jsonb not null default '[]');`);

    this.addSql(`create table "stat_region_month" ("region_id" int not null, "month" date not null, "level" varchar(12) not null, "items_in_effect" int not null default 0, "item_placements" int not null default 0, "assistance_items" int not null default 0, "unfunded_assistance_items" int not null default 0, "ledgers_in_force" int not null default 0, "ledger_hours" double precision not null default 0, "ledgers_abolished" int not null default 0, "ledgers_merged" int not null default 0, "filings_manual" int not null default 0, "filings_generated" int not null default 0, "one_form_hours_saved" double precision not null default 0, "terminals_in_use" int not null default 0, "terminals_planned" int not null default 0, "terminals_consolidated" int not null default 0, "app_obligations" int not null default 0, "plaques_kept" int not null default 0, "plaques_to_remove" int not null default 0, "plaques_removed" int not null default 0, "certificates_issued" int not null default 0, "certificates_refused_abolished" int not null default 0, "refusals" int not null default 0, "reports" int not null default 0, "emergency_entries" int not null default 0, "emergency_in_time" int not null default 0, "emergency_resolved" int not null default 0, "applications_approved" int not null default 0, "applications_rejected" int not null default 0, "approved_hours" double precision not null default 0, "rejected_hours" double precision not null default 0, "collections_avoided" int not null default 0, constraint "stat_region_month_pkey" primary key ("region_id", "month"));`);

    this.addSql(`create table "statistics_baseline" ("id" serial primary key, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "region_id" int not null, "code_prefix" varchar(12) not null, "month" varchar(7) not null, "note" text null, "set_by_id" int null);`);
    this.addSql(`alter table "statistics_baseline" add constraint "statistics_baseline_region_id_unique" unique ("region_id");`);

    this.addSql(`create table "burden_budget" ("id" serial primary key, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "county_id" int not null, "year" int not null, "ceiling_hours" double precision not null, "note" text null, "set_by_id" int null);`);
    this.addSql(`alter table "burden_budget" add constraint "burden_budget_county_id_year_unique" unique ("county_id", "year");`);

    this.addSql(`alter table "statistics_baseline" add constraint "statistics_baseline_region_id_foreign" foreign key ("region_id") references "region" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "statistics_baseline" add constraint "statistics_baseline_set_by_id_foreign" foreign key ("set_by_id") references "app_user" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "burden_budget" add constraint "burden_budget_county_id_foreign" foreign key ("county_id") references "region" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "burden_budget" add constraint "burden_budget_set_by_id_foreign" foreign key ("set_by_id") references "app_user" ("id") on update cascade on delete set null;`);

  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "stat_community_month" cascade;`);

    this.addSql(`drop table if exists "stat_department_month" cascade;`);

    this.addSql(`drop table if exists "stat_refresh" cascade;`);

    this.addSql(`drop table if exists "stat_region_month" cascade;`);

    this.addSql(`drop table if exists "statistics_baseline" cascade;`);

    this.addSql(`drop table if exists "burden_budget" cascade;`);

  }

}
