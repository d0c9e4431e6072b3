/**
 * Shared parts of `npm run bench:api` and `npm run bench:stats`: the server child process,
 * sign-in, load generation with autocannon (latency of every response kept, so p50/p95/p99
 * are exact), SQL statements per request, the same work as hand-written SQL on a pool of
 * the server's size, and printing.
 */
import http from 'node:http';
import path from 'node:path';
import crypto from 'node:crypto';
import { spawn, type ChildProcess } from 'node:child_process';
import { Pool } from 'pg';

// autocannon ships no types
// eslint-disable-next-line @typescript-eslint/no-require-imports
const autocannon = require('autocannon') as (opts: Record<string, unknown>) => any;

const ROOT = path.resolve(__dirname, '..', '..');
export const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS || 50);
export const DURATION = Number(process.env.BENCH_DURATION || 10);
export const POOL = Number(process.env.DB_POOL_MAX || 10);

/** The database to load: BENCH_DATABASE_URL or DATABASE_URL, filled by `npm run db:generate -- --scale province`. */
export async function benchDatabase(): Promise<string> {
  const url = process.env.BENCH_DATABASE_URL || process.env.DATABASE_URL;
  if (!url) {
    throw new Error(
      'set BENCH_DATABASE_URL (or DATABASE_URL) to a database filled by `npm run db:generate -- --scale province`, e.g.\n' +
        '  psql -h 127.0.0.1 -U postgres -c "create database zr_bench"\n' +
        '  DATABASE_URL=postgres://postgres@127.0.0.1:5432/zr_bench npm run db:generate -- --scale province',
    );
  }
  const pool = new Pool({ connectionString: url, max: 1 });
  try {
    const { rows } = await pool.query(
      `select (select count(*) from community)::int as communities, (select count(*) from admission_application)::int as applications, (select count(*) from stat_refresh where finished_at is not null)::int as refreshes`,
    );
    if (rows[0].communities < 1000)
      throw new Error(
        `the database at ${url} has ${rows[0].communities} communities: generate province-scale data first (npm run db:generate -- --scale province)`,
      );
    return url;
  } finally {
    await pool.end();
  }
}

export interface BenchServer {
  url: string;
  pid: number;
  queries(): Promise<number>;
  memory(): Promise<{ rss: number; maxRss: number; cpuMs: number }>;
  stop(): Promise<void>;
}

