import { Client } from 'pg';
import { buildSchema, parse, type OperationDefinitionNode } from 'graphql';
import fs from 'node:fs';
import path from 'node:path';
import { startTestApi, type TestApi } from './support/api';
import { startApi } from '../src/http/server';
import { createLogger } from '../src/logger';
import { loadConfig } from '../src/config';
import { operationCost, findUnstorableText } from '../src/http/limits';
import { PostgresRateLimitStore, RateLimiter, RedisRateLimitStore } from '../src/http/rate-limit';
import { DEMO_INTEGRATION_TOKEN } from '../src/db/seed/seed';

/**
 * Operation limits (issue 7, item 3): each limit tripped and not tripped, at the
 * defaults the configuration gives; rate limits shared between two API processes;
 * the request timeout; introspection and suggestions off in production.
 */

let t: TestApi;
beforeAll(async () => {
  t = await startTestApi();
});
afterAll(() => t.close());

const post = async (url: string, body: string, headers: Record<string, string> = {}) => {
  const res = await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
  const text = await res.text();
  return { status: res.status, headers: res.headers, text, body: JSON.parse(text) };
};
const reasonOf = (r: { body: { errors?: { extensions: { reason?: string } }[] } }) => r.body.errors?.[0]?.extensions.reason;

describe('defaults', () => {
  it('come from the configuration, documented, and are on in production', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({
      graphqlMaxDepth: 12,
      graphqlMaxAliases: 30,
      graphqlMaxTokens: 1000,
      graphqlMaxFieldMerges: 2000,
      graphqlMaxDirectives: 20,
      graphqlMaxCost: 20000,
      requestBodyLimitBytes: 1048576,
      requestTimeoutMs: 30000,
      rateLimitWindowSeconds: 60,
      rateLimitPerIp: 1200,
      rateLimitPerAccount: 600,
      graphqlIntrospection: true,
      graphqlFieldSuggestions: true,
    });
    const prod = loadConfig({ NODE_ENV: 'production', DATABASE_URL: 'postgres://db/z', JWT_SECRET: 'x'.repeat(32) });
    expect(prod).toMatchObject({ graphqlIntrospection: false, graphqlFieldSuggestions: false });
    expect(() => loadConfig({ GRAPHQL_MAX_DEPTH: '1', RATE_LIMIT_PER_IP: '-1', REQUEST_TIMEOUT_MS: 'soon' })).toThrow(
      /GRAPHQL_MAX_DEPTH[\s\S]*REQUEST_TIMEOUT_MS[\s\S]*RATE_LIMIT_PER_IP/,
    );
    const env = fs.readFileSync(path.join(__dirname, '..', '.env.example'), 'utf8');
    const readme = fs.readFileSync(path.join(__dirname, '..', 'README.md'), 'utf8');
    for (const name of [
      'GRAPHQL_MAX_DEPTH',
      'GRAPHQL_MAX_ALIASES',
      'GRAPHQL_MAX_TOKENS',
      'GRAPHQL_MAX_DIRECTIVES',
      'GRAPHQL_MAX_FIELD_MERGES',
      'GRAPHQL_MAX_COST',
      'REQUEST_BODY_LIMIT_BYTES',
      'REQUEST_TIMEOUT_MS',
      'RATE_LIMIT_PER_IP',
      'RATE_LIMIT_PER_ACCOUNT',
    ]) {
      expect([name, env.includes(`# ${name}=`)]).toEqual([name, true]);
      expect([name, readme.includes(`| \`${name}\` |`)]).toEqual([name, true]);
    }
  });
});

describe('depth', () => {
  const nested = (levels: number) => `{ region(code: "511828001") { ${'parent { '.repeat(levels - 2)}name${' }'.repeat(levels - 2)} } }`;
  it('allows 12 levels and refuses 13 with MAX_DEPTH, before running anything', async () => {
    const ok = await t.gql(nested(12));
    expect(ok.body.errors).toBeUndefined();
    t.resetQueries();
    const deep = await t.gql(nested(13));
    expect(deep.status).toBe(400);
    expect(deep.body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'MAX_DEPTH', limit: 12, actual: 13 });
    expect(deep.body.errors[0].message).toMatch(/嵌套过深/);
    expect(deep.body.data).toBeUndefined();
    expect(t.queries).toEqual([]);
  });

  it('counts through fragments, and a fragment cycle is a validation error, not a hang', async () => {
    const viaFragments = `{ region(code: "511828001") { ...A } } fragment A on Region { parent { ...B } } fragment B on Region { ${'parent { '.repeat(10)}name${' }'.repeat(10)} }`;
    expect(reasonOf(await t.gql(viaFragments))).toBe('MAX_DEPTH');
    const cycle = await t.gql(`{ region(code: "1") { ...A } } fragment A on Region { parent { ...B } } fragment B on Region { parent { ...A } }`);
    expect(cycle.status).toBe(400);
    expect(cycle.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
  });

  it('lets introspection through (GraphiQL) without counting it', async () => {
    const { getIntrospectionQuery } = await import('graphql');
    const r = await t.gql(getIntrospectionQuery());
    expect(r.body.errors).toBeUndefined();
    expect(r.body.data.__schema.queryType.name).toBe('Query');
  });
});

