import { Migration } from '@mikro-orm/migrations';

export class Migration20261122015049_registry extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create type "plaque_authority" as enum ('CENTRAL', 'PROVINCIAL', 'LOCAL', 'NONE');`);
    this.addSql(`create type "plaque_status" as enum ('KEPT', 'TO_REMOVE', 'REMOVED');`);
    this.addSql(`create type "criticism_scope" as enum ('COUNTY', 'CITY', 'PROVINCE');`);
    this.addSql(`create type "interview_status" as enum ('SCHEDULED', 'HELD', 'CANCELLED');`);
    this.addSql(`create type "inspection_mode" as enum ('ANNOUNCED', 'UNANNOUNCED');`);
    this.addSql(`create type "requester_kind" as enum ('RESIDENT', 'ENTERPRISE', 'GOVERNMENT', 'OTHER');`);
    this.addSql(`create type "issuance_outcome" as enum ('ISSUED', 'REFUSED');`);
    this.addSql(`create type "certificate_refusal_reason" as enum ('ABOLISHED', 'ENTERPRISE_OWN_BUSINESS', 'NOT_ON_LIST', 'CANNOT_VERIFY');`);
    this.addSql(`create type "service_contract_status" as enum ('ACTIVE', 'COMPLETED', 'TERMINATED');`);
    this.addSql(`create type "refusal_kind" as enum ('REFUSAL', 'REPORT');`);
    this.addSql(`create type "refusal_status" as enum ('RECEIVED', 'VERIFIED', 'DISMISSED', 'DEPARTMENT_INTERVIEWED');`);
    this.addSql(`create type "finding_source" as enum ('INSPECTION', 'REFUSAL', 'EMERGENCY_OVERDUE', 'OTHER');`);
    this.addSql(`create type "finding_category" as enum ('UNAPPROVED_TASK', 'NO_LEGAL_BASIS', 'NO_FUNDING', 'NEGATIVE_LIST_WORK', 'EMERGENCY_OVERDUE', 'EXCESS_LEDGERS', 'PLAQUE_WITHOUT_BASIS', 'ABOLISHED_CERTIFICATE', 'ONE_VOTE_VETO', 'LAX_GATEKEEPING', 'OTHER');`);
    this.addSql(`create type "finding_severity_level" as enum ('GENERAL', 'SERIOUS');`);
    this.addSql(`create type "supervision_finding_status" as enum ('OPEN', 'RECTIFIED', 'CLOSED');`);
    this.addSql(`create type "ledger_frequency" as enum ('DAILY', 'WEEKLY', 'MONTHLY', 'QUARTERLY', 'HALF_YEARLY', 'YEARLY', 'AD_HOC');`);
    this.addSql(`create type "ledger_format" as enum ('ELECTRONIC', 'PAPER');`);
    this.addSql(`create type "ledger_status" as enum ('KEPT', 'MERGED', 'ABOLISHED');`);
    this.addSql(`create type "filing_method" as enum ('MANUAL', 'GENERATED');`);
    this.addSql(`create table "plaque" ("id" serial primary key, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "county_id" int not null, "community_id" int not null, "department_id" int not null, "name" text not null, "authority" "plaque_authority" not null, "authorizing_document" text null, "installed_on" date null, "status" "plaque_status" not null default 'KEPT', "removal_ordered_on" date null, "removed_on" date null, "status_reason" text null);`);
    this.addSql(`create index "plaque_community_id_index" on "plaque" ("community_id");`);
    this.addSql(`create index "plaque_department_id_index" on "plaque" ("department_id");`);
    this.addSql(`create index "plaque_county_id_status_index" on "plaque" ("county_id", "status");`);

    this.addSql(`create table "public_criticism" ("id" serial primary key, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "county_id" int not null, "department_id" int not null, "document_number" text not null, "scope" "criticism_scope" not null, "issued_on" date not null, "content" text not null, "finding_ids" jsonb not null, "follow_up_deadline" date not null, "follow_up_reported_at" timestamptz null, "follow_up_note" text null, "issued_by_id" int null);`);
    this.addSql(`create index "public_criticism_department_id_index" on "public_criticism" ("department_id");`);
    this.addSql(`alter table "public_criticism" add constraint "public_criticism_county_id_document_number_unique" unique ("county_id", "document_number");`);

    this.addSql(`create table "interview" ("id" serial primary key, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "county_id" int not null, "department_id" int not null, "scheduled_at" timestamptz not null, "place" text not null, "interviewers" text not null, "reason" text not null, "finding_ids" jsonb not null, "refusal_ids" jsonb not null, "status" "interview_status" not null default 'SCHEDULED', "held_at" timestamptz null, "outcome" text null, "follow_up_deadline" date not null, "follow_up_reported_at" timestamptz null, "follow_up_note" text null, "scheduled_by_id" int null);`);
    this.addSql(`create index "interview_department_id_index" on "interview" ("department_id");`);
    this.addSql(`create index "interview_county_id_status_index" on "interview" ("county_id", "status");`);

    this.addSql(`create table "inspection" ("id" serial primary key, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "county_id" int not null, "title" text not null, "mode" "inspection_mode" not null, "joint_team" boolean not null default true, "lead_unit" text not null, "team_members" jsonb not null, "conducted_on" date not null, "ended_on" date null, "community_ids" jsonb not null, "department_ids" jsonb not null, "summary" text null, "recorded_by_id" int null);`);
    this.addSql(`create index "inspection_county_id_conducted_on_index" on "inspection" ("county_id", "conducted_on");`);

    this.addSql(`create table "certificate_issuance" ("id" serial primary key, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "county_id" int not null, "community_id" int not null, "certificate_type_id" int null, "certificate_name" text not null, "requester_kind" "requester_kind" not null, "purpose" text not null, "for_enterprise_business" boolean not null, "requiring_department_id" int null, "required_by" text null, "outcome" "issuance_outcome" not null, "refusal_reason" "certificate_refusal_reason" null, "handled_at" timestamptz not null, "handled_by_id" int null);`);
    this.addSql(`create index "certificate_issuance_community_id_index" on "certificate_issuance" ("community_id");`);
    this.addSql(`create index "certificate_issuance_certificate_type_id_index" on "certificate_issuance" ("certificate_type_id");`);
    this.addSql(`create index "certificate_issuance_requiring_department_id_index" on "certificate_issuance" ("requiring_department_id");`);
    this.addSql(`create index "certificate_issuance_county_id_outcome_index" on "certificate_issuance" ("county_id", "outcome");`);

    this.addSql(`create table "service_contract" ("id" serial primary key, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "number" varchar(64) not null, "county_id" int not null, "department_id" int not null, "community_id" int not null, "application_id" int null, "title" text not null, "scope" text not null, "category" "work_category" not null, "amount" numeric(14,2) not null, "period_start" date not null, "period_end" date not null, "deliverables" jsonb not null, "terms" jsonb not null, "evaluation_method" text not null, "status" "service_contract_status" not null default 'ACTIVE', "signed_at" timestamptz not null, "signed_by_id" int null);`);
    this.addSql(`alter table "service_contract" add constraint "service_contract_number_unique" unique ("number");`);
    this.addSql(`create index "service_contract_department_id_index" on "service_contract" ("department_id");`);
    this.addSql(`create index "service_contract_community_id_index" on "service_contract" ("community_id");`);
    this.addSql(`create index "service_contract_county_id_status_index" on "service_contract" ("county_id", "status");`);

    this.addSql(`create table "service_contract_evaluation" ("id" serial primary key, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "contract_id" int not null, "evaluated_on" date not null, "evaluated_by_id" int null, "term_results" jsonb not null, "terms_met" int not null, "satisfaction" real not null, "comment" text null);`);
    this.addSql(`create index "service_contract_evaluation_contract_id_index" on "service_contract_evaluation" ("contract_id");`);

    this.addSql(`create table "refusal" ("id" serial primary key, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "number" varchar(32) not null, "county_id" int not null, "community_id" int not null, "kind" "refusal_kind" not null, "anonymous" boolean not null default false, "reporter_id" int null, "department_id" int null, "application_id" int null, "task_title" text not null, "task_description" text not null, "claimed_document_number" text null, "task_received_on" date null, "reasons" jsonb not null, "evidence" jsonb not null, "status" "refusal_status" not null default 'RECEIVED', "status_changed_at" timestamptz null, "handled_by_id" int null, "handling_note" text null);`);
    this.addSql(`alter table "refusal" add constraint "refusal_number_unique" unique ("number");`);
    this.addSql(`create index "refusal_community_id_index" on "refusal" ("community_id");`);
    this.addSql(`create index "refusal_department_id_index" on "refusal" ("department_id");`);
    this.addSql(`create index "refusal_county_id_status_index" on "refusal" ("county_id", "status");`);

    this.addSql(`create table "supervision_finding" ("id" serial primary key, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "county_id" int not null, "inspection_id" int null, "source" "finding_source" not null, "category" "finding_category" not null, "severity" "finding_severity_level" not null, "department_id" int not null, "application_id" int null, "refusal_id" int null, "community_id" int null, "description" text not null, "rectification_deadline" date null, "status" "supervision_finding_status" not null default 'OPEN', "rectification_note" text null, "rectified_at" timestamptz null, "closed_at" timestamptz null, "close_note" text null, "repeat" boolean not null default false, "previous_finding_id" int null, "found_at" timestamptz not null, "recorded_by_id" int null);`);
    this.addSql(`create index "supervision_finding_inspection_id_index" on "supervision_finding" ("inspection_id");`);
    this.addSql(`create index "supervision_finding_department_id_index" on "supervision_finding" ("department_id");`);
    this.addSql(`create index "supervision_finding_application_id_index" on "supervision_finding" ("application_id");`);
    this.addSql(`create index "supervision_finding_refusal_id_index" on "supervision_finding" ("refusal_id");`);
    this.addSql(`create index "supervision_finding_department_id_category_index" on "supervision_finding" ("department_id", "category");`);
    this.addSql(`create index "supervision_finding_county_id_status_index" on "supervision_finding" ("county_id", "status");`);

    this.addSql(`create table "ledger_requirement" ("id" serial primary key, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "county_id" int not null, "department_id" int not null, "name" text not null, "data_element_codes" jsonb not null, "frequency" "ledger_frequency" not null, "expected_per_year" int null, "format" "ledger_format" not null, "electronic_channel" text null, "minutes_per_filing" int not null, "legal_basis" jsonb not null, "application_id" int null, "status" "ledger_status" not null default 'KEPT', "merged_into_id" int null, "status_changed_on" date null, "status_reason" text null, "one_form" boolean not null default false);`);
    this.addSql(`create index "ledger_requirement_department_id_index" on "ledger_requirement" ("department_id");`);
    this.addSql(`create index "ledger_requirement_application_id_index" on "ledger_requirement" ("application_id");`);
    this.addSql(`create index "ledger_requirement_county_id_status_index" on "ledger_requirement" ("county_id", "status");`);

    this.addSql(`create table "ledger_filing" ("id" serial primary key, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "requirement_id" int not null, "community_id" int not null, "county_id" int not null, "period" varchar(16) not null, "method" "filing_method" not null, "filed_at" timestamptz not null, "filed_by_id" int null, "minutes_spent" int null, "values" jsonb not null);`);
    this.addSql(`create index "ledger_filing_county_id_index" on "ledger_filing" ("county_id");`);
    this.addSql(`create index "ledger_filing_community_id_filed_at_index" on "ledger_filing" ("community_id", "filed_at");`);
    this.addSql(`alter table "ledger_filing" add constraint "ledger_filing_requirement_id_community_id_period_unique" unique ("requirement_id", "community_id", "period");`);

    this.addSql(`create table "funding_allocation" ("id" serial primary key, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "application_id" int not null, "community_id" int not null, "county_id" int not null, "amount" numeric(14,2) not null, "allocated_on" date not null, "reference" text null, "note" text null, "recorded_by_id" int null, "received_confirmed_at" timestamptz null, "received_confirmed_by_id" int null);`);
    this.addSql(`create index "funding_allocation_county_id_community_id_index" on "funding_allocation" ("county_id", "community_id");`);
    this.addSql(`create index "funding_allocation_application_id_community_id_index" on "funding_allocation" ("application_id", "community_id");`);

    this.addSql(`alter table "plaque" add constraint "plaque_county_id_foreign" foreign key ("county_id") references "region" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "plaque" add constraint "plaque_community_id_foreign" foreign key ("community_id") references "community" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "plaque" add constraint "plaque_department_id_foreign" foreign key ("department_id") references "department" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "public_criticism" add constraint "public_criticism_county_id_foreign" foreign key ("county_id") references "region" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "public_criticism" add constraint "public_criticism_department_id_foreign" foreign key ("department_id") references "department" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "public_criticism" add constraint "public_criticism_issued_by_id_foreign" foreign key ("issued_by_id") references "app_user" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "interview" add constraint "interview_county_id_foreign" foreign key ("county_id") references "region" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "interview" add constraint "interview_department_id_foreign" foreign key ("department_id") references "department" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "interview" add constraint "interview_scheduled_by_id_foreign" foreign key ("scheduled_by_id") references "app_user" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "inspection" add constraint "inspection_county_id_foreign" foreign key ("county_id") references "region" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "inspection" add constraint "inspection_recorded_by_id_foreign" foreign key ("recorded_by_id") references "app_user" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "certificate_issuance" add constraint "certificate_issuance_county_id_foreign" foreign key ("county_id") references "region" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "certificate_issuance" add constraint "certificate_issuance_community_id_foreign" foreign key ("community_id") references "community" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "certificate_issuance" add constraint "certificate_issuance_certificate_type_id_foreign" foreign key ("certificate_type_id") references "certificate_type" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "certificate_issuance" add constraint "certificate_issuance_requiring_department_id_foreign" foreign key ("requiring_department_id") references "department" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "certificate_issuance" add constraint "certificate_issuance_handled_by_id_foreign" foreign key ("handled_by_id") references "app_user" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "service_contract" add constraint "service_contract_county_id_foreign" foreign key ("county_id") references "region" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "service_contract" add constraint "service_contract_department_id_foreign" foreign key ("department_id") references "department" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "service_contract" add constraint "service_contract_community_id_foreign" foreign key ("community_id") references "community" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "service_contract" add constraint "service_contract_application_id_foreign" foreign key ("application_id") references "admission_application" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "service_contract" add constraint "service_contract_signed_by_id_foreign" foreign key ("signed_by_id") references "app_user" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "service_contract_evaluation" add constraint "service_contract_evaluation_contract_id_foreign" foreign key ("contract_id") references "service_contract" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "service_contract_evaluation" add constraint "service_contract_evaluation_evaluated_by_id_foreign" foreign key ("evaluated_by_id") references "app_user" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "refusal" add constraint "refusal_county_id_foreign" foreign key ("county_id") references "region" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "refusal" add constraint "refusal_community_id_foreign" foreign key ("community_id") references "community" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "refusal" add constraint "refusal_reporter_id_foreign" foreign key ("reporter_id") references "app_user" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "refusal" add constraint "refusal_department_id_foreign" foreign key ("department_id") references "department" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "refusal" add constraint "refusal_application_id_foreign" foreign key ("application_id") references "admission_application" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "refusal" add constraint "refusal_handled_by_id_foreign" foreign key ("handled_by_id") references "app_user" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "supervision_finding" add constraint "supervision_finding_county_id_foreign" foreign key ("county_id") references "region" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "supervision_finding" add constraint "supervision_finding_inspection_id_foreign" foreign key ("inspection_id") references "inspection" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "supervision_finding" add constraint "supervision_finding_department_id_foreign" foreign key ("department_id") references "department" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "supervision_finding" add constraint "supervision_finding_application_id_foreign" foreign key ("application_id") references "admission_application" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "supervision_finding" add constraint "supervision_finding_refusal_id_foreign" foreign key ("refusal_id") references "refusal" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "supervision_finding" add constraint "supervision_finding_community_id_foreign" foreign key ("community_id") references "community" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "supervision_finding" add constraint "supervision_finding_previous_finding_id_foreign" foreign key ("previous_finding_id") references "supervision_finding" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "supervision_finding" add constraint "supervision_finding_recorded_by_id_foreign" foreign key ("recorded_by_id") references "app_user" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "ledger_requirement" add constraint "ledger_requirement_county_id_foreign" foreign key ("county_id") references "region" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "ledger_requirement" add constraint "ledger_requirement_department_id_foreign" foreign key ("department_id") references "department" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "ledger_requirement" add constraint "ledger_requirement_application_id_foreign" foreign key ("application_id") references "admission_application" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "ledger_requirement" add constraint "ledger_requirement_merged_into_id_foreign" foreign key ("merged_into_id") references "ledger_requirement" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "ledger_filing" add constraint "ledger_filing_requirement_id_foreign" foreign key ("requirement_id") references "ledger_requirement" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "ledger_filing" add constraint "ledger_filing_community_id_foreign" foreign key ("community_id") references "community" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "ledger_filing" add constraint "ledger_filing_county_id_foreign" foreign key ("county_id") references "region" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "ledger_filing" add constraint "ledger_filing_filed_by_id_foreign" foreign key ("filed_by_id") references "app_user" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "funding_allocation" add constraint "funding_allocation_application_id_foreign" foreign key ("application_id") references "admission_application" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "funding_allocation" add constraint "funding_allocation_community_id_foreign" foreign key ("community_id") references "community" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "funding_allocation" add constraint "funding_allocation_county_id_foreign" foreign key ("county_id") references "region" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "funding_allocation" add constraint "funding_allocation_recorded_by_id_foreign" foreign key ("recorded_by_id") references "app_user" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "funding_allocation" add constraint "funding_allocation_received_confirmed_by_id_foreign" foreign key ("received_confirmed_by_id") references "app_user" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "certificate_type" add column "description" text null, add column "department_id" int null;`);
    this.addSql(`alter table "certificate_type" add constraint "certificate_type_department_id_foreign" foreign key ("department_id") references "department" ("id") on update cascade on delete restrict;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "supervision_finding" drop constraint "supervision_finding_inspection_id_foreign";`);

    this.addSql(`alter table "service_contract_evaluation" drop constraint "service_contract_evaluation_contract_id_foreign";`);

    this.addSql(`alter table "supervision_finding" drop constraint "supervision_finding_refusal_id_foreign";`);

    this.addSql(`alter table "supervision_finding" drop constraint "supervision_finding_previous_finding_id_foreign";`);

    this.addSql(`alter table "ledger_requirement" drop constraint "ledger_requirement_merged_into_id_foreign";`);

    this.addSql(`alter table "ledger_filing" drop constraint "ledger_filing_requirement_id_foreign";`);

    this.addSql(`drop table if exists "plaque" cascade;`);

    this.addSql(`drop table if exists "public_criticism" cascade;`);

    this.addSql(`drop table if exists "interview" cascade;`);

    this.addSql(`drop table if exists "inspection" cascade;`);

    this.addSql(`drop table if exists "certificate_issuance" cascade;`);

    this.addSql(`drop table if exists "service_contract" cascade;`);

    this.addSql(`drop table if exists "service_contract_evaluation" cascade;`);

    this.addSql(`drop table if exists "refusal" cascade;`);

    this.addSql(`drop table if exists "supervision_finding" cascade;`);

    this.addSql(`drop table if exists "ledger_requirement" cascade;`);

    this.addSql(`drop table if exists "ledger_filing" cascade;`);

    this.addSql(`drop table if exists "funding_allocation" cascade;`);

    this.addSql(`alter table "certificate_type" drop constraint "certificate_type_department_id_foreign";`);

    this.addSql(`alter table "certificate_type" drop column "description", drop column "department_id";`);

    this.addSql(`drop type "plaque_authority";`);
    this.addSql(`drop type "plaque_status";`);
    this.addSql(`drop type "criticism_scope";`);
    this.addSql(`drop type "interview_status";`);
    this.addSql(`drop type "inspection_mode";`);
    this.addSql(`drop type "requester_kind";`);
    this.addSql(`drop type "issuance_outcome";`);
    this.addSql(`drop type "certificate_refusal_reason";`);
    this.addSql(`drop type "service_contract_status";`);
    this.addSql(`drop type "refusal_kind";`);
    this.addSql(`drop type "refusal_status";`);
    this.addSql(`drop type "finding_source";`);
    this.addSql(`drop type "finding_category";`);
    this.addSql(`drop type "finding_severity_level";`);
    this.addSql(`drop type "supervision_finding_status";`);
    this.addSql(`drop type "ledger_frequency";`);
    this.addSql(`drop type "ledger_format";`);
    this.addSql(`drop type "ledger_status";`);
    this.addSql(`drop type "filing_method";`);
  }

}
