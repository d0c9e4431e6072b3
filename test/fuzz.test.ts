import fs from 'node:fs';
import path from 'node:path';
import { Client } from 'pg';
import {
  buildSchema,
  getNamedType,
  getNullableType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isLeafType,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLOutputType,
} from 'graphql';
import crypto from 'node:crypto';
import { startTestApi, type TestApi } from './support/api';
import { createTestDatabase } from './support/databases';
import { appRoutes, concrete } from './support/http-routes';
import { createQueueBackend, type QueueBackend } from '../src/queue/backend';
import { ERROR_CODES } from '../src/kernel/errors';
import { toGlobalId } from '../src/kernel/global-id';

/**
 * Bad input (issue 7, item 6): thousands of malformed operations and variables, generated
 * from schema/schema.graphql — every query and mutation, every argument, every string
 * position inside their input types — sent signed in as an administrator (so mutations
 * are reachable). Every answer must be well-formed JSON: a GraphQL error response whose
 * codes are the six of the error model, or a data response; never a 5xx; no INTERNAL
 * error. Afterwards the database must be as before (audit events of the fuzzer's own
 * sign-in and the rate-limit counters aside).
 *
 * Every generated mutation carries at least one poison (a wrong type, a missing or
 * unknown argument, an unusable ID, text too long or unstorable) so that none may
 * legitimately succeed; the other arguments carry the fuzz strings, so with an ID poison
 * they reach the resolvers. Deterministic: a seeded PRNG.
 */

const REQUESTS = Number(process.env.FUZZ_REQUESTS ?? 2000);
const CONCURRENCY = 8;
const SEED = 20261122;

/** mulberry32: small, fast, deterministic. */
function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1)),
    pick: <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)],
    chance: (p: number) => next() < p,
  };
}
const rnd = prng(SEED);

const HUGE = 'x'.repeat(1024 * 1024); // 1 MiB: over the body limit with the rest of the request
const LONG = '汉'.repeat(100_000); // 300 KB of UTF-8: under the body limit, over every sane MaxLength
const INJECTIONS = [
  `' OR 1=1 --`,
  `'; DROP TABLE app_user; --`,
  `" OR ""="`,
  `1; select pg_sleep(10)`,
  `' UNION SELECT password_hash FROM app_user --`,
  '${jndi:ldap://x/a}',
  '${7*7}',
  '{{7*7}}',
  '#{7*7}',
  '__proto__',
  'constructor',
  '{"__proto__":{"role":"ADMIN"}}',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '../../../../etc/passwd',
  '%00%s%n%x',
  '\\',
  '\\u0000',
  '%',
  '_',
  '*',
  '{"$gt": ""}',
  'null',
  'undefined',
  'NaN',
  '-1',
  '1e309',
  '9'.repeat(400),
  '0x7fffffff',
];
const UNICODE = [
  '',
  ' ',
  '\t\r\n',
  'مرحبا بالعالم',
  '\u202Eevil\u202C.exe',
  'zero\u200Bwidth\u200D',
  '\uFEFFbom',
  '😀👩‍👩‍👧‍👦🇨🇳',
  '𠜎𠜱𠝹𠱓',
  'e\u0301\u0302\u0303',
  '１２３ＡＢＣ',
  '\u0001\u001F\u007F\u0085',
  '青衣县\u3000城东街道',
  'Ⅻ㊿',
];
const UNSTORABLE = ['\u0000', 'x\u0000y', '\uD800', 'a\uDC00b', '\uDBFF'];
const FUZZ_STRINGS = [...INJECTIONS, ...UNICODE, ...UNSTORABLE];
const fuzzString = (): string => {
  const r = rnd.next();
  if (r < 0.003) return HUGE;
  if (r < 0.01) return LONG;
  return rnd.pick(FUZZ_STRINGS);
};
const BAD_IDS = [
  '',
  'garbage',
  '%%%',
  toGlobalId('Nope', 1),
  toGlobalId('User', '1 OR 1=1'),
  toGlobalId('Region', -1),
  toGlobalId('Region', 9_999_999_999),
  toGlobalId('Community', 'abc'),
  Buffer.from('Region:1\u0000').toString('base64url'),
];

