import { Migration } from '@mikro-orm/migrations';
import { chainKeyOf, eventHash } from '../../audit/audit-chain';

/**
 * Issue 7 (security): sign-in lockout, token versions and revoked tokens; rate-limit
 * counters (UNLOGGED: worthless after a crash, so they skip the WAL); the hash-chained
 * audit trail — columns, chain heads, and the chaining of events already recorded.
 */
export class Migration20261122015546_security extends Migration {

  override async up(): Promise<void> {
    // Statements run in order here (not queued) because the audit events already
    // recorded are chained below, in JavaScript, once the columns exist.
    await this.execute(`create table "audit_chain_head" ("chain_key" text not null, "county_id" int null, "last_id" bigint null, "last_hash" char(64) null, "length" bigint not null default 0, "updated_at" timestamptz not null default now(), constraint "audit_chain_head_pkey" primary key ("chain_key"));`);

    await this.execute(`create unlogged table "rate_limit_counter" ("key" text not null, "window_start" timestamptz not null, "count" int not null default 0, constraint "rate_limit_counter_pkey" primary key ("key", "window_start"));`);

    await this.execute(`create table "revoked_token" ("jti" uuid not null, "user_id" int not null, "expires_at" timestamptz not null, "revoked_at" timestamptz not null default now(), constraint "revoked_token_pkey" primary key ("jti"));`);
    await this.execute(`create index "revoked_token_expires_at_index" on "revoked_token" ("expires_at");`);

    await this.execute(`alter table "app_user" add column "failed_sign_ins" int not null default 0, add column "failed_sign_ins_since" timestamptz null, add column "locked_until" timestamptz null, add column "token_version" int not null default 0, add column "password_changed_at" timestamptz null;`);

    await this.execute(`alter table "audit_event" add column "prev_hash" char(64) null, add column "hash" char(64) null;`);
    await this.execute(`create index "audit_event_county_id_id_index" on "audit_event" ("county_id", "id");`);

    // Chain the events recorded before this migration, per county, in id order.
    const chains = (await this.execute(`select distinct county_id from audit_event`)) as { county_id: number | null }[];
    for (const { county_id: countyId } of chains) {
      let prevHash: string | null = null;
      let lastId: string | null = null;
      let length = 0;
      let after = '0';
      for (;;) {
        const rows = (await this.execute(
          `select id::text as id, occurred_at, actor_id, actor_username, actor_role, action, entity_type, entity_id, county_id, before, after, comment, request_id
           from audit_event where county_id is not distinct from ? and id > ?::bigint order by audit_event.id limit 1000`,
          [countyId, after],
        )) as Record<string, any>[];
        for (const r of rows) {
          const hash = eventHash(
            {
              id: r.id,
              // Millisecond precision, as the application writes and reads them.
              occurredAt: new Date(r.occurred_at),
              actorId: r.actor_id,
              actorUsername: r.actor_username,
              actorRole: r.actor_role,
              action: r.action,
              entityType: r.entity_type,
              entityId: r.entity_id,
              countyId: r.county_id,
              before: r.before,
              after: r.after,
              comment: r.comment,
              requestId: r.request_id,
            },
            prevHash,
          );
          await this.execute(`update audit_event set occurred_at = ?, prev_hash = ?, hash = ? where id = ?::bigint`, [new Date(r.occurred_at), prevHash, hash, r.id]);
          prevHash = hash;
          lastId = r.id;
          length++;
        }
        if (rows.length < 1000) break;
        after = rows[rows.length - 1].id;
      }
      await this.execute(`insert into audit_chain_head (chain_key, county_id, last_id, last_hash, length) values (?, ?, ?::bigint, ?, ?)`, [chainKeyOf(countyId), countyId, lastId, prevHash, length]);
    }
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "audit_chain_head" cascade;`);

    this.addSql(`drop table if exists "rate_limit_counter" cascade;`);

    this.addSql(`drop table if exists "revoked_token" cascade;`);

    this.addSql(`alter table "app_user" drop column "failed_sign_ins", drop column "failed_sign_ins_since", drop column "locked_until", drop column "token_version", drop column "password_changed_at";`);

    this.addSql(`drop index "audit_event_county_id_id_index";`);
    this.addSql(`alter table "audit_event" drop column "prev_hash", drop column "hash";`);
  }

}
