import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { Client } from 'pg';
import { startTestApi, type TestApi } from './support/api';
import { client } from './support/client';
import { createTestCounty, TEST_PASSWORD, type TestCounty } from './support/county';
import { withDatabase } from './support/databases';
import { createOrm } from '../src/db/orm';
import { MIGRATIONS } from '../src/db/migrations';
import { verifyAuditChain, eventHash, canonicalJson } from '../src/audit/audit-chain';
import { chinaDate } from '../src/kernel/dates';

/**
 * Tamper-evident audit (issue 7, item 5): hash chains per county, verified by a query
 * and a command that name the first edited, deleted or reordered event; approval
 * documents are tested in test/approval-documents.test.ts.
 */

let t: TestApi;
let c: TestCounty;
let sql: Client;
const tokens: Record<string, string> = {};

beforeAll(async () => {
  t = await startTestApi();
  c = await createTestCounty(t.orm);
  for (const [key, username] of Object.entries(c.users)) tokens[key] = await t.signIn(username, TEST_PASSWORD);
  tokens.admin = await t.signIn('admin');
  tokens.inspector = await t.signIn('inspector');
  sql = new Client({ connectionString: t.databaseUrl });
  await sql.connect();
});
afterAll(async () => {
  await sql.end();
  await t.close();
});

const { ok } = client(() => t);

const VERIFY = `query($c: ID) { verifyAuditChain(countyId: $c) { valid eventCount chains { chainKey county { code } valid eventCount headHash firstBreak { eventId problem message messageEn } } } }`;
const verify = async (countyId?: string) => (await ok(VERIFY, { c: countyId ?? null }, tokens.admin)).verifyAuditChain;

const application = (title: string) => ({
  title,
  description: '每月协助民政部门入户排查低保边缘家庭和困难群众生活状况，及时发现并报告。',
  kind: 'TEMPORARY',
  category: 'SOCIAL_ASSISTANCE',
  legalBasis: ['《社会救助暂行办法》第十一条'],
  scopeType: 'COUNTY',
  periodStart: chinaDate(),
  periodEnd: `${Number(chinaDate().slice(0, 4)) + 1}-12-31`,
  fundingAmount: 36000,
  fundingFlow: '按村（社区）数量每季度拨付至村（社区）工作经费账户',
  trainingSupport: '民政局每季度组织一次业务培训',
  ledgers: [{ name: `${title}台账`, frequency: 'MONTHLY', minutesPerFiling: 60, format: 'ELECTRONIC', dataElementCodes: [] }],
});
const create = async (title: string) =>
  (await ok(`mutation($i: ApplicationInput!) { createApplication(input: $i) { id } }`, { i: application(title) }, tokens.civil)).createApplication.id as string;

/** Runs `fn` with the audit trail tampered with by `tamper`, then puts it back. */
async function tampered<T>(tamper: string, restore: string, fn: () => Promise<T>): Promise<T> {
  await sql.query('begin');
  try {
    // An attacker with the database's superuser rights: the retention trigger (no deletes within 180 days) does not stop them.
    await sql.query('set local session_replication_role = replica');
    await sql.query(tamper);
    await sql.query('commit');
  } catch (err) {
    await sql.query('rollback');
    throw err;
  }
  try {
    return await fn();
  } finally {
    await sql.query('begin');
    await sql.query('set local session_replication_role = replica');
    await sql.query(restore);
    await sql.query('commit');
  }
}