describe('aliases, directives, tokens', () => {
  it('allows 30 aliases and refuses 31', async () => {
    const aliases = (n: number) => `{ region(code: "511828") { ${Array.from({ length: n }, (_, i) => `a${i}: name`).join(' ')} } }`;
    expect((await t.gql(aliases(30))).body.errors).toBeUndefined();
    const r = await t.gql(aliases(31));
    expect(r.body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'MAX_ALIASES', limit: 30, actual: 31 });
  });

  it('counts aliases of a fragment once per use (no multiplication by spreading)', async () => {
    const frag = `fragment F on Region { ${Array.from({ length: 8 }, (_, i) => `f${i}: name`).join(' ')} }`;
    const ok = await t.gql(`{ a: region(code: "511828") { ...F } b: region(code: "511828") { ...F } } ${frag}`);
    expect(ok.body.errors).toBeUndefined(); // 2 + 2 × 8 = 18
    const many = await t.gql(`{ ${['a', 'b', 'c', 'd'].map((x) => `${x}: region(code: "511828") { ...F }`).join(' ')} } ${frag}`);
    expect(reasonOf(many)).toBe('MAX_ALIASES'); // 4 + 4 × 8 = 36
  });

  it('allows 20 directives and refuses 21', async () => {
    const directives = (n: number) => `{ region(code: "511828") { ${Array.from({ length: n }, () => 'name @include(if: true)').join(' ')} } }`;
    expect((await t.gql(directives(20))).body.errors).toBeUndefined();
    expect((await t.gql(directives(21))).body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'MAX_DIRECTIVES', limit: 20 });
  });

  it('stops parsing past 1000 tokens with MAX_TOKENS', async () => {
    // `query($ids: [ID!] = [ … ]) { nodes(ids: $ids) { id } }`: 25 tokens around the list of ids.
    const tokens = (n: number) => `query($ids: [ID!] = [${Array.from({ length: n - 25 }, (_, i) => `"${i}"`).join(' ')}]) { nodes(ids: $ids) { id } }`;
    const { Lexer, Source, TokenKind } = await import('graphql');
    const lexer = new Lexer(new Source(tokens(1000)));
    let count = 0;
    while (lexer.advance().kind !== TokenKind.EOF) count++;
    expect(count).toBe(1000);
    const at = await t.gql(tokens(1000));
    expect(at.body.errors[0].extensions.reason).not.toBe('MAX_TOKENS'); // parsed; refused later for asking 975 ids
    const r = await t.gql(tokens(1001));
    expect(r.status).toBe(400);
    expect(r.body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'MAX_TOKENS', limit: 1000 });
    expect(r.body.errors[0].message).toMatch(/词法单元/);
  });
});

describe('field merges', () => {
  it('refuses a field selected over and over (validation would be quadratic) before validating, and allows ordinary repeats', async () => {
    const rep = (n: number, x: string) => Array(n).fill(x).join(' ');
    // 40 × `children { name }`: 780 pairs, each comparing one pair of `name`s = 1560 comparisons.
    const ok = await t.gql(`{ region(code: "511828") { ${rep(40, 'children { name }')} } }`);
    expect(ok.body.errors).toBeUndefined();
    const flat = await t.gql(`{ region(code: "511828") { ${rep(50, 'children { name }')} } }`);
    expect(flat.status).toBe(400);
    expect(flat.body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'MAX_FIELD_MERGES', limit: 2000 });
    const nested = await t.gql(`{ region(code: "511828") { ${rep(5, `children { ${rep(5, `children { ${rep(5, 'children { name }')} }`)} }`)} } }`);
    expect(nested.body.errors[0].extensions.reason).toBe('MAX_FIELD_MERGES');
    const viaFragments = await t.gql(`{ region(code: "511828") { ${rep(50, '...F')} } } fragment F on Region { children { name } }`);
    expect(viaFragments.body.errors[0].extensions.reason).toBe('MAX_FIELD_MERGES');
    // A union-style selection repeating `id` and `name` in a few inline fragments is fine.
    const union = await t.gql(`{ nodes(ids: []) { id ... on Region { id name } ... on Community { id name } ... on Department { id name } } }`);
    expect(union.body.errors).toBeUndefined();
  });
});

