import { Migration } from '@mikro-orm/migrations';

/**
 * Approval documents signed with SM2 (issue 11): what each document certifies is kept on it
 * (title, department, scope, provisional deadline), with its signature and key id; counties'
 * public keys; signed revocation lists; the audit chain's hash algorithm per event (SM3 for
 * new events, SHA-256 for those already written).
 */
export class Migration20261204090000_document_signatures extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "approval_document" add column "title" text not null default '', add column "department_name" text not null default '', add column "department_code" text null, add column "scope" text not null default 'C', add column "scope_hash" text not null default '', add column "provisional_until" timestamptz null, add column "signature" text null, add column "key_id" text null;`);
    // What the documents already issued certify, from their applications (signed on first use).
    this.addSql(`update "approval_document" d set "title" = regexp_replace(a."title", '[\\r\\n]+', ' ', 'g'), "department_name" = regexp_replace(dep."name", '[\\r\\n]+', ' ', 'g'), "department_code" = dep."uscc",
      "scope" = case a."scope_type" when 'TOWNSHIPS' then 'T:' || coalesce((select string_agg(r."code", ',' order by r."code") from "region" r where r."id" in (select jsonb_array_elements_text(a."scope_township_ids")::int)), '')
                                   when 'COMMUNITIES' then 'V:' || coalesce((select string_agg(c."code", ',' order by c."code") from "community" c where c."id" in (select jsonb_array_elements_text(d."community_ids")::int)), '')
                                   else 'C' end,
      "provisional_until" = case when a."emergency" then a."approval_deadline" end
      from "admission_application" a join "department" dep on dep."id" = a."department_id" where a."id" = d."application_id";`);

    this.addSql(`create table "document_signing_key" ("id" serial primary key, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "key_id" text not null, "county_id" int not null, "public_key" text not null, "retired_at" timestamptz null);`);
    this.addSql(`alter table "document_signing_key" add constraint "document_signing_key_key_id_unique" unique ("key_id");`);
    this.addSql(`create index "document_signing_key_county_id_retired_at_index" on "document_signing_key" ("county_id", "retired_at");`);
    this.addSql(`alter table "document_signing_key" add constraint "document_signing_key_county_id_foreign" foreign key ("county_id") references "region" ("id") on update cascade on delete restrict;`);

    this.addSql(`create table "document_revocation_list" ("id" serial primary key, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "county_id" int not null, "list_date" timestamptz not null, "body" text not null, "signature" text not null, "key_id" text not null, "entry_count" int not null);`);
    this.addSql(`create index "document_revocation_list_county_id_list_date_index" on "document_revocation_list" ("county_id", "list_date");`);
    this.addSql(`alter table "document_revocation_list" add constraint "document_revocation_list_county_id_foreign" foreign key ("county_id") references "region" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "audit_event" add column "hash_algorithm" text null;`);
    this.addSql(`update "audit_event" set "hash_algorithm" = 'sha256' where "hash" is not null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "audit_event" drop column "hash_algorithm";`);
    this.addSql(`drop table if exists "document_revocation_list" cascade;`);
    this.addSql(`drop table if exists "document_signing_key" cascade;`);
    this.addSql(`alter table "approval_document" drop column "title", drop column "department_name", drop column "department_code", drop column "scope", drop column "scope_hash", drop column "provisional_until", drop column "signature", drop column "key_id";`);
  }

}
