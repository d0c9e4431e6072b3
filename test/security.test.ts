/**
 * What an independent probe broke (issue 12), as tests that would have caught it:
 * expensive fields aliased 30 times (every one of them, from the cost table and the
 * schema), one credential mutation per request, rate limits charged by cost, tokens issued
 * in the future, passwords past bcrypt's 72 bytes, a right password racing a lock, the
 * queue dashboard's own session and the real logger's redaction of response headers.
 */
import crypto from 'node:crypto';
import pino from 'pino';
import { Client } from 'pg';
import { SignJWT } from 'jose';
import { getNamedType, isLeafType, type GraphQLArgument } from 'graphql';
import { startTestApi, TEST_JWT_SECRET, type TestApi } from './support/api';
import { createTestDatabase } from './support/databases';
import { schema, NO_SUCH_ID } from './support/schema-walk';
import { AUTH_MUTATIONS, FIELD_COSTS, operationCost } from '../src/http/limits';
import { parse } from 'graphql';
import { loadConfig } from '../src/config';
import { createLogger } from '../src/logger';
import { createOrm } from '../src/db/orm';
import { startApi } from '../src/http/server';
import { createQueueBackend } from '../src/queue/backend';
import { DEMO_PASSWORD } from '../src/db/seed/seed';

let t: TestApi;
beforeAll(async () => {
  t = await startTestApi({ RATE_LIMIT_PER_IP: '0', RATE_LIMIT_PER_ACCOUNT: '0' });
});
afterAll(() => t?.close());

const sql = (q: string, params: unknown[] = []) => t.orm.em.fork().getConnection().execute(q, params);

/**
 * `alias: name(arg: …)` for a root field with placeholder values of the right type for its
 * required arguments; input objects as variables (declared in `vars`, never sent — the
 * request is refused before they are read).
 */
function call(root: 'Query' | 'Mutation', name: string, alias: string, vars: string[] = []): string {
  const f = (root === 'Query' ? schema.getQueryType() : schema.getMutationType())!.getFields()[name];
  const value = (a: GraphQLArgument): string => {
    const n = getNamedType(a.type);
    if (n.name === 'ID') return JSON.stringify(NO_SUCH_ID);
    if (n.name === 'Int' || n.name === 'Float') return '1';
    if (n.name === 'Boolean') return 'false';
    if (n.name === 'Month') return '"2026-01"';
    if (n.name === 'LocalDate') return '"2026-01-01"';
    if ('getValues' in n) return (n as any).getValues()[0].name;
    if ('getFields' in n) {
      const v = `$${alias}_${a.name}`;
      vars.push(`${v}: ${String(a.type)}`);
      return v;
    }
    return '"x"';
  };
  const args = f.args.filter((a) => String(a.type).endsWith('!')).map((a) => `${a.name}: ${value(a)}`);
  const select = isLeafType(getNamedType(f.type)) ? '' : ' { __typename }';
  return `${alias}: ${name}${args.length ? `(${args.join(', ')})` : ''}${select}`;
}

/** A document of `n` aliased calls of one root field. */
function aliased(root: 'Query' | 'Mutation', name: string, n: number): string {
  const vars: string[] = [];
  const calls = Array.from({ length: n }, (_, i) => call(root, name, `a${i}`, vars)).join(' ');
  return `${root === 'Mutation' ? 'mutation' : 'query'}${vars.length ? `(${vars.join(', ')})` : ''} { ${calls} }`;
}