const schema = buildSchema(fs.readFileSync(path.join(__dirname, '..', 'schema', 'schema.graphql'), 'utf8'));

// ---------------------------------------------------------------------------
// Values for input types
// ---------------------------------------------------------------------------

type Poison = 'wrongType' | 'missingRequired' | 'unknownField' | 'badId' | 'tooLong' | 'unstorable' | 'unknownArgument';

function leafValue(type: GraphQLInputType): unknown {
  const named = getNamedType(type);
  if (isEnumType(named)) return rnd.pick(named.getValues()).value;
  switch (named.name) {
    case 'String':
      return fuzzString();
    case 'ID':
      return rnd.chance(0.7) ? rnd.pick(BAD_IDS) : fuzzString();
    case 'Int':
      return rnd.pick([0, 1, -1, 2_147_483_647, -2_147_483_648, rnd.int(-1000, 1000)]);
    case 'Float':
      return rnd.pick([0, -0.5, 1e300, -1e300, 3.14159, rnd.next() * 1e6]);
    case 'Boolean':
      return rnd.chance(0.5);
    case 'DateTimeISO':
    case 'DateTime':
      return rnd.pick(['2026-01-01T00:00:00Z', '0000-00-00T00:00:00Z', '2026-13-45T99:99:99Z', 'yesterday', '', fuzzString()]);
    case 'JSON':
    case 'JSONObject':
      return rnd.pick([{}, { a: fuzzString() }, [1, 2, 3], fuzzString(), null]);
    default:
      return rnd.chance(0.5) ? fuzzString() : rnd.pick(['2026-01-01', '2026-02-30', '19700101', 'x']);
  }
}

function valueFor(type: GraphQLInputType, depth = 0): unknown {
  if (isNonNullType(type)) return valueFor(type.ofType, depth);
  if (isListType(type)) return Array.from({ length: rnd.int(0, depth > 2 ? 1 : 3) }, () => valueFor(type.ofType, depth + 1));
  if (isInputObjectType(type)) {
    const out: Record<string, unknown> = {};
    for (const field of Object.values(type.getFields())) {
      if (isNonNullType(field.type) || (depth < 3 && rnd.chance(0.6))) out[field.name] = valueFor(field.type, depth + 1);
    }
    return out;
  }
  return leafValue(type);
}

/** A wrong value for `type`: another JSON type, null for non-null, an unknown enum value, an out-of-range number. */
function wrongValue(type: GraphQLInputType): unknown {
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-assertion -- graphql-js and the driver type these loosely
  const nullable = getNullableType(type) as GraphQLInputType;
  if (isNonNullType(type) && rnd.chance(0.3)) return null;
  if (isListType(nullable)) return rnd.pick([{ not: 'a list' }, 'x', [[['deep']]], [null, null]]);
  if (isInputObjectType(nullable))
    return rnd.pick(['not an object', 42, [1, 2], JSON.parse('{"__proto__": {"role": "ADMIN"}, "unknownField": 1}'), { constructor: { prototype: {} } }]);
  const named = getNamedType(type);
  if (isEnumType(named)) return rnd.pick(['NOT_A_VALUE', named.getValues()[0].value.toLowerCase(), 0, '', { a: 1 }]);
  if (named.name === 'Int') return rnd.pick([2 ** 31, -(2 ** 31) - 1, 2 ** 53 + 1, 1.5, '12', true, [], {}]);
  if (named.name === 'Float') return rnd.pick(['1.5', true, [], {}, 'NaN']);
  if (named.name === 'Boolean') return rnd.pick(['true', 0, 1, [], {}]);
  return rnd.pick([12345, true, { s: 'x' }, ['x'], 1.5]);
}

