import { Migration } from '@mikro-orm/migrations';

export class Migration20261122010001_foundation extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create type "region_level" as enum ('PROVINCE', 'CITY', 'COUNTY', 'TOWNSHIP');`);
    this.addSql(`create type "township_kind" as enum ('TOWN', 'XIANG', 'STREET');`);
    this.addSql(`create type "community_type" as enum ('VILLAGE', 'URBAN');`);
    this.addSql(`create type "role" as enum ('ADMIN', 'REVIEWER', 'COMMITTEE_SECRETARY', 'DEPARTMENT_USER', 'TOWNSHIP_USER', 'COMMUNITY_USER', 'ANALYST', 'INSPECTOR', 'INTEGRATION');`);
    this.addSql(`create table "region" ("id" serial primary key, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "code" varchar(12) not null, "name" text not null, "level" "region_level" not null, "kind" "township_kind" null, "parent_id" int null);`);
    this.addSql(`alter table "region" add constraint "region_code_unique" unique ("code");`);
    this.addSql(`create index "region_level_index" on "region" ("level");`);
    this.addSql(`create index "region_parent_id_index" on "region" ("parent_id");`);

    this.addSql(`create table "department" ("id" serial primary key, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "name" text not null, "short_name" text not null, "uscc" char(18) null, "category" text null, "region_id" int not null);`);
    this.addSql(`create index "department_name_index" on "department" ("name");`);
    this.addSql(`alter table "department" add constraint "department_uscc_unique" unique ("uscc");`);
    this.addSql(`create index "department_region_id_index" on "department" ("region_id");`);

    this.addSql(`create table "community" ("id" serial primary key, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "code" char(12) not null, "name" text not null, "type" "community_type" not null, "township_id" int not null, "county_id" int not null, "population" int not null, "households" int not null);`);
    this.addSql(`alter table "community" add constraint "community_code_unique" unique ("code");`);
    this.addSql(`create index "community_township_id_index" on "community" ("township_id");`);
    this.addSql(`create index "community_county_id_code_index" on "community" ("county_id", "code");`);

    this.addSql(`create table "app_user" ("id" serial primary key, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "username" varchar(64) not null, "display_name" text not null, "password_hash" text null, "role" "role" not null, "region_id" int null, "department_id" int null, "community_id" int null, "active" boolean not null default true, "last_sign_in_at" timestamptz null);`);
    this.addSql(`alter table "app_user" add constraint "app_user_username_unique" unique ("username");`);

    this.addSql(`create table "api_token" ("id" serial primary key, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "user_id" int not null, "name" text not null, "prefix" varchar(16) not null, "token_hash" char(64) not null, "expires_at" timestamptz null, "revoked_at" timestamptz null, "last_used_at" timestamptz null);`);
    this.addSql(`create index "api_token_user_id_index" on "api_token" ("user_id");`);
    this.addSql(`alter table "api_token" add constraint "api_token_token_hash_unique" unique ("token_hash");`);

    this.addSql(`alter table "region" add constraint "region_parent_id_foreign" foreign key ("parent_id") references "region" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "department" add constraint "department_region_id_foreign" foreign key ("region_id") references "region" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "community" add constraint "community_township_id_foreign" foreign key ("township_id") references "region" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "community" add constraint "community_county_id_foreign" foreign key ("county_id") references "region" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "app_user" add constraint "app_user_region_id_foreign" foreign key ("region_id") references "region" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "app_user" add constraint "app_user_department_id_foreign" foreign key ("department_id") references "department" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "app_user" add constraint "app_user_community_id_foreign" foreign key ("community_id") references "community" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "api_token" add constraint "api_token_user_id_foreign" foreign key ("user_id") references "app_user" ("id") on update cascade on delete cascade;`);
  }

}