describe('every expensive field aliased 30 times', () => {
  const expensive = Object.keys(FIELD_COSTS).map((k) => k.split('.') as ['Query' | 'Mutation', string]);

  it('names fields that exist (the cost table follows the schema)', () => {
    for (const [root, name] of expensive)
      expect([root, name, !!(root === 'Query' ? schema.getQueryType() : schema.getMutationType())!.getFields()[name]]).toEqual([root, name, true]);
    for (const name of AUTH_MUTATIONS) expect([name, !!schema.getMutationType()!.getFields()[name]]).toEqual([name, true]);
  });

  it('is refused before it runs: MAX_COST, or MAX_AUTH_MUTATIONS for credential mutations — no resolver, no audit event', async () => {
    const admin = await t.signIn('admin');
    const [{ n: before }] = await sql(`select count(*)::int as n from audit_event`);
    const problems: string[] = [];
    for (const [root, name] of expensive) {
      const doc = aliased(root, name, 30);
      t.resetQueries();
      const r = await t.gql(doc, {}, { token: admin });
      const reasons = (r.body.errors ?? []).map((e: any) => e.extensions.reason);
      const want = AUTH_MUTATIONS.has(name) ? 'MAX_AUTH_MUTATIONS' : 'MAX_COST';
      if (r.status !== 400 || !reasons.includes(want) || r.body.data) problems.push(`${root}.${name}: ${r.status} ${JSON.stringify(reasons)}`);
      if (t.queries.some((q) => !q.startsWith('select u.*, exists (select 1 from revoked_token'))) problems.push(`${root}.${name}: SQL ran`);
    }
    expect(problems).toEqual([]);
    const [{ n: after }] = await sql(`select count(*)::int as n from audit_event`);
    expect(after).toBe(before);
  });

  it('costs 30 times one, as the cost limit counts it', () => {
    for (const [root, name] of expensive) {
      const one = parse(aliased(root, name, 1));
      const thirty = parse(aliased(root, name, 30));
      const cost1 = operationCost(schema, one, one.definitions[0] as any);
      expect([name, operationCost(schema, thirty, thirty.definitions[0] as any)]).toEqual([name, 30 * cost1]);
      expect(cost1).toBeGreaterThanOrEqual(FIELD_COSTS[`${root}.${name}`]);
      expect([name, 30 * cost1 > 20_000]).toEqual([name, true]);
    }
  });

  it('allows one sign-in per request, and answers it', async () => {
    const r = await t.gql(`mutation { a: signIn(input: { username: "reviewer", password: "${DEMO_PASSWORD}" }) { token } }`);
    expect(r.body.data.a.token).toBeTruthy();
    const two = await t.gql(
      `mutation { a: signIn(input: { username: "reviewer", password: "x" }) { token } b: signIn(input: { username: "reviewer", password: "y" }) { token } }`,
    );
    expect(two.body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'MAX_AUTH_MUTATIONS', limit: 1, actual: 2 });
    // Through a fragment, too.
    const hidden = await t.gql(
      `mutation { ...F ...F2 } fragment F on Mutation { signIn(input: { username: "reviewer", password: "x" }) { token } } fragment F2 on Mutation { changePassword(input: { currentPassword: "x", newPassword: "y" }) { token } }`,
    );
    expect(hidden.body.errors[0].extensions.reason).toBe('MAX_AUTH_MUTATIONS');
  });
});