describe('cost', () => {
  // communities(first: n) { nodes { township { children { children { name code } } } } }
  //   = 1 + n × (nodes 1 + township (1 + children (1 + 10 × (children 1 + 10 × 2))))  = 1 + 213 n
  const Q = `query($n: Int) { communities(first: $n) { nodes { township { children { children { name code } } } } } }`;
  const schema = buildSchema(fs.readFileSync(path.join(__dirname, '..', 'schema', 'schema.graphql'), 'utf8'));
  const cost = (q: string, v: Record<string, unknown> = {}) => {
    const doc = parse(q);
    return operationCost(schema, doc, doc.definitions[0] as OperationDefinitionNode, v);
  };

  it('multiplies fields by the page sizes of the lists they sit in, taking first/last from variables', () => {
    expect(cost(Q, { n: 90 })).toBe(1 + 213 * 90);
    expect(cost(Q, { n: 100 })).toBe(1 + 213 * 100);
    expect(cost(Q)).toBe(1 + 213 * 20); // no first: the default page of 20
    expect(cost(`{ communities(last: 5) { totalCount edges { cursor node { code } } } }`)).toBe(1 + 5 * (1 + 1 + 1 + 1 + 1));
    expect(cost(`query($ids: [ID!]!) { nodes(ids: $ids) { id } }`, { ids: ['a', 'b', 'c'] })).toBe(1 + 3 * 1);
    expect(cost(`{ nodes(ids: ["a", "b", "c"]) { ... on Region { name code } } }`)).toBe(1 + 3 * 2);
    // A fragment costs what its fields cost, wherever it is spread.
    expect(
      cost(
        `query($n: Int) { communities(first: $n) { ...C } } fragment C on CommunityConnection { nodes { township { children { children { name code } } } } }`,
        { n: 90 },
      ),
    ).toBe(1 + 213 * 90);
  });

  it('runs 19 171 and refuses 21 301 with MAX_COST, before touching the database', async () => {
    const ok = await t.gql(Q, { n: 90 });
    expect(ok.body.errors).toBeUndefined();
    t.resetQueries();
    const r = await t.gql(Q, { n: 100 });
    expect(r.status).toBe(400);
    expect(r.body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'MAX_COST', limit: 20000, actual: 21301 });
    expect(t.queries).toEqual([]);
  });

  it('keeps the page size cap of 100', async () => {
    const r = await t.gql(`{ communities(first: 101) { nodes { code } } }`);
    expect(r.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(r.body.errors[0].extensions.details[0].field).toBe('first');
  });
});

describe('text PostgreSQL cannot store', () => {
  it('refuses NUL and unpaired surrogates in variables and in the query, as INVALID_TEXT', async () => {
    expect(findUnstorableText({ a: ['ok', 'emoji 😀', '\u202Eرتل'] })).toBeNull();
    expect(findUnstorableText({ a: ['ok', 'x\u0000y'] })).toBe('a.1');
    expect(findUnstorableText({ i: { s: '\uD800' } })).toBe('i.s');
    expect(findUnstorableText({ i: { s: '\uDC00x' } })).toBe('i.s');
    for (const s of ['a\u0000b', '\uD83D', 'x\uDE00']) {
      const r = await t.gql(`query($s: String!) { verifyApprovalDocument(number: $s, communityCode: "511828001001") { valid } }`, { s });
      expect(r.status).toBe(400);
      expect(r.body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INVALID_TEXT' });
    }
    const literal = await t.gql(`{ verifyApprovalDocument(number: "a\\u0000b", communityCode: "511828001001") { valid } }`);
    expect(reasonOf(literal)).toBe('INVALID_TEXT');
    const fine = await t.gql(`query($s: String!) { verifyApprovalDocument(number: $s, communityCode: "511828001001") { result } }`, {
      s: '青社工准〔2026〕1号😀\u200B\u202E',
    });
    expect(fine.body.data.verifyApprovalDocument.result).toBe('UNKNOWN_NUMBER');
  });
});

describe('request body', () => {
  it('accepts a body under 1 MiB and refuses a larger one with 413 BODY_TOO_LARGE in the GraphQL error format', async () => {
    const query = `query($s: String!) { verifyApprovalDocument(number: $s, communityCode: "511828001001") { result } }`;
    const under = await post(t.url, JSON.stringify({ query, variables: { s: 'x'.repeat(1_000_000) } }));
    expect(under.status).toBe(200);
    expect(under.body.data.verifyApprovalDocument.result).toBe('UNKNOWN_NUMBER');
    const over = await post(t.url, JSON.stringify({ query, variables: { s: 'x'.repeat(1_048_576) } }));
    expect(over.status).toBe(413);
    expect(over.body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'BODY_TOO_LARGE', limit: 1048576 });
  });

  it('answers a body that is not JSON with 400 MALFORMED_JSON, not an HTML page', async () => {
    const r = await post(t.url, '{"query": "{ me { id } }"');
    expect(r.status).toBe(400);
    expect(r.headers.get('content-type')).toMatch(/json/);
    expect(r.body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'MALFORMED_JSON' });
  });
});