/** Starts test/bench/server.ts on the database (production settings; rate limits off: the load comes from one address; no second factor). */
export async function startServer(databaseUrl: string): Promise<BenchServer> {
  const nodeArgs = (process.env.BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean); // e.g. --cpu-prof
  const child: ChildProcess = spawn(process.execPath, [...nodeArgs, 'scripts/run.js', 'test/bench/server.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      DATABASE_URL: databaseUrl,
      REDIS_URL: '',
      HOST: '127.0.0.1',
      PORT: '0',
      LOG_LEVEL: process.env.BENCH_LOG_LEVEL || 'warn',
      JWT_SECRET: crypto.randomBytes(32).toString('hex'),
      RATE_LIMIT_PER_IP: '0',
      RATE_LIMIT_PER_ACCOUNT: '0',
      // The load signs in once per account; a second factor would only add a step the benchmark does not measure.
      TOTP_REQUIRED_ROLES: 'none',
      DATA_DIR: path.join(ROOT, 'data', 'bench'),
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const { url, pid } = await new Promise<{ url: string; pid: number }>((resolve, reject) => {
    let buf = '';
    child.stdout!.on('data', (d: Buffer) => {
      if (process.env.BENCH_SHOW_STDOUT) process.stderr.write(d);
      buf += d.toString();
      const line = buf.split('\n').find((l) => l.startsWith('{"url"'));
      if (line) resolve(JSON.parse(line));
    });
    child.once('exit', (code) => reject(new Error(`bench server exited (${code})`)));
  });
  const getJson = async (p: string) => (await fetch(`${url}${p}`)).json() as Promise<any>;
  return {
    url,
    pid,
    queries: async () => (await getJson('/__bench/queries')).queries,
    memory: () => getJson('/__bench/memory'),
    stop: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

export async function gql(url: string, token: string | null, query: string, variables: Record<string, unknown> = {}): Promise<any> {
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as any;
  if (body.errors) throw new Error(`GraphQL error: ${JSON.stringify(body.errors).slice(0, 500)}`);
  return body.data;
}

export async function signIn(url: string, username: string, password = 'Zhunru@2026'): Promise<string> {
  const data = await gql(url, null, `mutation($i: SignInInput!) { signIn(input: $i) { token } }`, { i: { username, password } });
  return data.signIn.token;
}

/** SQL statements one run of the query costs (the server is otherwise idle). */
/** Server CPU milliseconds per request over a run (from the server's process.cpuUsage). */
export async function withCpu<T extends LoadResult>(server: BenchServer, run: () => Promise<T>): Promise<T & { cpuMsPerRequest: number }> {
  const before = (await server.memory()).cpuMs;
  const result = await run();
  const after = (await server.memory()).cpuMs;
  return { ...result, cpuMsPerRequest: (after - before) / Math.max(1, result.requests) };
}

export async function statementsPerRequest(server: BenchServer, run: () => Promise<unknown>): Promise<number> {
  await run();
  const before = await server.queries();
  await run();
  return (await server.queries()) - before;
}

export interface LoadResult {
  requests: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  errors: number;
}

const percentile = (sorted: number[], p: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] : NaN);

function summarise(latencies: number[], seconds: number, errors: number): LoadResult {
  const sorted = latencies.sort((a, b) => a - b);
  return {
    requests: sorted.length,
    rps: sorted.length / seconds,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    errors,
  };
}

/**
 * `CONNECTIONS` clients posting the GraphQL operation for `DURATION` seconds: as fast as
 * they get answers (closed loop, autocannon: measures capacity; latency is then mostly
 * queueing), or — with `rate` — requests started at evenly spaced instants, `rate` a
 * second in all, over at most `CONNECTIONS` connections (open loop: the latency a user
 * sees at that load).
 */
export async function loadGraphql(
  url: string,
  token: string,
  query: string,
  variables: Record<string, unknown>,
  duration = DURATION,
  rate?: number,
): Promise<LoadResult> {
  if (rate) return loadPaced(url, token, JSON.stringify({ query, variables }), rate, duration);
  const latencies: number[] = [];
  let errors = 0;
  const started = Date.now();
  const instance = autocannon({
    url: `${url}/graphql`,
    method: 'POST',
    connections: CONNECTIONS,
    duration,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  instance.on('response', (_client: unknown, status: number, _bytes: number, ms: number) => {
    if (status !== 200) errors++;
    latencies.push(ms);
  });
  const result = await instance;
  return summarise(latencies, (Date.now() - started) / 1000, errors + (result.errors ?? 0) + (result.timeouts ?? 0));
}

async function loadPaced(url: string, token: string, body: string, rate: number, duration: number): Promise<LoadResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: CONNECTIONS });
  const target = new URL(`${url}/graphql`);
  const latencies: number[] = [];
  let errors = 0;
  const post = () =>
    new Promise<void>((resolve) => {
      const t0 = performance.now();
      const req = http.request(
        {
          agent,
          host: target.hostname,
          port: target.port,
          path: target.pathname,
          method: 'POST',
          headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), authorization: `Bearer ${token}` },
        },
        (res) => {
          res.resume();
          res.on('end', () => {
            if (res.statusCode !== 200) errors++;
            latencies.push(performance.now() - t0);
            resolve();
          });
        },
      );
      req.on('error', () => {
        errors++;
        resolve();
      });
      req.end(body);
    });
  const total = Math.max(1, Math.round(rate * duration));
  const started = performance.now();
  const inFlight: Array<Promise<void>> = [];
  for (let i = 0; i < total; i++) {
    const wait = started + (i * 1000) / rate - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    inFlight.push(post());
  }
  await Promise.all(inFlight);
  agent.destroy();
  return summarise(latencies, (performance.now() - started) / 1000, errors);
}

/** The same number of concurrent clients running `work` (hand-written SQL) on a pool of the server's size. */
export async function loadSql(databaseUrl: string, work: (pool: Pool) => Promise<unknown>, duration = DURATION): Promise<LoadResult> {
  const pool = new Pool({ connectionString: databaseUrl, max: POOL });
  try {
    for (let i = 0; i < POOL; i++) await work(pool); // warm the connections
    const latencies: number[] = [];
    let errors = 0;
    const end = Date.now() + duration * 1000;
    const started = Date.now();
    await Promise.all(
      Array.from({ length: CONNECTIONS }, async () => {
        while (Date.now() < end) {
          const t0 = performance.now();
          try {
            await work(pool);
          } catch {
            errors++;
          }
          latencies.push(performance.now() - t0);
        }
      }),
    );
    return summarise(latencies, (Date.now() - started) / 1000, errors);
  } finally {
    await pool.end();
  }
}

/** Single-client latency (ms, median of `n`) of `work`, for ratios without queueing. */
export async function sequentialMedian(work: () => Promise<unknown>, n = 30): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    await work();
    times.push(performance.now() - t0);
  }
  return percentile(
    times.sort((a, b) => a - b),
    50,
  );
}

export const fmt = (n: number, d = 1) => (Number.isFinite(n) ? n.toFixed(d) : '—');

export function printTable(title: string, headers: string[], rows: Array<Array<string | number>>): void {
  const cells = [headers, ...rows.map((r) => r.map(String))];
  const widths = headers.map((_, i) => Math.max(...cells.map((r) => [...r[i]].reduce((w, ch) => w + (ch.charCodeAt(0) > 0x2e80 ? 2 : 1), 0))));
  const pad = (s: string, w: number) => s + ' '.repeat(Math.max(0, w - [...s].reduce((x, ch) => x + (ch.charCodeAt(0) > 0x2e80 ? 2 : 1), 0)));
  console.log(`\n${title}`);
  for (const [i, r] of cells.entries()) {
    console.log(r.map((c, j) => (j === 0 ? pad(c, widths[j]) : c.padStart(widths[j]))).join('  '));
    if (i === 0) console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  }
}