describe('rate limits charge by cost', () => {
  it('counts an expensive request as many, an ordinary one as one, in the shared store', async () => {
    const p = await startTestApi({ RATE_LIMIT_PER_IP: '25', RATE_LIMIT_PER_ACCOUNT: '0', RATE_LIMIT_WINDOW_SECONDS: '3600' });
    const ask = (query: string, ip: string) =>
      fetch(`${p.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': ip },
        body: JSON.stringify({ query }),
      }).then(async (r) => ({ status: r.status, body: (await r.json()) as any }));
    try {
      const signIn = `mutation { signIn(input: { username: "analyst", password: "${DEMO_PASSWORD}" }) { token } }`;
      // Two sign-ins: 2 × 10 requests' worth (cost 10 000 / 1 000).
      expect((await ask(signIn, '10.0.9.1')).status).toBe(200);
      expect((await ask(signIn, '10.0.9.1')).status).toBe(200);
      // 20 of 25 spent: five ordinary queries fit, the sixth does not.
      const small = '{ region(code: "511828") { name } }';
      const statuses = [];
      for (let i = 0; i < 6; i++) statuses.push((await ask(small, '10.0.9.1')).status);
      expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
      // A third sign-in from a fresh address would take 10 — at 25 it fits twice, not three times.
      expect((await ask(signIn, '10.0.9.2')).status).toBe(200);
      expect((await ask(signIn, '10.0.9.2')).status).toBe(200);
      const third = await ask(signIn, '10.0.9.2');
      expect(third.status).toBe(429);
      expect(third.body.errors[0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'RATE_LIMITED', scope: 'ip' });
    } finally {
      await p.close();
    }
  });

  it('counts exports, the dashboard and unknown paths too, and every guessed token', async () => {
    const p = await startTestApi({ RATE_LIMIT_PER_IP: '15', RATE_LIMIT_PER_ACCOUNT: '0', RATE_LIMIT_WINDOW_SECONDS: '3600' });
    const get = (path: string, headers: Record<string, string> = {}) =>
      fetch(`${p.url}${path}`, { headers: { 'x-forwarded-for': '10.0.9.3', ...headers } }).then((r) => r.status);
    try {
      expect(await get('/exports/burden-statistics.csv?region=511828', { authorization: 'Bearer guessed.token.1' })).toBe(401); // 1
      expect(await get('/dashboard')).toBe(200); // 2
      expect(await get('/no/such/path')).toBe(404); // 3
      for (let i = 0; i < 12; i++) expect(await get('/exports/burden-statistics.csv', { authorization: `Bearer zr_guess${i}` })).toBe(401); // 4–15
      expect(await get('/dashboard')).toBe(429);
      expect(await get('/healthz')).toBe(200); // probes are not counted
    } finally {
      await p.close();
    }
  });
});

describe('tokens and passwords', () => {
  const key = crypto.createSecretKey(Buffer.from(TEST_JWT_SECRET, 'utf8'));
  const forge = async (iat: number, exp: number, sub: string, ver = 0) =>
    new SignJWT({ role: 'ADMIN', ver })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setSubject(sub)
      .setIssuer('zhunru')
      .setIssuedAt(iat)
      .setJti(crypto.randomUUID())
      .setExpirationTime(exp)
      .sign(key);

  it('refuses a token issued in the future (beyond a minute of clock skew), accepts one of now', async () => {
    const [admin] = await sql(`select id, token_version from app_user where username = 'admin'`);
    const now = Math.floor(Date.now() / 1000);
    const future = await forge(now + 3600, now + 7200, String(admin.id), admin.token_version);
    const r = await t.gql(`{ me { username } }`, {}, { token: future });
    expect(r.status).toBe(401);
    expect(r.body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    const fine = await forge(now - 5, now + 600, String(admin.id), admin.token_version);
    expect((await t.gql(`{ me { username } }`, {}, { token: fine })).body.data.me.username).toBe('admin');
  });

  it('never lets a password longer than 72 bytes match, though bcrypt would read only its first 72', async () => {
    // A 72-byte password, set directly (as an old hash would be), then the same followed by more.
    const password = 'Aa1!'.repeat(18);
    expect(Buffer.byteLength(password)).toBe(72);
    const bcrypt = await import('bcryptjs');
    await sql(`update app_user set password_hash = ?, failed_sign_ins = 0, locked_until = null where username = 'inspector'`, [await bcrypt.hash(password, 4)]);
    const signIn = (p: string) => t.gql(`mutation($i: SignInInput!) { signIn(input: $i) { token } }`, { i: { username: 'inspector', password: p } });
    expect((await signIn(password)).body.data.signIn.token).toBeTruthy();
    const longer = await signIn(`${password}anything`);
    expect(longer.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(longer.body.data).toBeNull();
    await sql(
      `update app_user set password_hash = (select password_hash from app_user where username = 'admin'), failed_sign_ins = 0 where username = 'inspector'`,
    );
  });

  it('a right password whose check overlaps the account being locked does not unlock it', async () => {
    const locker = new Client({ connectionString: t.databaseUrl });
    await locker.connect();
    try {
      await sql(`update app_user set failed_sign_ins = 0, failed_sign_ins_since = null, locked_until = null where username = 'secretary'`);
      // Hold the row: the sign-in reads it, checks the password, then must wait to write.
      await locker.query('begin');
      await locker.query(`select id from app_user where username = 'secretary' for update`);
      const pending = t.gql(`mutation { signIn(input: { username: "secretary", password: "${DEMO_PASSWORD}" }) { token } }`);
      await new Promise((resolve) => setTimeout(resolve, 300));
      // Meanwhile the failures of others lock it.
      await locker.query(
        `update app_user set failed_sign_ins = 5, failed_sign_ins_since = now(), locked_until = now() + interval '15 minutes' where username = 'secretary'`,
      );
      await locker.query('commit');
      const r = await pending;
      expect(r.body.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'ACCOUNT_LOCKED' });
      const [row] = await sql(`select failed_sign_ins, locked_until > now() as locked from app_user where username = 'secretary'`);
      expect(row).toEqual({ failed_sign_ins: 5, locked: true });
    } finally {
      await locker.query('rollback').catch(() => undefined);
      await locker.end();
      await sql(`update app_user set failed_sign_ins = 0, failed_sign_ins_since = null, locked_until = null where username = 'secretary'`);
    }
  });
});

describe('the queue dashboard session, and the real logger', () => {
  it('gives the browser a dashboard-only session that never opens /graphql, and logs no cookie or token', async () => {
    const db = await createTestDatabase();
    const config = loadConfig({ NODE_ENV: 'test', DATABASE_URL: db.url, PORT: '0', HOST: '127.0.0.1', JWT_SECRET: TEST_JWT_SECRET, LOG_LEVEL: 'trace' });
    const orm = await createOrm({ url: db.url, poolMax: 3 });
    const lines: string[] = [];
    const logger = createLogger(config);
    (logger as any)[pino.symbols.streamSym] = { write: (s: string) => void lines.push(s) };
    const queues = createQueueBackend({ databaseUrl: db.url, prefix: `zrsec_${crypto.randomBytes(3).toString('hex')}` });
    const api = await startApi({ config, orm, logger, queues });
    try {
      const signIn = await fetch(`${api.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: `mutation { signIn(input: { username: "admin", password: "${DEMO_PASSWORD}" }) { token } }` }),
      });
      const admin = ((await signIn.json()) as any).data.signIn.token as string;
      const session = await fetch(`${api.url}/admin/queues/session`, { method: 'POST', headers: { authorization: `Bearer ${admin}` } });
      expect(session.status).toBe(204);
      const cookie = session.headers.get('set-cookie')!;
      expect(cookie).toMatch(/HttpOnly/);
      expect(cookie).toMatch(/Path=\/admin\/queues/);
      const value = cookie.split(';')[0].split('=')[1];
      expect(value).not.toBe(admin);
      expect(value).not.toContain(admin.split('.')[2]);
      // The dashboard opens with it; /graphql does not, not as a Bearer token either.
      expect((await fetch(`${api.url}/admin/queues/api/queues`, { headers: { cookie: `zr_queue_dashboard=${value}` } })).status).toBe(200);
      const asBearer = await fetch(`${api.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${value}` },
        body: JSON.stringify({ query: '{ me { username } }' }),
      });
      expect(asBearer.status).toBe(401);
      // Signing out of the dashboard ends that session for good, not only in this browser.
      const out = await fetch(`${api.url}/admin/queues/session`, { method: 'DELETE', headers: { cookie: `zr_queue_dashboard=${value}` } });
      expect(out.status).toBe(204);
      expect((await fetch(`${api.url}/admin/queues/api/queues`, { headers: { cookie: `zr_queue_dashboard=${value}` } })).status).toBe(401);
      // A new session ends with the admin's sessions (revokeAllSessions bumps the token version).
      const again = (await fetch(`${api.url}/admin/queues/session`, { method: 'POST', headers: { authorization: `Bearer ${admin}` } })).headers
        .get('set-cookie')!
        .split(';')[0];
      expect((await fetch(`${api.url}/admin/queues/api/queues`, { headers: { cookie: again } })).status).toBe(200);
      await orm.em.fork().getConnection().execute(`update app_user set token_version = token_version + 1 where username = 'admin'`);
      expect((await fetch(`${api.url}/admin/queues/api/queues`, { headers: { cookie: again } })).status).toBe(401);

      await new Promise((resolve) => setTimeout(resolve, 100));
      const text = lines.join('');
      expect(text).toMatch(/admin\/queues\/session/); // the exchange was logged …
      expect(text.includes(value)).toBe(false); // … without the cookie
      expect(text.includes(again.split('=')[1])).toBe(false);
      expect(text.includes(admin)).toBe(false);
      expect(text.includes(admin.split('.')[2])).toBe(false);
      expect(text).toMatch(/"set-cookie":"\[redacted\]"/);
    } finally {
      await api.close();
      await queues.close();
      await orm.close(true);
      await db.drop();
    }
  });
});
