/**
 * `npm run bench:costs`: the times behind the costs of expensive fields (FIELD_COSTS in
 * src/http/limits.ts). Starts the API with production settings (bcrypt cost 12) on
 * DATABASE_URL — any database with the demo county (`npm run db:migrate && npm run
 * db:seed` on an empty one), province data not needed — and prints, for an ordinary page
 * of known cost and for each expensive field, the median time of one request alone, the
 * cost that time would mean at the page's time per cost point, and the cost the table
 * gives it.
 */
import { Pool } from 'pg';
import { parse } from 'graphql';
import { fmt, gql, printTable, sequentialMedian, signIn, startServer } from './lib';
import { FIELD_COSTS, operationCost } from '../../src/http/limits';
import { createSchema } from '../../src/schema';
import { AuthService } from '../../src/auth/auth.service';
import { toGlobalId } from '../../src/kernel/global-id';

async function main(): Promise<void> {
  const url = process.env.BENCH_DATABASE_URL || process.env.DATABASE_URL;
  if (!url) throw new Error('set DATABASE_URL to a database with the demo county (npm run db:migrate && npm run db:seed)');
  const pool = new Pool({ connectionString: url, max: 1 });
  const [county] = (await pool.query(`select id from region where code = '511828'`)).rows;
  const [dept] = (await pool.query(`select d.id from department d join app_user u on u.department_id = d.id where u.username = 'dept_civil'`)).rows;
  const [app] = (await pool.query(`select id from admission_application order by id limit 1`)).rows;
  await pool.end();
  if (!county) throw new Error(`no demo county in ${url}`);
  const schema = await createSchema({ auth: new AuthService('bench-costs-only'.padEnd(32, '.'), 60) });
  const server = await startServer(url);
  try {
    const tokens: Record<string, string> = {};
    for (const u of ['admin', 'inspector', 'analyst', 'reviewer', 'dept_civil']) tokens[u] = await signIn(server.url, u);
    const countyId = toGlobalId('Region', county.id);
    const cases: Array<{ name: string; user: string | null; query: string; n?: number }> = [
      { name: 'page: communities(first: 100) { name code }', user: 'analyst', query: `{ communities(first: 100) { nodes { name code } } }` },
      {
        name: 'Mutation.signIn (bcrypt 12)',
        user: null,
        query: `mutation { signIn(input: { username: "analyst", password: "Zhunru@2026" }) { token } }`,
        n: 7,
      },
      {
        name: 'Mutation.signIn, wrong password',
        user: null,
        query: `mutation { signIn(input: { username: "secretary", password: "Wrong-Password-1" }) { token } }`,
        n: 3,
      },
      { name: 'Query.verifyAuditChain (county)', user: 'inspector', query: `{ verifyAuditChain(countyId: "${countyId}") { valid eventCount } }`, n: 10 },
      { name: 'Query.verifyAuditChain (all chains)', user: 'admin', query: `{ verifyAuditChain { valid eventCount } }`, n: 10 },
      {
        name: 'Query.burdenStatistics',
        user: 'analyst',
        query: `{ burdenStatistics(regionCode: "511828", groupBy: TOWNSHIP, from: "2025-12", to: "2026-11") { total { values { value } } } }`,
      },
      { name: 'Query.burdenTrend', user: 'analyst', query: `{ burdenTrend(regionCode: "511828", from: "2025-12", to: "2026-11") { rows { month } } }` },
      { name: 'Query.ledgerCleanupReview', user: 'reviewer', query: `{ ledgerCleanupReview(countyId: "${countyId}") { kind } }` },
      { name: 'Query.plaqueCleanupReview', user: 'reviewer', query: `{ plaqueCleanupReview(countyId: "${countyId}") { message } }` },
      { name: 'Query.consolidationPlan', user: 'reviewer', query: `{ consolidationPlan(regionId: "${countyId}") { __typename } }` },
      {
        name: 'Query.departmentRecord',
        user: 'reviewer',
        query: `{ departmentRecord(departmentId: "${toGlobalId('Department', dept.id)}") { summary { findings } } }`,
      },
      ...(app
        ? [
            {
              name: 'Mutation.checkApplication (rules engine)',
              user: 'reviewer',
              query: `mutation { checkApplication(id: "${toGlobalId('AdmissionApplication', app.id)}") { id } }`,
              n: 10,
            },
          ]
        : []),
    ];
    const rows: Array<Array<string | number>> = [];
    let msPerPoint = 0;
    for (const c of cases) {
      const doc = parse(c.query);
      const cost = operationCost(schema, doc, doc.definitions[0] as never);
      const ms = await sequentialMedian(() => gql(server.url, c.user ? tokens[c.user] : null, c.query).catch(() => undefined), c.n ?? 20);
      if (!msPerPoint) msPerPoint = ms / cost;
      const key = c.name.split(' ')[0];
      rows.push([c.name, fmt(ms, 1), Math.round(ms / msPerPoint), FIELD_COSTS[key] ?? '—', cost]);
    }
    printTable('expensive fields: one request alone, median', ['field', 'ms', 'cost its time means', 'FIELD_COSTS', 'operation cost'], rows);
    console.log(`(time per cost point from the page: ${fmt(msPerPoint * 1000, 2)} µs)`);
  } finally {
    await server.stop();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
