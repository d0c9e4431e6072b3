import { Migration } from '@mikro-orm/migrations';

export class Migration20261122011450_audit extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "audit_event" ("id" bigserial primary key, "occurred_at" timestamptz not null default now(), "actor_id" int null, "actor_username" text null, "actor_role" text null, "action" text not null, "entity_type" text not null, "entity_id" text not null, "county_id" int null, "before" jsonb null, "after" jsonb null, "comment" text null, "request_id" text null);`);
    this.addSql(`create index "audit_event_county_id_index" on "audit_event" ("county_id");`);
    this.addSql(`create index "audit_event_entity_type_entity_id_id_index" on "audit_event" ("entity_type", "entity_id", "id");`);

    this.addSql(`alter table "audit_event" add constraint "audit_event_actor_id_foreign" foreign key ("actor_id") references "app_user" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "audit_event" add constraint "audit_event_county_id_foreign" foreign key ("county_id") references "region" ("id") on update cascade on delete restrict;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "audit_event" cascade;`);
  }

}
