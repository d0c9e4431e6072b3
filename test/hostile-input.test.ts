/**
 * Hostile input, as families generated from schema/schema.graphql (issue 12): every list
 * with hostile cursors, every date and month argument with non-dates, NUL bytes in every
 * kind of string that reaches SQL. A future list or date argument is covered by adding it
 * to the schema; one the generator cannot reach fails the test instead of passing unseen.
 */
import { Client } from 'pg';
import { getNamedType, getNullableType, isListType, type GraphQLArgument, type GraphQLInputType } from 'graphql';
import { startTestApi, type TestApi } from './support/api';
import { allFields, leafPaths, reach, schema, selection, type ArgumentValues, type FieldRef } from './support/schema-walk';
import { ERROR_CODES } from '../src/kernel/errors';
import { toGlobalId } from '../src/kernel/global-id';

let t: TestApi;
let sql: Client;
let admin: string;
const values: ArgumentValues = {};

beforeAll(async () => {
  t = await startTestApi({ RATE_LIMIT_PER_IP: '0', RATE_LIMIT_PER_ACCOUNT: '0' });
  sql = new Client({ connectionString: t.databaseUrl });
  await sql.connect();
  admin = await t.signIn('admin');
  const one = async (q: string) => (await sql.query(q)).rows[0];
  values.departmentId = toGlobalId('Department', (await one(`select id from department order by id limit 1`)).id);
  values.communityCode = (await one(`select code from community order by id limit 1`)).code;
  values.dataElementCode = (await one(`select code from data_element order by id limit 1`)).code;
  values.countyCode = '511828';
  values.regionCode = '511828';
});
afterAll(async () => {
  await sql?.end();
  await t?.close();
});

/** The statements that check a request's token (and note its session's use, once a minute): not the request's own work. */
const AUTHENTICATION_SQL = /^(select u\.\*, exists \(select 1 from revoked_token|insert into user_session )/;

/** Sends requests `concurrency` at a time; returns one summary line per answer that breaks `expectation`. */
async function run<T>(cases: T[], send: (c: T) => Promise<string | null>, concurrency = 6): Promise<string[]> {
  const problems: string[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < cases.length) {
        const problem = await send(cases[next++]);
        if (problem) problems.push(problem);
      }
    }),
  );
  return problems;
}

/** The error codes of an answer, checked to be of the error model; an INTERNAL or a 5xx is a problem. */
function codesOf(r: { status: number; body: any }, where: string): { codes: string[]; problem: string | null } {
  const codes: string[] = (r.body.errors ?? []).map((e: any) => e?.extensions?.code);
  if (r.status >= 500) return { codes, problem: `${where}: HTTP ${r.status} ${JSON.stringify(r.body).slice(0, 200)}` };
  if (codes.some((c) => !(ERROR_CODES as readonly string[]).includes(c) || c === 'INTERNAL'))
    return { codes, problem: `${where}: ${JSON.stringify(r.body.errors).slice(0, 300)}` };
  return { codes, problem: null };
}

// ---------------------------------------------------------------------------------------
// Cursors
// ---------------------------------------------------------------------------------------

/** Every field of the schema that pages with after/before: root lists and lists nested in other types. */
function pagedFields(): FieldRef[] {
  return allFields().filter(({ field }) => field.args.some((a) => a.name === 'after') && field.args.some((a) => a.name === 'before'));
}

const b64 = (v: unknown) => Buffer.from(typeof v === 'string' ? v : JSON.stringify(v), 'utf8').toString('base64url');