/** Paths (argument name, then input fields) to every position of a given kind inside an argument value. */
function positions(value: unknown, type: GraphQLInputType, at: (string | number)[], out: { path: (string | number)[]; type: GraphQLInputType }[]) {
  out.push({ path: at, type });
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-assertion -- graphql-js and the driver type these loosely
  const nullable = getNullableType(type) as GraphQLInputType;
  if (isListType(nullable) && Array.isArray(value)) value.forEach((v, i) => positions(v, nullable.ofType, [...at, i], out));
  if (isInputObjectType(nullable) && value && typeof value === 'object' && !Array.isArray(value)) {
    const fields = nullable.getFields();
    for (const [k, v] of Object.entries(value)) if (fields[k]) positions(v, fields[k].type, [...at, k], out);
  }
}
function setAt(root: Record<string, unknown>, p: (string | number)[], v: unknown) {
  let o: any = root;
  for (let i = 0; i < p.length - 1; i++) {
    o = o?.[p[i]];
    if (!o || typeof o !== 'object') return; // an earlier poison replaced the parent
  }
  o[p[p.length - 1]] = v;
}

// ---------------------------------------------------------------------------
// Operations
// ---------------------------------------------------------------------------

function selectionFor(type: GraphQLOutputType): string {
  const named = getNamedType(type);
  return isLeafType(named) ? '' : ' { __typename }';
}

/** A GraphQL literal for a JSON-ish value (strings in JSON syntax, which GraphQL shares). */
function literal(v: unknown, type: GraphQLInputType): string {
  if (v === null || v === undefined) return 'null';
  const named = getNamedType(type);
  if (Array.isArray(v))
    return `[${v.map((x) => literal(x, isListType(getNullableType(type)) ? ((getNullableType(type) as any).ofType as GraphQLInputType) : type)).join(' ')}]`;
  if (typeof v === 'object') {
    const fields = isInputObjectType(getNullableType(type)) ? (getNullableType(type) as any).getFields() : {};
    return `{${Object.entries(v)
      .map(([k, x]) => `${/^[_A-Za-z][_0-9A-Za-z]*$/.test(k) ? k : 'bad_key'}: ${literal(x, fields[k]?.type ?? type)}`)
      .join(' ')}}`;
  }
  if (isEnumType(named) && typeof v === 'string' && /^[_A-Za-z][_0-9A-Za-z]*$/.test(v)) return v;
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '0';
  return JSON.stringify(v);
}

interface Request {
  kind: string;
  body: string;
  headers?: Record<string, string>;
  method?: 'POST' | 'GET';
  url?: string;
  mutation?: boolean;
}

function fieldRequest(opType: 'query' | 'mutation', field: GraphQLField<unknown, unknown>): Request {
  const args = field.args;
  const values: Record<string, unknown> = {};
  for (const a of args) if (isNonNullType(a.type) || rnd.chance(0.7)) values[a.name] = valueFor(a.type);
  const applied: Poison[] = [];
  const poisons: Poison[] = ['wrongType', 'unknownArgument', 'unstorable', 'tooLong'];
  const all: { path: (string | number)[]; type: GraphQLInputType }[] = [];
  for (const a of args) if (a.name in values) positions(values[a.name], a.type, [a.name], all);
  if (all.some((x) => getNamedType(x.type).name === 'ID')) poisons.push('badId', 'badId', 'badId');
  if (args.some((a) => isNonNullType(a.type))) poisons.push('missingRequired');
  const poisonCount = opType === 'mutation' ? rnd.int(1, 2) : rnd.chance(0.5) ? 1 : 0;
  for (let i = 0; i < poisonCount; i++) applied.push(rnd.pick(poisons));
  let extraArgument = false;
  for (const p of applied) {
    const strings = all.filter((x) => getNamedType(x.type).name === 'String' && x.path.length > 0);
    const ids = all.filter((x) => getNamedType(x.type).name === 'ID');
    if (p === 'wrongType' && all.length) {
      const target = rnd.pick(all);
      setAt(values, target.path, wrongValue(target.type));
    } else if (p === 'badId' && ids.length) {
      for (const target of ids) setAt(values, target.path, rnd.pick(BAD_IDS));
    } else if (p === 'unstorable' && strings.length) {
      setAt(values, rnd.pick(strings).path, rnd.pick(UNSTORABLE));
    } else if (p === 'tooLong' && strings.length) {
      setAt(values, rnd.pick(strings).path, rnd.chance(0.3) ? HUGE : LONG);
    } else if (p === 'missingRequired') {
      const required = args.filter((a) => isNonNullType(a.type));
      if (required.length) delete values[rnd.pick(required).name];
    } else {
      extraArgument = true;
    }
  }
  // A mutation whose poisons found nothing to poison gets an unknown argument.
  if (
    opType === 'mutation' &&
    !applied.some((p) => p === 'wrongType' || p === 'missingRequired' || p === 'unknownArgument') &&
    !all.some((x) => ['ID', 'String'].includes(getNamedType(x.type).name))
  ) {
    extraArgument = true;
  }
  const useVariables = rnd.chance(0.6);
  const argDefs = args.filter((a) => a.name in values);
  const extra = extraArgument ? [`zzUnknownArgument: 1`] : [];
  if (useVariables) {
    const defs = argDefs.map((a, i) => `$v${i}: ${a.type.toString()}`);
    const uses = argDefs.map((a, i) => `${a.name}: $v${i}`);
    const variables = Object.fromEntries(argDefs.map((a, i) => [`v${i}`, values[a.name]]));
    // Required arguments left out stay left out of the call too (a validation error).
    const query = `${opType} Fuzz${defs.length ? `(${defs.join(', ')})` : ''} { ${field.name}${uses.length + extra.length ? `(${[...uses, ...extra].join(', ')})` : ''}${selectionFor(field.type)} }`;
    return {
      kind: `${opType}:${field.name}:vars:${applied.join('+') || 'clean'}`,
      body: JSON.stringify({ query, variables, operationName: 'Fuzz' }),
      mutation: opType === 'mutation',
    };
  }
  const uses = argDefs.map((a) => `${a.name}: ${literal(values[a.name], a.type)}`);
  const query = `${opType} { ${field.name}${uses.length + extra.length ? `(${[...uses, ...extra].join(', ')})` : ''}${selectionFor(field.type)} }`;
  return { kind: `${opType}:${field.name}:literal:${applied.join('+') || 'clean'}`, body: JSON.stringify({ query }), mutation: opType === 'mutation' };
}