describe('the chain', () => {
  it('links every event to the one before it in its county, the global chain taking the rest', async () => {
    await create('链测试一');
    await create('链测试二');
    const result = await verify();
    expect(result.valid).toBe(true);
    const county = result.chains.find((ch: any) => ch.county?.code === '511829');
    const global = result.chains.find((ch: any) => ch.chainKey === 'global');
    expect(county.eventCount).toBeGreaterThanOrEqual(2);
    expect(global.eventCount).toBeGreaterThanOrEqual(7); // the sign-ins
    expect(county.headHash).toMatch(/^[0-9a-f]{64}$/);
    const { rows } = await sql.query(`select id, prev_hash, hash from audit_event where county_id = (select id from region where code = '511829') order by id`);
    expect(rows[0].prev_hash).toBeNull();
    for (let i = 1; i < rows.length; i++) expect(rows[i].prev_hash).toBe(rows[i - 1].hash);
    // The API exposes both hashes.
    const events = await ok(`{ auditEvents(first: 2, filter: { action: "application." }) { nodes { hash prevHash } } }`, {}, tokens.admin);
    expect(events.auditEvents.nodes[0].prevHash).toBe(events.auditEvents.nodes[1].hash);
  });

  it('hashes a canonical form: key order and undefined do not matter, every field does', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { f: 2, e: undefined }], c: null } })).toBe('{"a":{"c":null,"d":[1,{"f":2}]},"b":1}');
    const e = {
      id: '7',
      occurredAt: new Date('2026-01-02T03:04:05.678Z'),
      actorId: 1,
      actorUsername: 'admin',
      actorRole: 'ADMIN',
      action: 'x.y',
      entityType: 'User',
      entityId: '1',
      countyId: null,
      before: { a: 1, b: 2 },
      after: null,
      comment: null,
      requestId: 'r',
    };
    const h = eventHash(e, null);
    expect(eventHash({ ...e, before: { b: 2, a: 1 } }, null)).toBe(h);
    for (const change of [
      { id: '8' },
      { occurredAt: new Date('2026-01-02T03:04:05.679Z') },
      { actorUsername: 'root' },
      { before: { a: 1, b: 3 } },
      { countyId: 3 },
      { comment: '' },
    ]) {
      expect(eventHash({ ...e, ...change }, null)).not.toBe(h);
    }
    expect(eventHash(e, 'f'.repeat(64))).not.toBe(h);
  });

  it('keeps appends to one chain in order under concurrency (sign-ins and county mutations at once)', async () => {
    await Promise.all([...Array.from({ length: 12 }, () => t.signIn('reviewer')), ...Array.from({ length: 6 }, (_, i) => create(`并发测试${i}`))]);
    const result = await verify();
    expect(result.valid).toBe(true);
    const { rows } = await sql.query(
      `select h.chain_key, h.length::int as length, (select count(*)::int from audit_event e where e.county_id is not distinct from h.county_id) as events from audit_chain_head h`,
    );
    for (const r of rows) expect([r.chain_key, r.length]).toEqual([r.chain_key, r.events]);
  });

  it('is restricted to administrators and inspectors', async () => {
    expect((await t.gql(VERIFY, {}, { token: tokens.inspector })).body.data.verifyAuditChain.valid).toBe(true);
    expect((await t.gql(VERIFY, {}, { token: tokens.reviewer })).body.errors[0].extensions.code).toBe('FORBIDDEN');
    expect((await t.gql(VERIFY)).body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
  });

  it('is scoped like the trail: an inspector sees only their county’s chain; another county’s is FORBIDDEN', async () => {
    const own = (await t.gql(VERIFY, {}, { token: tokens.inspector })).body.data.verifyAuditChain;
    expect(own.chains.map((x: any) => x.county?.code ?? null)).toEqual(['511828']); // 青衣县 only: no other county, no global chain
    const other = await t.gql(VERIFY, { c: c.countyId }, { token: tokens.inspector });
    expect(other.body.errors[0].extensions.code).toBe('FORBIDDEN');
    const all = await verify();
    expect(all.chains.map((x: any) => x.chainKey)).toEqual(expect.arrayContaining(['global', expect.stringMatching(/^county:/)]));
  });

  it('hashes new events with SM3 (GM/T 0004), the algorithm recorded per event; earlier SHA-256 events keep verifying', async () => {
    await create('国密哈希测试');
    const { rows } = await sql.query(`select hash_algorithm, count(*)::int as n from audit_event where hash is not null group by 1`);
    const by = Object.fromEntries(rows.map((r) => [r.hash_algorithm, r.n]));
    expect(by.sm3).toBeGreaterThan(0);
    const [e] = (await sql.query(`select * from audit_event where hash_algorithm = 'sm3' order by id desc limit 1`)).rows;
    const content = {
      id: e.id,
      occurredAt: e.occurred_at,
      actorId: e.actor_id,
      actorUsername: e.actor_username,
      actorRole: e.actor_role,
      action: e.action,
      entityType: e.entity_type,
      entityId: e.entity_id,
      countyId: e.county_id,
      before: e.before,
      after: e.after,
      comment: e.comment,
      requestId: e.request_id,
    };
    expect(eventHash(content, e.prev_hash, 'sm3')).toBe(e.hash);
    expect(eventHash(content, e.prev_hash, 'sha256')).not.toBe(e.hash);
    // Relabelling an SM3 event as SHA-256 breaks the chain.
    await tampered(
      `update audit_event set hash_algorithm = 'sha256' where id = ${e.id}`,
      `update audit_event set hash_algorithm = 'sm3' where id = ${e.id}`,
      async () => {
        const r = await verify();
        expect(r.valid).toBe(false);
        expect(r.chains.find((x: any) => x.firstBreak)?.firstBreak).toMatchObject({ eventId: String(e.id), problem: 'EDITED' });
      },
    );
    expect((await verify()).valid).toBe(true);
  });
});

