/**
 * `npm run bench:api`: the three typical front-end queries under load, on province-scale
 * data (BENCH_DATABASE_URL or DATABASE_URL, filled by `npm run db:generate -- --scale province`):
 *
 *   community page     a community worker's own community with its admitted items, ledgers
 *                      and terminals (communityBurdenCard lists)
 *   department list    a department's applications with their rules findings
 *   reviewer queue     a county reviewer's applications waiting for review
 *
 * For each: SQL statements per request at two page sizes (they must not grow with the
 * page), requests per second and p50/p95/p99 latency under BENCH_CONNECTIONS (50)
 * concurrent clients for BENCH_DURATION (10) seconds, the same data fetched by
 * hand-written SQL on a pool of the server's size under the same load (the GraphQL
 * overhead as a ratio), and the server's peak resident memory.
 *
 * Targets: p95 < 50 ms at 50 clients; statements independent of page size; within 2× the
 * hand-written SQL; server memory < 500 MB.
 */
import os from 'node:os';
import type { Pool } from 'pg';
import {
  CONNECTIONS,
  DURATION,
  benchDatabase,
  fmt,
  gql,
  loadGraphql,
  loadSql,
  printTable,
  sequentialMedian,
  signIn,
  startServer,
  statementsPerRequest,
  withCpu,
} from './lib';
import { Pool as PgPool } from 'pg';

const COMMUNITY_PAGE = `query CommunityPage($code: String!, $n: Int!) {
  community(code: $code) { id code name population township { name } county { name } }
  communityBurdenCard(communityCode: $code) {
    admittedItems(first: $n) { totalCount nodes { id number title status emergency periodEnd department { name shortName } approvalDocument { number validUntil } } }
    ledgers(first: $n) { totalCount nodes { id name frequency format minutesPerFiling oneForm } }
    terminals(first: $n) { totalCount nodes { id externalId model status apps { name integrated } } }
  }
}`;

const DEPARTMENT_LIST = `query DepartmentApplications($dept: ID!, $n: Int!) {
  applications(filter: { departmentId: $dept }, first: $n) {
    totalCount
    pageInfo { hasNextPage endCursor }
    nodes { id number title status kind submittedAt updatedAt hasBlockingFindings findings { code severity message } burden { hoursPerYear communities } county { name } }
  }
}`;

const REVIEWER_QUEUE = `query ReviewerQueue($county: String!, $n: Int!) {
  applications(filter: { countyCode: $county, status: [SUBMITTED, IN_REVIEW, COMMITTEE, EMERGENCY_IN_EFFECT] }, first: $n) {
    totalCount
    nodes { id number title status kind emergency submittedAt approvalDeadline hasBlockingFindings findings { code severity } burden { hoursPerYear } department { name } }
  }
}`;

interface Scenario {
  name: string;
  user: string;
  query: string;
  variables: (n: number) => Record<string, unknown>;
  /** The same data, hand-written: the statements of one request, run as a good service would (in parallel where independent). */
  sql: (pool: Pool, n: number) => Promise<unknown>;
}