/** Cursors no ordering can accept. */
const NEVER_VALID: [string, string][] = [
  ['[null]', b64([null])],
  ['[{}]', b64([{}])],
  ['[[1]]', b64([[1]])],
  ['["\\u0000"]', b64(['\u0000'])],
  ['[1,"\\u0000"]', b64([1, '\u0000'])],
  ['["\\uD800"]', b64(['\uD800'])],
  ['[] (no keys)', b64([])],
  ['{"id":1}', b64({ id: 1 })],
  ['1', b64(1)],
  ['"x"', b64('"x"')],
  ['not JSON', b64('{[')],
  ['not base64', '!!!'],
  ['empty', ''],
  ['padding and spaces', 'W zFd=='],
  ['off:-1', b64('off:-1')],
  ['off:1e3', b64('off:1e3')],
  ['too long', b64(['x'.repeat(2000)])],
  ['five keys', b64([1, 2, 3, 4, 5])],
];
/** Values that fit some column type but not most: each list must refuse those that do not fit its ordering. */
const SHAPES: unknown[] = [
  true,
  false,
  0,
  -1,
  1.5,
  2 ** 31,
  1e308,
  'x',
  "' or 1=1 --",
  '2026-99-99',
  '2026-02-30',
  '2026-01-01T00:00:00.000Zjunk',
  '0000-01-01T00:00:00.000Z',
  '9'.repeat(30),
];
function typeConfusion(): [string, string][] {
  const out: [string, string][] = [];
  for (const v of SHAPES) for (const n of [1, 2]) out.push([JSON.stringify(Array(n).fill(v)), b64(Array(n).fill(v))]);
  for (const v of SHAPES) out.push([JSON.stringify([v, 1]), b64([v, 1])]);
  return out;
}

describe('every list with a hostile cursor', () => {
  it('is reachable by the generator (a new list is covered, or this fails)', () => {
    const unreachable = pagedFields().filter((f) => !reach(f, values, ['first: 1'], ' { __typename }'));
    expect(unreachable.map((f) => `${f.parent.name}.${f.field.name}`)).toEqual([]);
    expect(pagedFields().length).toBeGreaterThanOrEqual(35);
  });

  it('pages forward and back with its own cursors', async () => {
    const problems: string[] = [];
    let pagedTwice = 0;
    for (const f of pagedFields()) {
      const name = `${f.parent.name}.${f.field.name}`;
      const first = await t.gql(
        reach(f, values, ['first: 2'], ' { pageInfo { startCursor endCursor hasNextPage } nodes { __typename } }')!,
        {},
        { token: admin },
      );
      if (first.body.errors) {
        problems.push(`${name} page 1: ${JSON.stringify(first.body.errors)}`);
        continue;
      }
      const infos = JSON.stringify(first.body.data).match(/"endCursor":"[^"]+"/g) ?? [];
      for (const m of infos.slice(0, 1)) {
        const cursor = JSON.parse(`{${m}}`).endCursor as string;
        const next = await t.gql(
          reach(f, values, ['first: 2', 'after: $c'], ' { pageInfo { startCursor } nodes { __typename } }', '$c: String')!,
          { c: cursor },
          { token: admin },
        );
        const back = await t.gql(reach(f, values, ['last: 1', 'before: $c'], ' { nodes { __typename } }', '$c: String')!, { c: cursor }, { token: admin });
        if (next.body.errors || back.body.errors) problems.push(`${name} with its own cursor: ${JSON.stringify(next.body.errors ?? back.body.errors)}`);
        else pagedTwice += 1;
      }
    }
    expect(problems).toEqual([]);
    expect(pagedTwice).toBeGreaterThan(25); // most lists have rows in the demo county
  }, 60_000);

  it('answers a made-up or tampered cursor with BAD_USER_INPUT, never INTERNAL, in after and in before', async () => {
    const cases: { f: FieldRef; arg: 'after' | 'before'; label: string; cursor: string; never: boolean }[] = [];
    for (const f of pagedFields()) {
      for (const arg of ['after', 'before'] as const) {
        for (const [label, cursor] of NEVER_VALID) cases.push({ f, arg, label, cursor, never: true });
        // The type confusions once per list (the same check serves both arguments), in `after`.
        if (arg === 'after') for (const [label, cursor] of typeConfusion()) cases.push({ f, arg, label, cursor, never: false });
      }
    }
    let refused = 0;
    const problems = await run(cases, async ({ f, arg, label, cursor, never }) => {
      const size = arg === 'after' ? 'first' : 'last';
      const q = reach(f, values, [`${size}: 2`, `${arg}: $c`], ' { nodes { __typename } }', '$c: String')!;
      const r = await t.gql(q, { c: cursor }, { token: admin });
      const where = `${f.parent.name}.${f.field.name}(${arg}: ${label})`;
      const { codes, problem } = codesOf(r, where);
      if (problem) return problem;
      if (codes.length) {
        if (codes.some((c) => c !== 'BAD_USER_INPUT')) return `${where}: ${codes.join(',')}`;
        const e = r.body.errors[0];
        if (e.extensions.details?.[0]?.field !== arg || e.extensions.details?.[0]?.constraint !== 'cursor')
          return `${where}: not named as a cursor problem: ${JSON.stringify(e)}`;
        refused += 1;
      } else if (never) return `${where}: accepted`;
      return null;
    });
    expect(problems.slice(0, 20)).toEqual([]);
    // Nearly every type confusion is refused too: an ordering has at most a few column types.
    expect(refused / cases.length).toBeGreaterThan(0.85);
  }, 180_000);
});