describe('tampering', () => {
  const countyEvents = async () =>
    (
      await sql.query(`select id::text as id from audit_event where county_id = (select id from region where code = '511829') order by audit_event.id`)
    ).rows.map((r) => r.id as string);

  it('edit one row in SQL → verification names it (EDITED), for its county and for all chains', async () => {
    const ids = await countyEvents();
    const victim = ids[1];
    await tampered(`update audit_event set comment = '篡改' where id = ${victim}`, `update audit_event set comment = null where id = ${victim}`, async () => {
      const result = await verify(c.countyId);
      expect(result.valid).toBe(false);
      expect(result.chains).toHaveLength(1);
      expect(result.chains[0].firstBreak).toMatchObject({ eventId: victim, problem: 'EDITED' });
      expect(result.chains[0].firstBreak.message).toContain(`#${victim}`);
      const all = await verify();
      expect(all.valid).toBe(false);
      expect(all.chains.find((ch: any) => ch.chainKey === 'global').valid).toBe(true);
    });
    expect((await verify(c.countyId)).valid).toBe(true);
  });

  it('an edit of the JSON before/after, the time or the actor is caught too', async () => {
    const ids = await countyEvents();
    for (const [tamper, restore] of [
      [
        `update audit_event set after = after || '{"tampered": 1}' where id = ${ids[0]}`,
        `update audit_event set after = after - 'tampered' where id = ${ids[0]}`,
      ],
      [
        `update audit_event set occurred_at = occurred_at + interval '1 second' where id = ${ids[0]}`,
        `update audit_event set occurred_at = occurred_at - interval '1 second' where id = ${ids[0]}`,
      ],
      [
        `update audit_event set actor_username = 'someone' where id = ${ids[0]}`,
        `update audit_event set actor_username = (select username from app_user where id = actor_id) where id = ${ids[0]}`,
      ],
    ]) {
      await tampered(tamper, restore, async () => {
        expect((await verify(c.countyId)).chains[0].firstBreak).toMatchObject({ eventId: ids[0], problem: 'EDITED' });
      });
    }
    expect((await verify(c.countyId)).valid).toBe(true);
  });

  it('a deleted event → the next one no longer follows (BROKEN_LINK); the newest deleted → TRUNCATED', async () => {
    const ids = await countyEvents();
    const copy = `create temp table if not exists saved as select * from audit_event where false`;
    await sql.query(copy);
    await sql.query(`insert into saved select * from audit_event where id = ${ids[1]}`);
    await tampered(`delete from audit_event where id = ${ids[1]}`, `insert into audit_event select * from saved where id = ${ids[1]}`, async () => {
      const b = (await verify(c.countyId)).chains[0].firstBreak;
      expect(b).toMatchObject({ eventId: ids[2], problem: 'BROKEN_LINK' });
      expect(b.message).toContain(`#${ids[0]}`);
    });
    const last = ids[ids.length - 1];
    await sql.query(`insert into saved select * from audit_event where id = ${last}`);
    await tampered(`delete from audit_event where id = ${last}`, `insert into audit_event select * from saved where id = ${last}`, async () => {
      const b = (await verify(c.countyId)).chains[0].firstBreak;
      expect(b).toMatchObject({ eventId: ids[ids.length - 2], problem: 'TRUNCATED' });
    });
    const first = ids[0];
    await sql.query(`insert into saved select * from audit_event where id = ${first}`);
    await tampered(`delete from audit_event where id = ${first}`, `insert into audit_event select * from saved where id = ${first}`, async () => {
      expect((await verify(c.countyId)).chains[0].firstBreak).toMatchObject({ eventId: ids[1], problem: 'BROKEN_LINK' });
    });
    expect((await verify(c.countyId)).valid).toBe(true);
  });

  it("reordered events (two rows' contents swapped, or an event moved to another chain) are caught", async () => {
    const ids = await countyEvents();
    const [a, b] = [ids[2], ids[3]];
    const swap = (x: string, y: string) =>
      `update audit_event e set comment = o.comment, entity_id = o.entity_id, after = o.after, occurred_at = o.occurred_at, request_id = o.request_id
       from audit_event o where (e.id, o.id) in ((${x}, ${y}), (${y}, ${x}))`;
    await tampered(swap(a, b), swap(a, b), async () => {
      const br = (await verify(c.countyId)).chains[0].firstBreak;
      expect(br.eventId).toBe(a);
      expect(['EDITED', 'BROKEN_LINK']).toContain(br.problem);
    });
    await tampered(
      `update audit_event set county_id = null where id = ${b}`,
      `update audit_event set county_id = (select id from region where code = '511829') where id = ${b}`,
      async () => {
        const all = await verify();
        expect(all.chains.find((ch: any) => ch.county?.code === '511829').firstBreak.eventId).toBe(ids[4] ?? b);
        expect(all.chains.find((ch: any) => ch.chainKey === 'global').valid).toBe(false);
      },
    );
    expect((await verify()).valid).toBe(true);
  });

  it('an event written around the chain (no hash) is named', async () => {
    await tampered(
      `insert into audit_event (action, entity_type, entity_id) values ('forged.event', 'User', '1')`,
      `delete from audit_event where action = 'forged.event'`,
      async () => {
        const b = (await verify()).chains.find((ch: any) => ch.chainKey === 'global').firstBreak;
        expect(b.problem).toBe('MISSING_HASH');
      },
    );
  });

  it('`npm run audit:verify` reports the same, with exit code 1 when broken', async () => {
    const run = () =>
      spawnSync(process.execPath, ['scripts/run.js', 'src/cli/audit-verify.ts', '--county', '511829'], {
        cwd: path.resolve(__dirname, '..'),
        env: { ...process.env, DATABASE_URL: t.databaseUrl, NODE_ENV: 'test' },
        encoding: 'utf8',
      });
    const fine = run();
    expect([fine.status, fine.stdout]).toEqual([0, expect.stringMatching(/^OK .*示范县 511829/m)]);
    const victim = (await countyEvents())[1];
    const { rows } = await sql.query(`select entity_id from audit_event where id = ${victim}`);
    await tampered(
      `update audit_event set entity_id = '999' where id = ${victim}`,
      `update audit_event set entity_id = '${rows[0].entity_id}' where id = ${victim}`,
      async () => {
        const broken = run();
        expect(broken.status).toBe(1);
        expect(broken.stdout).toContain(`EDITED at event #${victim}`);
      },
    );
    expect(run().status).toBe(0);
  });
});