/** Malformed requests that are not about one field. */
function malformedRequest(): Request {
  const queryField = rnd.pick(Object.keys(schema.getQueryType()!.getFields()));
  const r = rnd.int(0, 23);
  const q = (query: unknown, extra: Record<string, unknown> = {}) => JSON.stringify({ query, ...extra });
  switch (r) {
    case 0:
      return { kind: 'garbage-bytes', body: Array.from({ length: rnd.int(1, 200) }, () => String.fromCharCode(rnd.int(0, 0xffff))).join('') };
    case 1:
      return { kind: 'truncated-json', body: q(`{ ${queryField} }`).slice(0, rnd.int(1, 20)) };
    case 2:
      return { kind: 'unbalanced', body: q(`{ ${queryField} { ${'{'.repeat(rnd.int(1, 50))}`) };
    case 3:
      return { kind: 'deep-nesting', body: q(`{ ${'a { '.repeat(rnd.int(200, 5000))}b${' }'.repeat(10)} }`) };
    case 4:
      return { kind: 'unknown-field', body: q(`{ zzNoSuchField${rnd.int(0, 9)} { id } }`) };
    case 5:
      return { kind: 'query-not-string', body: q(rnd.pick([42, { a: 1 }, ['x'], true, null])) };
    case 6:
      return { kind: 'variables-not-object', body: q('query($a: String) { __typename }', { variables: rnd.pick(['x', [1], 3, true]) }) };
    case 7:
      return { kind: 'operation-name-mismatch', body: q('query A { __typename } query B { __typename }', { operationName: rnd.pick(['C', '', null, 42]) }) };
    case 8:
      return { kind: 'batched', body: JSON.stringify([{ query: '{ __typename }' }, { query: '{ __typename }' }]) };
    case 9:
      return { kind: 'empty-body', body: rnd.pick(['', '{}', 'null', '[]', '""']) };
    case 10:
      return {
        kind: 'persisted-query',
        body: JSON.stringify({ extensions: { persistedQuery: { version: rnd.pick([1, 2, 'x']), sha256Hash: fuzzString().slice(0, 100) } } }),
      };
    case 11:
      return { kind: 'subscription', body: q('subscription { __typename }') };
    case 12:
      return { kind: 'fragment-cycle', body: q(`{ ...A } fragment A on Query { ...B } fragment B on Query { ...A }`) };
    case 13:
      return { kind: 'alias-flood', body: q(`{ ${Array.from({ length: rnd.int(31, 300) }, (_, i) => `a${i}: __typename`).join(' ')} }`) };
    case 14:
      return { kind: 'directive-flood', body: q(`{ __typename ${'@include(if: true) '.repeat(rnd.int(21, 200))}}`) };
    case 15:
      return {
        kind: 'wrong-content-type',
        body: q('{ __typename }'),
        headers: { 'content-type': rnd.pick(['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/xml']) },
      };
    case 16:
      return {
        kind: 'bad-authorization',
        body: q('{ __typename }'),
        headers: {
          authorization: rnd.pick([
            'Bearer',
            'Bearer ' +
              fuzzString()
                .slice(0, 500)
                .replace(/[^\x20-\x7e]/g, 'x'),
            'Basic YWRtaW46YWRtaW4=',
            'Bearer zr_' + 'a'.repeat(40),
            'Bearer a.b.c',
            'Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiIxIn0.',
          ]),
        },
      };
    case 17:
      return {
        kind: 'huge-variables',
        body: q('query($a: String) { __typename }', { variables: Object.fromEntries(Array.from({ length: 5000 }, (_, i) => [`k${i}`, i])) }),
      };
    case 18: {
      let nested: unknown = 'x';
      for (let i = 0; i < rnd.int(100, 3000); i++) nested = [nested];
      return { kind: 'deep-variables', body: q('query($a: [String]) { __typename }', { variables: { a: nested } }) };
    }
    case 19:
      return { kind: 'get-mutation', method: 'GET', body: '', url: `/graphql?query=${encodeURIComponent('mutation { signOut }')}` };
    case 20:
      return {
        kind: 'get-garbage',
        method: 'GET',
        body: '',
        url: `/graphql?query=${rnd.pick([
          encodeURIComponent(
            fuzzString()
              .slice(0, 300)
              .replace(/[\uD800-\uDFFF]/g, '?'),
          ),
          '%ZZ',
          '%C3%28',
          '%00',
          '%E0%80%80',
          '{%20__typename%20}',
        ])}&variables=${rnd.pick(['%7B', '%5B%5D', 'x', '%7B%22a%22%3A1%7D', '%FF'])}`,
      };
    case 21:
      return { kind: 'type-condition', body: q(`{ node(id: "x") { ... on ${rnd.pick(['Nope', 'String', 'Query', 'Mutation'])} { __typename } } }`) };
    case 22:
      return {
        kind: 'introspection-abuse',
        body: q(
          `{ __schema { types { fields { type { ofType { ofType { ofType { ofType { ofType { ofType { ofType { ofType { ofType { name } } } } } } } } } } } } } }`,
        ),
      };
    default:
      return { kind: 'huge-query-string', body: q(`{ __typename } # ${HUGE}`) };
  }
}

