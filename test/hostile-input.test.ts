/**
 * Hostile input, as families generated from schema/schema.graphql (issue 12): every list
 * with hostile cursors, every date and month argument with non-dates, NUL bytes in every
 * kind of string that reaches SQL. A future list or date argument is covered by adding it
 * to the schema; one the generator cannot reach fails the test instead of passing unseen.
 */
import { Client } from 'pg';
import { startTestApi, type TestApi } from './support/api';
import { allFields, reach, type ArgumentValues, type FieldRef } from './support/schema-walk';
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
  if (codes.some((c) => !(ERROR_CODES as readonly string[]).includes(c) || c === 'INTERNAL')) return { codes, problem: `${where}: ${JSON.stringify(r.body.errors).slice(0, 300)}` };
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
const SHAPES: unknown[] = [true, false, 0, -1, 1.5, 2 ** 31, 1e308, 'x', "' or 1=1 --", '2026-99-99', '2026-02-30', '2026-01-01T00:00:00.000Zjunk', '0000-01-01T00:00:00.000Z', '9'.repeat(30)];
function typeConfusion(): [string, string][] {
  const out: [string, string][] = [];
  for (const v of SHAPES) for (const n of [1, 2, 3]) out.push([JSON.stringify(Array(n).fill(v)), b64(Array(n).fill(v))]);
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
      const first = await t.gql(reach(f, values, ['first: 2'], ' { pageInfo { startCursor endCursor hasNextPage } nodes { __typename } }')!, {}, { token: admin });
      if (first.body.errors) {
        problems.push(`${name} page 1: ${JSON.stringify(first.body.errors)}`);
        continue;
      }
      const infos = JSON.stringify(first.body.data).match(/"endCursor":"[^"]+"/g) ?? [];
      for (const m of infos.slice(0, 1)) {
        const cursor = JSON.parse(`{${m}}`).endCursor as string;
        const next = await t.gql(reach(f, values, ['first: 2', 'after: $c'], ' { pageInfo { startCursor } nodes { __typename } }', '$c: String')!, { c: cursor }, { token: admin });
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
        for (const [label, cursor] of typeConfusion()) cases.push({ f, arg, label, cursor, never: false });
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
        if (e.extensions.details?.[0]?.field !== arg || e.extensions.details?.[0]?.constraint !== 'cursor') return `${where}: not named as a cursor problem: ${JSON.stringify(e)}`;
        refused += 1;
      } else if (never) return `${where}: accepted`;
      return null;
    });
    expect(problems.slice(0, 20)).toEqual([]);
    // Nearly every type confusion is refused too: an ordering has at most a few column types.
    expect(refused / cases.length).toBeGreaterThan(0.85);
  }, 180_000);
});