// ---------------------------------------------------------------------------------------
// Dates, months and times
// ---------------------------------------------------------------------------------------

interface Position {
  /** Where: `Query.applications(filter.periodFrom)`. */
  label: string;
  operation: 'query' | 'mutation';
  ref: FieldRef;
  arg: GraphQLArgument;
  path: string[];
  scalar: string;
}

const TIME_SCALARS = ['LocalDate', 'Month', 'DateTimeISO'];

/** Every argument, and every field inside an argument's input type, of a date, month or time scalar. */
function timePositions(): Position[] {
  const out: Position[] = [];
  for (const ref of allFields()) {
    for (const arg of ref.field.args) {
      for (const { path, type } of leafPaths(arg.type, TIME_SCALARS)) {
        out.push({
          label: `${ref.parent.name}.${ref.field.name}(${[arg.name, ...path].join('.')})`,
          operation: ref.parent === schema.getMutationType() ? 'mutation' : 'query',
          ref,
          arg,
          path,
          scalar: getNamedType(type).name,
        });
      }
    }
  }
  return out;
}

const NON_VALUES: Record<string, unknown[]> = {
  LocalDate: [
    '2026-99-99',
    '2026-02-30',
    '2025-02-29',
    '0000-01-01',
    '1899-12-31',
    '10000-01-01',
    '2026-1-1',
    '20260101',
    '',
    ' 2026-01-01',
    '2026-01-01T00:00:00Z',
    'yesterday',
    '２０２６-０１-０１',
    '2026-01-01\u0000',
    20260101,
    true,
    { y: 2026 },
  ],
  Month: ['2026-13', '2026-00', '0000-01', '1899-12', '2026-1', '202601', '2026-01-01', '', '2026-W10', 'Jan 2026', 202601, false],
  DateTimeISO: [
    '0000-01-01T00:00:00Z',
    '1899-12-31T23:59:59Z',
    '2026-13-01T00:00:00Z',
    '2026-02-30T00:00:00Z',
    '+275760-09-13T00:00:00Z',
    '2026-01-01T25:00:00Z',
    'yesterday',
    '',
    1.5,
    true,
  ],
};
const GOOD_VALUES: Record<string, string> = { LocalDate: '2026-02-28', Month: '2026-02', DateTimeISO: '2026-02-28T09:30:00+08:00' };
const REASONS: Record<string, string> = { LocalDate: 'INVALID_DATE', Month: 'INVALID_MONTH', DateTimeISO: 'INVALID_DATE_TIME' };

/** The argument value with `leaf` at the position's path (other fields left out: their errors come along, as BAD_USER_INPUT). */
function valueAt(p: Position, leaf: unknown): unknown {
  let v: unknown = leaf;
  let type = p.arg.type;
  const wraps: boolean[] = [];
  // Walk down recording where lists are, then build the value up from the leaf.
  for (const step of p.path) {
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-assertion -- graphql-js's helpers return a wider type than the cast
    const nullable = getNullableType(type) as GraphQLInputType;
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-assertion -- graphql-js's helpers return a wider type than the cast
    const inner = isListType(nullable) ? (getNullableType(nullable.ofType) as GraphQLInputType) : nullable;
    wraps.push(isListType(nullable));
    type = (inner as any).getFields()[step].type;
  }
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-assertion -- graphql-js's helpers return a wider type than the cast
  const lastList = isListType(getNullableType(type) as GraphQLInputType);
  if (lastList) v = [v];
  for (let i = p.path.length - 1; i >= 0; i--) {
    v = { [p.path[i]]: v };
    if (wraps[i]) v = [v];
  }
  if (!p.path.length) return v;
  return v;
}