// ---------------------------------------------------------------------------
// The database, before and after
// ---------------------------------------------------------------------------

/** Rows of every table, as a fingerprint per table (the fuzzer's own traces aside). */
async function fingerprint(sql: Client): Promise<Record<string, string>> {
  const { rows: tables } = await sql.query(`select tablename from pg_tables where schemaname = 'public' order by tablename`);
  const out: Record<string, string> = {};
  for (const { tablename } of tables) {
    if (['rate_limit_counter', 'mikro_orm_migrations'].includes(tablename)) continue;
    let from = `"${tablename}" t`;
    let row = 't';
    // The fuzzer's sign-in moves the admin's last sign-in time, the global chain's head and adds its audit event.
    if (tablename === 'audit_event') from = `"audit_event" t where t.action <> 'user.signIn'`;
    if (tablename === 'audit_chain_head') from = `"audit_chain_head" t where t.chain_key <> 'global'`;
    // Its session's last use (the idle timeout) is written at most once a minute: a long run moves it.
    if (tablename === 'user_session') row = `(t.jti, t.user_id, t.expires_at)`;
    if (tablename === 'app_user') row = `(t.id, t.username, t.password_hash, t.role, t.active, t.locked_until, t.failed_sign_ins, t.token_version)`;
    const { rows } = await sql.query(`select count(*)::int as n, md5(coalesce(string_agg(${row}::text, '|' order by ${row}::text), '')) as h from ${from}`);
    out[tablename] = `${rows[0].n}:${rows[0].h}`;
  }
  return out;
}