describe('events recorded before the chain existed', () => {
  it('are chained by the migration', async () => {
    const adminUrl = process.env.ZR_TEST_ADMIN_URL!;
    const name = `zhunru_t_mig_${process.pid}`;
    const admin = new Client({ connectionString: withDatabase(adminUrl, 'postgres') });
    await admin.connect();
    await admin.query(`drop database if exists "${name}"`);
    await admin.query(`create database "${name}"`);
    const orm = await createOrm({ url: withDatabase(adminUrl, name), poolMax: 2 });
    try {
      const mine = MIGRATIONS.findIndex((m) => m.name.endsWith('_security'));
      await orm.getMigrator().up({ to: MIGRATIONS[mine - 1].name });
      const conn = orm.em.getConnection();
      await conn.execute(`insert into region (code, name, level) values ('510000', '四川省', 'PROVINCE')`);
      for (let i = 0; i < 5; i++) {
        await conn.execute(`insert into audit_event (action, entity_type, entity_id, county_id, after, occurred_at) values (?, 'Region', '1', ?, ?, now())`, [
          `legacy.${i}`,
          i % 2 ? 1 : null,
          JSON.stringify({ i, nested: { b: [1, 2], a: 'x' } }),
        ]);
      }
      await orm.getMigrator().up();
      const reports = await verifyAuditChain(orm.em.fork());
      expect(reports.map((r) => [r.chainKey, r.valid, r.eventCount])).toEqual([
        ['global', true, 3],
        ['county:1', true, 2],
      ]);
    } finally {
      await orm.close(true);
      await admin.query(`drop database if exists "${name}" with (force)`);
      await admin.end();
    }
  });
});