/**
 * One more API, as in production and with small limits: introspection and suggestions
 * off, a 1.5 s timeout, 12 requests per address and 4 per account an hour. Each test
 * below speaks from its own client address (X-Forwarded-For, trusted from loopback) and
 * with its own accounts, so their counts do not mix.
 */
describe('production settings, the timeout and the rate limits', () => {
  const redisUrl = process.env.REDIS_URL;
  let p: TestApi;
  beforeAll(async () => {
    p = await startTestApi({
      NODE_ENV: 'production',
      REQUEST_TIMEOUT_MS: '1500',
      RATE_LIMIT_PER_IP: '12',
      RATE_LIMIT_PER_ACCOUNT: '4',
      RATE_LIMIT_WINDOW_SECONDS: '3600',
      ...(redisUrl ? { REDIS_URL: redisUrl } : {}),
    });
  });
  afterAll(() => p.close());
  const from = (ip: string, token?: string) => ({ 'x-forwarded-for': ip, ...(token ? { authorization: `Bearer ${token}` } : {}) });
  const ask = (url: string, query: string, headers: Record<string, string>, variables?: Record<string, unknown>) =>
    post(url, JSON.stringify({ query, variables }), headers);

  it('answers no introspection and gives no "Did you mean" suggestions in production', async () => {
    const h = from('10.0.1.1');
    const intro = await ask(p.url, `{ __schema { queryType { name } } }`, h);
    expect(intro.status).toBe(400);
    expect(intro.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(intro.text).not.toMatch(/queryType"\s*:\s*\{/);
    const typo = await ask(p.url, `{ regin(code: "511828") { nam } }`, h);
    expect(typo.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(typo.text).not.toMatch(/Did you mean|region/);
    const enumTypo = await ask(p.url, `query($t: CommunityType) { communities(first: 1, filter: { type: $t }) { totalCount } }`, h, { t: 'VILAGE' });
    expect(enumTypo.text).not.toMatch(/Did you mean|VILLAGE/);
    // Development keeps both.
    const devTypo = await t.gql(`{ regin(code: "511828") { name } }`);
    expect(devTypo.body.errors[0].message).toMatch(/Did you mean "region"/);
    expect((await t.gql(`{ __schema { queryType { name } } }`)).body.data.__schema.queryType.name).toBe('Query');
  });

  it('answers 503 INTERNAL / TIMEOUT when a request runs too long, and keeps serving', async () => {
    const h = from('10.0.2.1');
    const locker = new Client({ connectionString: p.databaseUrl });
    await locker.connect();
    try {
      // Hold a lock that the query below must wait for.
      await locker.query('begin');
      await locker.query('lock table region in access exclusive mode');
      const started = Date.now();
      const r = await ask(p.url, `{ region(code: "511828") { name } }`, h);
      const took = Date.now() - started;
      expect(r.status).toBe(503);
      expect(r.headers.get('retry-after')).toBe('5');
      expect(r.body.errors[0]).toMatchObject({ message: expect.stringMatching(/请求超时/), extensions: { code: 'INTERNAL', reason: 'TIMEOUT' } });
      expect(took).toBeGreaterThanOrEqual(1450);
      expect(took).toBeLessThan(6000);
      await locker.query('rollback');
      // The held-up request finishes in the background; its late answer is dropped and the server carries on.
      await new Promise((resolve) => setTimeout(resolve, 200));
      const after = await ask(p.url, `{ region(code: "511828") { name } }`, h);
      expect(after.status).toBe(200);
      expect(after.body.data.region.name).toBe('青衣县');
    } finally {
      await locker.end();
    }
  });

  it(`count per account and per address across two API processes (${process.env.REDIS_URL ? 'Redis' : 'PostgreSQL'}), answering 429 with Retry-After`, async () => {
    // A second API process on the same database (and Redis): the counters are shared.
    const b = await startApi({ config: p.config, orm: p.orm, logger: createLogger(p.config) });
    const q = '{ region(code: "511828") { name } }';
    const ip = '10.0.3.1';
    try {
      // A sign-in costs 10 requests (a bcrypt check): from an address of its own.
      const signedIn = await ask(p.url, `mutation { signIn(input: { username: "secretary", password: "Zhunru@2026" }) { token } }`, from('10.0.3.9'));
      const token = signedIn.body.data.signIn.token;
      const statuses: number[] = [];
      for (const url of [p.url, b.url, p.url, b.url]) statuses.push((await ask(url, q, from(ip, token))).status); // account 1–4, address 1–4
      expect(statuses).toEqual([200, 200, 200, 200]);
      const over = await ask(b.url, q, from(ip, token)); // account 5 > 4, address 5
      expect(over.status).toBe(429);
      const retryAfter = Number(over.headers.get('retry-after'));
      expect(retryAfter).toBeGreaterThan(0);
      expect(retryAfter).toBeLessThanOrEqual(3600);
      expect(over.body.errors[0]).toMatchObject({
        message: expect.stringMatching(/请求过于频繁/),
        extensions: { code: 'FORBIDDEN', reason: 'RATE_LIMITED', scope: 'account', limit: 4, retryAfterSeconds: retryAfter },
      });
      // The same account from another address is still over its limit.
      expect((await ask(p.url, q, from('10.0.3.2', token))).status).toBe(429);
      // Another account from the first address still gets through, until the address is spent.
      expect((await ask(p.url, q, from(ip, DEMO_INTEGRATION_TOKEN))).status).toBe(200); // address 6
      const anonymous: number[] = [];
      for (let i = 0; i < 7; i++) anonymous.push((await ask(i % 2 ? p.url : b.url, q, from(ip))).status); // address 7–13
      expect(anonymous).toEqual([200, 200, 200, 200, 200, 200, 429]);
      const byIp = await ask(p.url, q, from(ip));
      expect(byIp.body.errors[0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'RATE_LIMITED', scope: 'ip', limit: 12 });
      // Failed credentials count against the address too.
      expect((await ask(p.url, q, from(ip, 'garbage'))).status).toBe(429);
      // Other addresses are unaffected; /healthz is not limited.
      expect((await ask(p.url, q, from('10.0.3.3'))).status).toBe(200);
      expect((await fetch(`${p.url}/healthz`)).status).toBe(200);
    } finally {
      await b.close();
    }
  });
});

describe('rate limit storage', () => {
  it('keeps the PostgreSQL counter in an UNLOGGED table and forgets old windows', async () => {
    const sql = new Client({ connectionString: t.databaseUrl });
    await sql.connect();
    try {
      const [{ relpersistence }] = (await sql.query(`select relpersistence from pg_class where relname = 'rate_limit_counter'`)).rows;
      expect(relpersistence).toBe('u');
      const store = new PostgresRateLimitStore(t.databaseUrl);
      const now = Math.floor(Date.now() / 1000);
      expect(await store.hit(['k1', 'k2'], now - 600, 60)).toEqual([1, 1]);
      expect(await store.hit(['k1'], now - 600, 60)).toEqual([2]);
      expect(await store.hit(['k1', 'k2'], now, 60)).toEqual([1, 1]); // a new window, and the old one is removed
      await new Promise((resolve) => setTimeout(resolve, 100));
      const { rows } = await sql.query(`select key, count from rate_limit_counter where key in ('k1', 'k2') order by key`);
      expect(rows).toEqual([
        { key: 'k1', count: 1 },
        { key: 'k2', count: 1 },
      ]);
      await store.close();
    } finally {
      await sql.end();
    }
  });

  it('lets requests through when the counter store is down, rather than failing them', async () => {
    const errors: unknown[] = [];
    const limiter = new RateLimiter(
      new RedisRateLimitStore('redis://127.0.0.1:1', 'down'),
      { windowSeconds: 60, perIp: 1, perAccount: 1 },
      { error: (o: unknown) => void errors.push(o) },
    );
    const actor = await limiter.guard('10.0.0.1', async () => null);
    expect(actor).toBeNull();
    await limiter.guard('10.0.0.1', async () => null);
    expect(errors).toHaveLength(1); // logged once a minute, not once a request
    await limiter.close();
  });
});