// ---------------------------------------------------------------------------

let t: TestApi;
let sql: Client;
beforeAll(async () => {
  // Rate limits on (their counters are written) but far above what the fuzzer sends.
  t = await startTestApi({ RATE_LIMIT_PER_IP: '1000000', RATE_LIMIT_PER_ACCOUNT: '1000000' });
  sql = new Client({ connectionString: t.databaseUrl });
  await sql.connect();
});
afterAll(async () => {
  await sql.end();
  await t.close();
});

it(`answers ${REQUESTS} malformed requests with well-formed GraphQL errors, never a 5xx, and changes nothing`, async () => {
  const admin = await t.signIn('admin');
  const fp0 = Date.now();
  const before = await fingerprint(sql);
  const fingerprintMs = Date.now() - fp0;

  const queries = Object.values(schema.getQueryType()!.getFields());
  const mutations = Object.values(schema.getMutationType()!.getFields());
  const requests: Request[] = [];
  // Every field at least twice (once with variables, once with literals, most likely), then at random.
  for (const f of queries) requests.push(fieldRequest('query', f), fieldRequest('query', f));
  for (const f of mutations) requests.push(fieldRequest('mutation', f), fieldRequest('mutation', f), fieldRequest('mutation', f));
  while (requests.length < REQUESTS) {
    const r = rnd.next();
    if (r < 0.2) requests.push(malformedRequest());
    else if (r < 0.55) requests.push(fieldRequest('query', rnd.pick(queries)));
    else requests.push(fieldRequest('mutation', rnd.pick(mutations)));
  }

  const problems: string[] = [];
  const slow: Record<string, number> = {};
  const slowN: Record<string, number> = {};
  const codes: Record<string, number> = {};
  const statuses: Record<number, number> = {};
  let next = 0;
  const started = Date.now();
  const worker = async () => {
    while (next < requests.length) {
      const req = requests[next++];
      const t0 = Date.now();
      const send = () =>
        fetch(`${t.url}${req.url ?? '/graphql'}`, {
          method: req.method ?? 'POST',
          headers: {
            'content-type': 'application/json',
            accept: 'application/graphql-response+json, application/json',
            authorization: `Bearer ${admin}`,
            'apollo-require-preflight': 'true',
            ...req.headers,
          },
          body: req.method === 'GET' ? undefined : req.body,
        }).catch((err: Error & { cause?: Error & { code?: string } }) => ({ failed: `${err.cause?.code ?? ''} ${err.cause?.message ?? err.message}` }));
      let res = await send();
      // A keep-alive connection the server closed as idle just as the client reused it is
      // reset: sent again once (every request here is harmless to repeat). A server that
      // drops the connection on some input would drop it again.
      if ('failed' in res && /ECONNRESET|UND_ERR_SOCKET|other side closed/.test(res.failed)) res = await send();
      if ('failed' in res) {
        problems.push(`no answer (${res.failed}): ${req.kind} ${req.body.length} bytes ${req.body.slice(0, 200)}`);
        continue;
      }
      const text = await res.text();
      const kind =
        req.kind.startsWith('query:') || req.kind.startsWith('mutation:')
          ? `${req.kind.split(':')[0]}:${req.body.length > 250_000 ? 'big' : 'small'}:${req.kind.split(':')[2]}`
          : req.kind;
      slow[kind] = (slow[kind] ?? 0) + (Date.now() - t0);
      slowN[kind] = (slowN[kind] ?? 0) + 1;
      statuses[res.status] = (statuses[res.status] ?? 0) + 1;
      const where = `${req.kind} → ${res.status} ${text.slice(0, 300)}`;
      if (res.status >= 500) problems.push(`5xx: ${where}`);
      let body: any;
      try {
        body = JSON.parse(text);
      } catch {
        problems.push(`not JSON: ${where}`);
        continue;
      }
      if (!body || typeof body !== 'object' || Array.isArray(body) || (!('data' in body) && !('errors' in body))) {
        problems.push(`neither data nor errors: ${where}`);
        continue;
      }
      if (body.errors !== undefined) {
        if (!Array.isArray(body.errors) || body.errors.length === 0) problems.push(`malformed errors: ${where}`);
        for (const e of body.errors ?? []) {
          const code = e?.extensions?.code;
          codes[code] = (codes[code] ?? 0) + 1;
          if (typeof e?.message !== 'string' || !(ERROR_CODES as readonly string[]).includes(code)) problems.push(`bad error: ${where}`);
          // The test API runs without a job queue: operations that need one say so, as INTERNAL.
          if (code === 'INTERNAL' && e.extensions.messageEn !== 'The job queue is not available') problems.push(`INTERNAL: ${where}`);
        }
      }
      if (req.mutation && body.data && Object.values(body.data).some((v) => v !== null))
        problems.push(`a poisoned mutation succeeded: ${req.kind} ${req.body.slice(0, 300)}`);
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  const took = Date.now() - started;

  const after = await fingerprint(sql);
  const changed = Object.keys(before)
    .filter((k) => before[k] !== after[k])
    .map((k) => `${k}: ${before[k]} → ${after[k]}`);
  if (process.env.FUZZ_VERBOSE)
    console.log({
      requests: requests.length,
      took,
      fingerprintMs,
      statuses,
      codes,
      problems: problems.length,
      slowest: Object.entries(slow)
        .sort((a, b) => b[1] - a[1])
        .slice(0, 12)
        .map(([k, v]) => `${k} n=${slowN[k]} avg=${Math.round(v / slowN[k])}`),
    });

  expect(problems.slice(0, 20)).toEqual([]);
  expect(changed).toEqual([]);
  expect(Object.keys(after).length).toBeGreaterThan(10);
  expect(requests.length).toBeGreaterThanOrEqual(REQUESTS);
  expect(took).toBeLessThan(120_000); // about 30 s alone; more when the whole suite shares the machine
  // The admin's token still works: no request got through to signOut or revokeAllSessions.
  expect((await t.gql(`{ me { username } }`, {}, { token: admin })).body.data.me.username).toBe('admin');
}, 180_000);

// ---------------------------------------------------------------------------
// The HTTP routes outside /graphql (issue 12)
// ---------------------------------------------------------------------------

const HTTP_REQUESTS = Number(process.env.FUZZ_HTTP_REQUESTS ?? 800);
const QUERY_PARTS = [
  'region=511828',
  'region=%00',
  'region=__proto__',
  'groupBy=__proto__',
  'groupBy=constructor',
  'groupBy=toString',
  'groupBy=TOWNSHIP',
  'from=2026-99',
  'from=0000-01',
  'to=2026-01',
  'indicators=__proto__,LEDGER_HOURS',
  'indicators=' + 'LEDGER_HOURS,'.repeat(200),
  'monthly=maybe',
  'compare=1',
  'regionId=UmVnaW9uOjE',
  'regionId=%ED%A0%80',
  '__proto__[x]=1',
  'constructor[prototype]=1',
  'a=%ZZ',
  'a=%C3%28',
  'a=%E0%80%80',
  'page=-1',
  'page=__proto__',
  'jobsPerPage=1e309',
  'status=toString',
  'activeQueue=%00',
  'v=' + 'x'.repeat(3000),
  'token=zr_guess',
  'x=1&x=2&x=3',
];
const PATH_SUFFIXES = [
  '',
  '/',
  '/x',
  '/..%2f..%2fpackage.json',
  '/%00',
  '/__proto__',
  '/constructor',
  '/%E4%B8%AD',
  '/' + 'a'.repeat(2000),
  '/static/../../package.json',
];
const AUTH = [
  undefined,
  'Bearer',
  'Bearer garbage',
  'Bearer zr_' + 'a'.repeat(40),
  'Basic YWRtaW46YWRtaW4=',
  'Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiIxIn0.',
  'Bearer fuzz-metrics-token-0123456789-abcdefghij',
];
const COOKIES = [undefined, 'zr_queue_dashboard=garbage', 'zr_queue_dashboard=eyJhbGciOiJIUzI1NiJ9.e30.x', 'zr_queue_dashboard=' + '%00'.repeat(10)];

it(`answers ${HTTP_REQUESTS} hostile requests to every HTTP route outside /graphql: never a 5xx, errors in the error model, nothing changed`, async () => {
  // An API of its own, with a queue backend (in a database of its own) so that the queue dashboard's routes are mounted too.
  const queueDb = await createTestDatabase();
  const queues: QueueBackend = createQueueBackend({ databaseUrl: queueDb.url, prefix: `zrfuzz_${crypto.randomBytes(3).toString('hex')}` });
  const h = await startTestApi(
    { RATE_LIMIT_PER_IP: '1000000', RATE_LIMIT_PER_ACCOUNT: '1000000', METRICS_TOKEN: 'fuzz-metrics-token-0123456789-abcdefghij' },
    { queues },
  );
  const hsql = new Client({ connectionString: h.databaseUrl });
  await hsql.connect();
  try {
    const admin = await h.signIn('admin');
    const before = await fingerprint(hsql);
    const routes = appRoutes(h.api.app).filter((r) => !r.path.startsWith('/graphql'));
    expect(routes.length).toBeGreaterThan(15);
    const problems: string[] = [];
    const statuses: Record<number, number> = {};
    for (let i = 0; i < HTTP_REQUESTS; i++) {
      const route = rnd.pick(routes);
      // Mostly the route's own method; sometimes another (405/404 must be well-formed too). Only reads are made as an admin.
      const method = rnd.chance(0.8) ? route.method : rnd.pick(['GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS']);
      const parts = Array.from({ length: rnd.int(0, 4) }, () => rnd.pick(QUERY_PARTS));
      const path =
        concrete(route.path, rnd.pick(['platform-sync', 'x', '__proto__', '%00', 'dashboard.js', '1'])) + (rnd.chance(0.2) ? rnd.pick(PATH_SUFFIXES) : '');
      const auth = method === 'GET' && rnd.chance(0.3) ? `Bearer ${admin}` : rnd.pick(AUTH);
      const cookie = rnd.pick(COOKIES);
      const url = `${h.url}${path}${parts.length ? `?${parts.join('&')}` : ''}`;
      let res: Response;
      try {
        res = await fetch(url, { method, redirect: 'manual', headers: { ...(auth ? { authorization: auth } : {}), ...(cookie ? { cookie } : {}) } });
      } catch (err) {
        problems.push(`no answer: ${method} ${url.slice(0, 200)} ${(err as Error).message}`);
        continue;
      }
      const text = await res.text();
      statuses[res.status] = (statuses[res.status] ?? 0) + 1;
      const where = `${method} ${url.slice(h.url.length, h.url.length + 160)} → ${res.status} ${text.slice(0, 200)}`;
      if (res.status >= 500) problems.push(`5xx: ${where}`);
      if (res.status >= 400 && (res.headers.get('content-type') ?? '').includes('json')) {
        let body: any;
        try {
          body = JSON.parse(text);
        } catch {
          problems.push(`not JSON: ${where}`);
          continue;
        }
        const e = body?.errors?.[0];
        if (
          !e ||
          typeof e.message !== 'string' ||
          !(ERROR_CODES as readonly string[]).includes(e.extensions?.code) ||
          typeof e.extensions?.messageEn !== 'string'
        )
          problems.push(`not the error model: ${where}`);
        else if (e.extensions.code === 'INTERNAL') problems.push(`INTERNAL: ${where}`);
      }
    }
    if (process.env.FUZZ_VERBOSE) console.log({ httpRequests: HTTP_REQUESTS, routes: routes.length, statuses });
    expect(problems.slice(0, 20)).toEqual([]);
    // Nothing changed, and the admin's session still works.
    const after = await fingerprint(hsql);
    expect(
      Object.keys(before)
        .filter((k) => before[k] !== after[k])
        .map((k) => k),
    ).toEqual([]);
    expect((await h.gql(`{ me { username } }`, {}, { token: admin })).body.data.me.username).toBe('admin');
  } finally {
    await hsql.end();
    await h.close();
    await queues.close();
    await queueDb.drop();
  }
}, 180_000);