async function main(): Promise<void> {
  const databaseUrl = await benchDatabase();
  const meta = new PgPool({ connectionString: databaseUrl, max: 1 });
  const {
    rows: [m],
  } = await meta.query(`
    select c.id as community_id, c.code as community_code, c.county_id, k.code as county_code, u2.department_id as dept_id
      from app_user u join community c on c.id = u.community_id join region k on k.id = c.county_id
      cross join (select department_id from app_user where username = 'dept_civil') u2
     where u.username = 'community'`);
  const {
    rows: [counts],
  } = await meta.query(
    `select (select count(*) from community)::int as communities, (select count(*) from admission_application)::int as applications,
            (select count(*) from ledger_requirement)::int as ledgers, (select count(*) from terminal)::int as terminals,
            (select count(*) from admission_application where department_id = $1)::int as dept_apps,
            (select count(*) from admission_application a join region r on r.id = a.county_id where r.code = $2 and a.status in ('SUBMITTED','IN_REVIEW','COMMITTEE','EMERGENCY_IN_EFFECT'))::int as queue`,
    [m.dept_id, m.county_code],
  );
  await meta.end();
  const deptGlobal = Buffer.from(`Department:${m.dept_id}`).toString('base64url');
  const inEffect = JSON.stringify([m.community_id]);

  const scenarios: Scenario[] = [
    {
      name: '村（社区）页面 community page',
      user: 'community',
      query: COMMUNITY_PAGE,
      variables: (n) => ({ code: m.community_code, n }),
      sql: (pool, n) =>
        Promise.all([
          pool.query(
            `select c.id, c.code, c.name, c.population, t.name as township, k.name as county from community c join region t on t.id = c.township_id join region k on k.id = c.county_id where c.code = $1`,
            [m.community_code],
          ),
          pool.query(
            `select a.id, a.number, a.title, a.status, a.emergency, a.period_end, d.name, d.short_name, doc.number as doc_number, doc.valid_until, count(*) over () as total
               from admission_application a join department d on d.id = a.department_id left join approval_document doc on doc.application_id = a.id
              where a.county_id = $1 and a.status in ('IN_EFFECT', 'EMERGENCY_IN_EFFECT') and a.community_ids @> $2::jsonb order by a.id desc limit $3`,
            [m.county_id, inEffect, n],
          ),
          pool.query(
            `select l.id, l.name, l.frequency, l.format, l.minutes_per_filing, l.one_form, count(*) over () as total from ledger_requirement l
              where l.county_id = $1 and l.status = 'KEPT' and (l.application_id is null or exists (select 1 from admission_application a where a.id = l.application_id and a.community_ids @> $2::jsonb))
              order by l.name, l.id limit $3`,
            [m.county_id, inEffect, n],
          ),
          pool.query(
            `select t.id, t.external_id, t.model, t.status, count(*) over () as total,
                    (select json_agg(json_build_object('name', b.name, 'integrated', b.integrated) order by b.name) from terminal_app ta join business_app b on b.id = ta.business_app_id where ta.terminal_id = t.id) as apps
               from terminal t where t.community_id = $1 and t.deleted_at is null and t.status in ('ACTIVE', 'PLANNED_FOR_CONSOLIDATION') order by t.external_id limit $2`,
            [m.community_id, n],
          ),
        ]),
    },
    {
      name: '部门申请列表 department list',
      user: 'dept_civil',
      query: DEPARTMENT_LIST,
      variables: (n) => ({ dept: deptGlobal, n }),
      sql: (pool, n) =>
        Promise.all([
          pool.query(
            `select a.id, a.number, a.title, a.status, a.kind, a.submitted_at, a.updated_at, a.has_blocking_findings, a.findings, a.burden, k.name as county
               from admission_application a join region k on k.id = a.county_id where a.department_id = $1 order by a.id desc limit $2`,
            [m.dept_id, n + 1],
          ),
          pool.query(`select count(*) from admission_application where department_id = $1`, [m.dept_id]),
        ]),
    },
    {
      name: '审核待办 reviewer queue',
      user: 'reviewer',
      query: REVIEWER_QUEUE,
      variables: (n) => ({ county: m.county_code, n }),
      sql: (pool, n) =>
        Promise.all([
          pool.query(
            `select a.id, a.number, a.title, a.status, a.kind, a.emergency, a.submitted_at, a.approval_deadline, a.has_blocking_findings, a.findings, a.burden, d.name as department
               from admission_application a join department d on d.id = a.department_id
              where a.county_id = $1 and a.status in ('SUBMITTED', 'IN_REVIEW', 'COMMITTEE', 'EMERGENCY_IN_EFFECT') order by a.id desc limit $2`,
            [m.county_id, n],
          ),
          pool.query(
            `select count(*) from admission_application where county_id = $1 and status in ('SUBMITTED', 'IN_REVIEW', 'COMMITTEE', 'EMERGENCY_IN_EFFECT')`,
            [m.county_id],
          ),
        ]),
    },
  ];

  console.log(
    `bench:api — ${counts.communities} communities, ${counts.applications} applications, ${counts.ledgers} ledger requirements, ${counts.terminals} terminals`,
  );
  console.log(
    `the demo department has ${counts.dept_apps} applications; the demo county's review queue holds ${counts.queue}; ${CONNECTIONS} clients × ${DURATION} s per run`,
  );
  const load = () =>
    os
      .loadavg()
      .map((x) => x.toFixed(2))
      .join(' ');
  console.log(`machine: ${os.cpus().length} cores, load average ${load()} at start`);
  const server = await startServer(databaseUrl);
  const rows: Array<Array<string | number>> = [];
  const paced: Array<Array<string | number>> = [];
  const ratios: Array<Array<string | number>> = [];
  try {
    for (const s of scenarios) {
      const token = await signIn(server.url, s.user);
      const run = (n: number) => () => gql(server.url, token, s.query, s.variables(n));
      const sample = await run(20)();
      const stmts10 = await statementsPerRequest(server, run(10));
      const stmts50 = await statementsPerRequest(server, run(50));
      await loadGraphql(server.url, token, s.query, s.variables(20), 3); // warm-up
      const api = await withCpu(server, () => loadGraphql(server.url, token, s.query, s.variables(20)));
      const half = await loadGraphql(server.url, token, s.query, s.variables(20), DURATION, api.rps / 2);
      const sql = await loadSql(databaseUrl, (pool) => s.sql(pool, 20));
      const pool = new PgPool({ connectionString: databaseUrl, max: 4 });
      const seqApi = await sequentialMedian(run(20));
      const seqSql = await sequentialMedian(() => s.sql(pool, 20));
      await pool.end();
      const size = JSON.stringify(sample).length;
      rows.push([
        s.name,
        `${stmts10} / ${stmts50}`,
        fmt(api.rps, 0),
        fmt(api.p50),
        fmt(api.p95),
        fmt(api.p99),
        fmt(api.cpuMsPerRequest),
        api.errors,
        `${(size / 1024).toFixed(1)} KB`,
      ]);
      paced.push([s.name, fmt(half.rps, 0), fmt(half.p50), fmt(half.p95), fmt(half.p99), half.errors]);
      ratios.push([
        s.name,
        fmt(sql.rps, 0),
        fmt(sql.p50),
        fmt(sql.p95),
        fmt(api.p50 / sql.p50, 2),
        fmt(api.p95 / sql.p95, 2),
        fmt(seqApi, 2),
        fmt(seqSql, 2),
        fmt(seqApi / seqSql, 2),
      ]);
    }
    const mem = await server.memory();
    console.log(`\nload average ${load()} at the end (other work on the machine competes for its cores)`);
    printTable(
      `GraphQL API at capacity: ${CONNECTIONS} clients sending back to back, ${DURATION} s each (ms)`,
      ['query', 'SQL stmts (10 / 50 rows)', 'req/s', 'p50', 'p95', 'p99', 'CPU ms/req', 'errors', 'response'],
      rows,
    );
    printTable(
      `GraphQL API paced: ${CONNECTIONS} clients sending half the capacity between them, ${DURATION} s each (ms)`,
      ['query', 'req/s', 'p50', 'p95', 'p99', 'errors'],
      paced,
    );
    printTable(
      `Same data by hand-written SQL (pool of ${process.env.DB_POOL_MAX || 10}, ${CONNECTIONS} clients back to back) and single-client medians (ms)`,
      ['query', 'SQL req/s', 'SQL p50', 'SQL p95', 'API/SQL p50', 'API/SQL p95', 'API 1-client', 'SQL 1-client', 'ratio'],
      ratios,
    );
    console.log(`\nserver memory: peak RSS ${(mem.maxRss / 1048576).toFixed(0)} MB (now ${(mem.rss / 1048576).toFixed(0)} MB)`);
  } finally {
    await server.stop();
  }
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
