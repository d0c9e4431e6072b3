import { Migration } from '@mikro-orm/migrations';

/**
 * 等保 level 3 (issue 12): the second factor (TOTP secret, pending enrolment, last step
 * used, recovery codes' hashes) on app_user; sessions' last use for the idle timeout; and
 * audit events kept at least 180 days — a DELETE of a younger event, or a TRUNCATE, fails
 * in the database itself, whatever code (a housekeeping job, a script) attempts it.
 */
export class Migration20261204194316_security_level3 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "user_session" ("jti" uuid not null, "user_id" int not null, "created_at" timestamptz not null default now(), "last_seen_at" timestamptz not null default now(), "expires_at" timestamptz not null, constraint "user_session_pkey" primary key ("jti"));`);
    this.addSql(`create index "user_session_user_id_index" on "user_session" ("user_id");`);
    this.addSql(`create index "user_session_expires_at_index" on "user_session" ("expires_at");`);

    this.addSql(`alter table "app_user" add column "totp_secret" text null, add column "totp_pending_secret" text null, add column "totp_enabled_at" timestamptz null, add column "totp_last_step" int null, add column "recovery_code_hashes" jsonb null;`);

    this.addSql(`create or replace function zr_audit_event_retention() returns trigger language plpgsql as $$
      begin
        if tg_op = 'TRUNCATE' then
          raise exception 'audit events are kept at least 180 days: audit_event cannot be truncated' using errcode = 'P0001';
        end if;
        if old.occurred_at > now() - interval '180 days' then
          raise exception 'audit events are kept at least 180 days: event % of % cannot be deleted yet', old.id, old.occurred_at using errcode = 'P0001';
        end if;
        return old;
      end $$;`);
    this.addSql(`create trigger "audit_event_retention" before delete on "audit_event" for each row execute function zr_audit_event_retention();`);
    this.addSql(`create trigger "audit_event_no_truncate" before truncate on "audit_event" for each statement execute function zr_audit_event_retention();`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop trigger if exists "audit_event_no_truncate" on "audit_event";`);
    this.addSql(`drop trigger if exists "audit_event_retention" on "audit_event";`);
    this.addSql(`drop function if exists zr_audit_event_retention();`);
    this.addSql(`drop table if exists "user_session" cascade;`);

    this.addSql(`alter table "app_user" drop column "totp_secret", drop column "totp_pending_secret", drop column "totp_enabled_at", drop column "totp_last_step", drop column "recovery_code_hashes";`);
  }

}
