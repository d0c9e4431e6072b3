import { Migration } from '@mikro-orm/migrations';

export class Migration20261122012414_admission extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create type "application_kind" as enum ('NEW_REGULAR', 'TEMPORARY', 'LISTED_ASSISTANCE', 'PURCHASE_OF_SERVICE');`);
    this.addSql(`create type "scope_type" as enum ('COUNTY', 'TOWNSHIPS', 'COMMUNITIES');`);
    this.addSql(`create type "application_status" as enum ('DRAFT', 'SUBMITTED', 'IN_REVIEW', 'RETURNED', 'COMMITTEE', 'APPROVED', 'IN_EFFECT', 'COMPLETED', 'REVOKED', 'REJECTED', 'WITHDRAWN', 'EMERGENCY_IN_EFFECT');`);
    this.addSql(`create type "opinion" as enum ('PASS', 'CONCERN', 'FAIL');`);
    this.addSql(`create type "recommendation" as enum ('APPROVE', 'RETURN', 'REJECT');`);
    this.addSql(`create table "document_sequence" ("county_id" int not null, "kind" varchar(32) not null, "year" int not null, "last_value" int not null, constraint "document_sequence_pkey" primary key ("county_id", "kind", "year"));`);

    this.addSql(`create table "certificate_type" ("id" serial primary key, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "county_id" int not null, "name" text not null, "legal_basis" text null, "community_can_verify" boolean not null default true, "abolished_on" date null, "abolished_by" text null);`);
    this.addSql(`create index "certificate_type_county_id_index" on "certificate_type" ("county_id");`);
    this.addSql(`alter table "certificate_type" add constraint "certificate_type_county_id_name_unique" unique ("county_id", "name");`);

    this.addSql(`create table "admission_application" ("id" serial primary key, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "number" varchar(32) not null, "county_id" int not null, "department_id" int not null, "applicant_id" int not null, "title" text not null, "description" text not null, "kind" "application_kind" not null, "category" "work_category" not null, "list_item_id" int null, "legal_basis" jsonb not null, "scope_type" "scope_type" not null, "scope_township_ids" jsonb not null, "scope_community_ids" jsonb not null, "community_ids" jsonb not null, "period_start" date not null, "period_end" date null, "funding_amount" numeric(14,2) not null default 0, "funding_flow" text null, "personnel_support" text null, "training_support" text null, "ledgers" jsonb not null, "data_element_codes" jsonb not null, "wants_terminal" boolean not null default false, "wants_app" boolean not null default false, "app_name" text null, "integrated_with_platform" boolean not null default false, "certificates" jsonb not null, "meeting_hours_per_year" real not null default 0, "inspection_hours_per_year" real not null default 0, "data_entry_hours_per_year" real not null default 0, "evaluation" text null, "one_vote_veto" boolean not null default false, "requires_qualification" boolean not null default false, "requires_enforcement_power" boolean not null default false, "emergency" boolean not null default false, "emergency_reason" text null, "status" "application_status" not null default 'DRAFT', "version" int not null default 1, "findings" jsonb not null, "has_blocking_findings" boolean not null default false, "checked_at" timestamptz null, "acknowledged_warnings" jsonb not null, "burden" jsonb not null, "submitted_at" timestamptz null, "decided_at" timestamptz null, "entered_at" timestamptz null, "completed_at" timestamptz null, "revoked_at" timestamptz null, "revoke_reason" text null, "approval_deadline" timestamptz null, "overdue_flagged_at" timestamptz null, "approved_in_time" boolean null);`);
    this.addSql(`alter table "admission_application" add constraint "admission_application_number_unique" unique ("number");`);
    this.addSql(`create index "admission_application_department_id_index" on "admission_application" ("department_id");`);
    this.addSql(`create index "admission_application_county_id_status_index" on "admission_application" ("county_id", "status");`);

    this.addSql(`create table "review" ("id" serial primary key, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "application_id" int not null, "reviewer_id" int not null, "legality" "opinion" not null, "legality_comment" text null, "feasibility" "opinion" not null, "feasibility_comment" text null, "reasonableness" "opinion" not null, "reasonableness_comment" text null, "recommendation" "recommendation" not null, "comment" text null, "acknowledged_warnings" jsonb not null);`);
    this.addSql(`create index "review_application_id_index" on "review" ("application_id");`);

    this.addSql(`create table "committee_decision" ("id" serial primary key, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "application_id" int not null, "meeting" text not null, "meeting_date" date not null, "decision" "recommendation" not null, "recorded_by_id" int not null, "comment" text null);`);
    this.addSql(`create index "committee_decision_application_id_index" on "committee_decision" ("application_id");`);

    this.addSql(`create table "approval_document" ("id" serial primary key, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "number" text not null, "application_id" int not null, "county_id" int not null, "year" int not null, "serial" int not null, "issued_at" timestamptz not null, "valid_from" date not null, "valid_until" date null, "community_ids" jsonb not null, "provisional" boolean not null default false, "revoked_at" timestamptz null, "revoke_reason" text null);`);
    this.addSql(`alter table "approval_document" add constraint "approval_document_number_unique" unique ("number");`);
    this.addSql(`alter table "approval_document" add constraint "approval_document_application_id_unique" unique ("application_id");`);
    this.addSql(`alter table "approval_document" add constraint "approval_document_county_id_year_serial_unique" unique ("county_id", "year", "serial");`);

    this.addSql(`alter table "certificate_type" add constraint "certificate_type_county_id_foreign" foreign key ("county_id") references "region" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "admission_application" add constraint "admission_application_county_id_foreign" foreign key ("county_id") references "region" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "admission_application" add constraint "admission_application_department_id_foreign" foreign key ("department_id") references "department" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "admission_application" add constraint "admission_application_applicant_id_foreign" foreign key ("applicant_id") references "app_user" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "review" add constraint "review_application_id_foreign" foreign key ("application_id") references "admission_application" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "review" add constraint "review_reviewer_id_foreign" foreign key ("reviewer_id") references "app_user" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "committee_decision" add constraint "committee_decision_application_id_foreign" foreign key ("application_id") references "admission_application" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "committee_decision" add constraint "committee_decision_recorded_by_id_foreign" foreign key ("recorded_by_id") references "app_user" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "approval_document" add constraint "approval_document_application_id_foreign" foreign key ("application_id") references "admission_application" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "approval_document" add constraint "approval_document_county_id_foreign" foreign key ("county_id") references "region" ("id") on update cascade on delete restrict;`);

  }

  override async down(): Promise<void> {
    this.addSql(`alter table "review" drop constraint "review_application_id_foreign";`);

    this.addSql(`alter table "committee_decision" drop constraint "committee_decision_application_id_foreign";`);

    this.addSql(`alter table "approval_document" drop constraint "approval_document_application_id_foreign";`);

    this.addSql(`drop table if exists "document_sequence" cascade;`);

    this.addSql(`drop table if exists "certificate_type" cascade;`);

    this.addSql(`drop table if exists "admission_application" cascade;`);

    this.addSql(`drop table if exists "review" cascade;`);

    this.addSql(`drop table if exists "committee_decision" cascade;`);

    this.addSql(`drop table if exists "approval_document" cascade;`);


    this.addSql(`drop type "application_kind";`);
    this.addSql(`drop type "scope_type";`);
    this.addSql(`drop type "application_status";`);
    this.addSql(`drop type "opinion";`);
    this.addSql(`drop type "recommendation";`);
  }

}