function literalOf(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(literalOf).join(', ')}]`;
  if (v && typeof v === 'object')
    return `{ ${Object.entries(v)
      .map(([k, x]) => `${k}: ${literalOf(x)}`)
      .join(', ')} }`;
  return JSON.stringify(v);
}

describe('every date, month and time argument with a non-date', () => {
  it('has one of the scalars: no String argument or input field is a date in disguise', () => {
    const disguised: string[] = [];
    // Fields holding several formats by design (a ledger period: 2026-03-02, 2026-W10, 2026Q1, 2026H1 …).
    const PERIODS = /[(.]period\)$/;
    for (const ref of allFields()) {
      for (const arg of ref.field.args) {
        const check = (name: string, description: string | null | undefined, type: GraphQLInputType, where: string) => {
          if (getNamedType(type).name !== 'String' || PERIODS.test(where)) return;
          if (/(On|Date|At|Deadline|Until|Since|Month)$|^(from|to|on|month|date)$/.test(name) || /日期|月份|YYYY-MM|期限/.test(description ?? ''))
            disguised.push(where);
        };
        check(arg.name, arg.description, arg.type, `${ref.parent.name}.${ref.field.name}(${arg.name})`);
        for (const { path, type } of leafPaths(arg.type, ['String'])) {
          let t2 = arg.type;
          let description: string | null | undefined;
          for (const step of path) {
            const n = getNamedType(t2) as any;
            description = n.getFields()[step].description;
            t2 = n.getFields()[step].type;
          }
          check(path[path.length - 1], description, type, `${ref.parent.name}.${ref.field.name}(${[arg.name, ...path].join('.')})`);
        }
      }
    }
    expect([...new Set(disguised)]).toEqual([]);
    expect(timePositions().length).toBeGreaterThan(30);
  });

  it('refuses each with BAD_USER_INPUT naming the position, as a variable and as a literal, before any SQL', async () => {
    const cases: { p: Position; value: unknown; literal: boolean }[] = [];
    for (const p of timePositions())
      for (const value of NON_VALUES[p.scalar])
        for (const literal of [false, true]) if (!literal || typeof value !== 'object') cases.push({ p, value, literal });
    const problems = await run(
      cases,
      async ({ p, value, literal }) => {
        const arg = valueAt(p, value);
        const select = selection(p.ref.field.type);
        const where = `${p.label} = ${JSON.stringify(value)}${literal ? ' (literal)' : ''}`;
        const q = literal
          ? reach(p.ref, values, [`${p.arg.name}: ${literalOf(arg)}`], select)
          : reach(p.ref, values, [`${p.arg.name}: $v`], select, `$v: ${p.arg.type.toString()}`);
        if (!q) return `${where}: unreachable`;
        t.resetQueries();
        const r = await t.gql(q, literal ? {} : { v: arg }, { token: admin });
        const { codes, problem } = codesOf(r, where);
        if (problem) return problem;
        if (!codes.length || codes.some((c) => c !== 'BAD_USER_INPUT')) return `${where}: ${JSON.stringify(r.body).slice(0, 300)}`;
        const named = r.body.errors.find(
          (e: any) => [REASONS[p.scalar], 'INVALID_TEXT'].includes(e.extensions.reason) || (p.scalar === 'DateTimeISO' && /DateTime/.test(e.message)),
        );
        if (!named && !(p.scalar === 'DateTimeISO' && typeof value !== 'string'))
          return `${where}: not named as a bad ${p.scalar}: ${JSON.stringify(r.body.errors).slice(0, 300)}`;
        const expected = p.path.length ? p.path.join('.') : '$v';
        if (
          named?.extensions.details &&
          named.extensions.reason !== 'INVALID_TEXT' &&
          !literal &&
          !String(named.extensions.details[0].field).replace(/\.\d+/g, '').startsWith(expected)
        )
          return `${where}: details name ${named.extensions.details[0].field}, not ${expected}`;
        const ran = t.queries.filter((s) => !AUTHENTICATION_SQL.test(s));
        if (ran.length) return `${where}: SQL ran: ${ran[0].slice(0, 120)}`;
        return null;
      },
      1,
    ); // one at a time: the statements are counted per request
    expect(problems.slice(0, 20)).toEqual([]);
    expect(cases.length).toBeGreaterThan(500);
  }, 180_000);

  it('accepts a real date, month and time in each (whatever else the request lacks)', async () => {
    const problems = await run(timePositions(), async (p) => {
      const select = selection(p.ref.field.type);
      const q = reach(p.ref, values, [`${p.arg.name}: $v`], select, `$v: ${p.arg.type.toString()}`)!;
      const r = await t.gql(q, { v: valueAt(p, GOOD_VALUES[p.scalar]) }, { token: admin });
      const { problem } = codesOf(r, p.label);
      if (problem) return problem;
      const refused = (r.body.errors ?? []).find((e: any) => /^INVALID_DATE|^INVALID_MONTH/.test(e.extensions.reason ?? ''));
      return refused ? `${p.label}: ${refused.message}` : null;
    });
    expect(problems).toEqual([]);
  }, 60_000);
});

// ---------------------------------------------------------------------------------------
// Text PostgreSQL cannot store
// ---------------------------------------------------------------------------------------

describe('NUL bytes and unpaired surrogates', () => {
  it('in every String and ID argument, as a variable and as a literal: BAD_USER_INPUT / INVALID_TEXT, no SQL', async () => {
    const cases: { label: string; q: string; v: unknown }[] = [];
    for (const ref of allFields()) {
      for (const arg of ref.field.args) {
        for (const { path } of leafPaths(arg.type, ['String', 'ID'])) {
          const p: Position = {
            label: `${ref.parent.name}.${ref.field.name}(${[arg.name, ...path].join('.')})`,
            operation: 'query',
            ref,
            arg,
            path,
            scalar: 'String',
          };
          for (const bad of ['a\u0000b', 'x\uDC00']) {
            const v = valueAt(p, bad);
            const viaVar = reach(ref, values, [`${arg.name}: $v`], selection(ref.field.type), `$v: ${arg.type.toString()}`);
            const viaLiteral = reach(ref, values, [`${arg.name}: ${literalOf(v)}`], selection(ref.field.type));
            if (viaVar) cases.push({ label: `${p.label} ${JSON.stringify(bad)}`, q: viaVar, v });
            if (viaLiteral) cases.push({ label: `${p.label} ${JSON.stringify(bad)} (literal)`, q: viaLiteral, v: undefined });
          }
        }
      }
    }
    const problems = await run(
      cases,
      async ({ label, q, v }) => {
        t.resetQueries();
        const r = await t.gql(q, v === undefined ? {} : { v }, { token: admin });
        const { codes, problem } = codesOf(r, label);
        if (problem) return problem;
        if (!codes.length || codes.some((c) => c !== 'BAD_USER_INPUT')) return `${label}: ${JSON.stringify(r.body).slice(0, 300)}`;
        const ran = t.queries.filter((s) => !AUTHENTICATION_SQL.test(s));
        if (ran.length) return `${label}: SQL ran: ${ran[0].slice(0, 120)}`;
        return null;
      },
      1,
    );
    expect(problems.slice(0, 20)).toEqual([]);
    expect(cases.length).toBeGreaterThan(1000);
  }, 240_000);

  it('never reach the driver from anywhere: the ORM refuses them in any statement as BAD_USER_INPUT', async () => {
    const em = t.orm.em.fork();
    for (const bad of ['\u0000', 'a\uD800']) {
      await expect(em.getConnection().execute('select ? as x', [bad])).rejects.toMatchObject({
        extensions: { code: 'BAD_USER_INPUT', reason: 'INVALID_TEXT' },
      });
      await expect(em.getConnection().execute('select ?::jsonb as x', [JSON.stringify({ k: bad })])).rejects.toMatchObject({
        extensions: { reason: 'INVALID_TEXT' },
      });
    }
    // A statement that is fine still runs (and the connection was never broken).
    expect(await em.getConnection().execute(`select 'ok' as x`)).toEqual([{ x: 'ok' }]);
  });
});
