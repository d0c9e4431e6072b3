import { Migration } from '@mikro-orm/migrations';

export class Migration20261122011537_data_elements extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "data_element" ("id" serial primary key, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "code" varchar(32) not null, "name" text not null, "definition" text not null, "unit" text null, "collected_on_platform" boolean not null default false, "source_system" text null);`);
    this.addSql(`alter table "data_element" add constraint "data_element_code_unique" unique ("code");`);

    this.addSql(`create table "data_element_share" ("data_element_id" int not null, "department_id" int not null, constraint "data_element_share_pkey" primary key ("data_element_id", "department_id"));`);

    this.addSql(`alter table "data_element_share" add constraint "data_element_share_data_element_id_foreign" foreign key ("data_element_id") references "data_element" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "data_element_share" add constraint "data_element_share_department_id_foreign" foreign key ("department_id") references "department" ("id") on update cascade on delete cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "data_element_share" drop constraint "data_element_share_data_element_id_foreign";`);

    this.addSql(`drop table if exists "data_element" cascade;`);

    this.addSql(`drop table if exists "data_element_share" cascade;`);
  }

}
