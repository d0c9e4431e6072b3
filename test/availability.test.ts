/**
 * When a store goes away (issue 12, item 7), for real: a PostgreSQL and a Redis started
 * and stopped inside this test. Signed-in requests, anonymous ones and the HTTP routes
 * answer 503 INTERNAL / SERVICE_UNAVAILABLE ("服务暂不可用") within seconds, not 500 and
 * not never; the queue dashboard stops hanging; and everything recovers by itself when the
 * store is back.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import crypto from 'node:crypto';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { freePort } from '../src/db/embedded';
import { loadConfig } from '../src/config';
import { createLogger } from '../src/logger';
import { createOrm, type MikroORM } from '../src/db/orm';
import { startApi, type ApiServer } from '../src/http/server';
import { createQueueBackend, type QueueBackend } from '../src/queue/backend';
import { TEST_JWT_SECRET } from './support/api';
import { createTestDatabase } from './support/databases';
import { DEMO_PASSWORD } from '../src/db/seed/seed';

const post = async (url: string, query: string, token?: string) => {
  const started = Date.now();
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query }),
  });
  return { status: res.status, body: (await res.json()) as any, headers: res.headers, ms: Date.now() - started };
};

async function eventually<T>(what: string, fn: () => Promise<T | undefined>, ms: number): Promise<T> {
  const until = Date.now() + ms;
  let last: unknown;
  while (Date.now() < until) {
    try {
      const v = await fn();
      if (v !== undefined) return v;
    } catch (err) {
      last = err;
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${what} did not happen within ${ms} ms ${last ? String(last) : ''}`);
}

/** A private PostgreSQL (test/support/private-postgres.ts) in a child process: started, and stopped by SIGTERM. */
async function startPrivatePostgres(dataDir: string, port: number): Promise<{ url: string; stop(): Promise<void> }> {
  const child = spawn(process.execPath, ['scripts/run.js', 'test/support/private-postgres.ts', dataDir, String(port)], {
    cwd: path.resolve(__dirname, '..'),
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (d) => {
      out += String(d);
      const line = out.split('\n').find((l) => l.startsWith('postgres'));
      if (line) resolve(line.trim());
    });
    child.once('exit', (code) => reject(new Error(`private PostgreSQL exited (${code})`)));
  });
  return {
    url,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

describe('the database stops and starts again', () => {
  let dataDir: string;
  let port: number;
  let db: { url: string; stop(): Promise<void> } | undefined;
  let orm: MikroORM;
  let api: ApiServer;

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'zhunru-down-'));
    fs.chmodSync(dataDir, 0o755);
    port = await freePort();
    db = await startPrivatePostgres(dataDir, port);
    const run = spawnSync(process.execPath, ['scripts/run.js', 'test/support/prepare-template.ts', db.url], {
      cwd: path.resolve(__dirname, '..'),
      env: { ...process.env, NODE_ENV: 'test' },
      encoding: 'utf8',
    });
    if (run.status !== 0) throw new Error(`preparing the private database failed:\n${run.stdout}\n${run.stderr}`);
    const config = loadConfig({ NODE_ENV: 'test', DATABASE_URL: db.url, PORT: '0', HOST: '127.0.0.1', JWT_SECRET: TEST_JWT_SECRET, LOG_LEVEL: 'silent' });
    orm = await createOrm({ url: db.url, poolMax: 4 });
    api = await startApi({ config, orm, logger: createLogger(config) });
  }, 120_000);

  afterAll(async () => {
    await api?.close();
    await orm?.close(true);
    await db?.stop().catch(() => undefined);
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('answers 503 SERVICE_UNAVAILABLE, signed in or not, on /graphql and the other routes, and recovers by itself', async () => {
    const signIn = await post(api.url, `mutation { signIn(input: { username: "analyst", password: "${DEMO_PASSWORD}" }) { token } }`);
    const token = signIn.body.data.signIn.token;
    expect((await post(api.url, `{ me { username } }`, token)).body.data.me.username).toBe('analyst');

    await db!.stop();
    db = undefined;
    const cases: Array<[string, () => Promise<{ status: number; body: any; ms: number; headers: Headers }>]> = [
      ['signed in', () => post(api.url, `{ me { username } }`, token)],
      ['anonymous', () => post(api.url, `{ regions(first: 1) { nodes { name } } }`)],
      ['a mutation', () => post(api.url, `mutation { signIn(input: { username: "analyst", password: "${DEMO_PASSWORD}" }) { token } }`)],
      [
        'an export',
        async () => {
          const started = Date.now();
          const res = await fetch(`${api.url}/exports/burden-statistics.csv?region=511828`, { headers: { authorization: `Bearer ${token}` } });
          return { status: res.status, body: await res.json(), headers: res.headers, ms: Date.now() - started };
        },
      ],
    ];
    for (const [what, ask] of cases) {
      const r = await ask();
      expect([what, r.status]).toEqual([what, 503]);
      expect([what, r.body.errors[0].extensions]).toEqual([
        what,
        expect.objectContaining({ code: 'INTERNAL', reason: 'SERVICE_UNAVAILABLE', messageEn: expect.stringMatching(/Service unavailable/) }),
      ]);
      expect(r.body.errors[0].message).toMatch(/服务暂不可用/);
      expect(r.headers.get('retry-after')).toBe('5');
      expect([what, r.ms < 10_000]).toEqual([what, true]);
    }
    expect((await fetch(`${api.url}/readyz`)).status).toBe(503);
    expect((await fetch(`${api.url}/healthz`)).status).toBe(200);

    db = await startPrivatePostgres(dataDir, port);
    const back = await eventually(
      'the API to answer again',
      async () => {
        const r = await post(api.url, `{ me { username } }`, token);
        return r.status === 200 ? r : undefined;
      },
      20_000,
    );
    expect(back.body.data.me.username).toBe('analyst');
    expect((await fetch(`${api.url}/readyz`)).status).toBe(200);
  }, 90_000);
});

describe('Redis goes away under the queue dashboard', () => {
  let redis: ChildProcess | undefined;
  let redisPort: number;
  let backend: QueueBackend;
  let db: { url: string; drop(): Promise<void> };
  let orm: MikroORM;
  let api: ApiServer;
  let admin: string;

  const startRedis = async () => {
    redis = spawn('redis-server', ['--port', String(redisPort), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
    await eventually(
      'redis-server to listen',
      async () => {
        const r = spawnSync('redis-cli', ['-p', String(redisPort), 'ping'], { encoding: 'utf8' });
        return r.stdout.trim() === 'PONG' ? true : undefined;
      },
      10_000,
    );
  };

  beforeAll(async () => {
    redisPort = await freePort();
    await startRedis();
    db = await createTestDatabase();
    // Rate limits in PostgreSQL: this is about the queue's store.
    const config = loadConfig({ NODE_ENV: 'test', DATABASE_URL: db.url, PORT: '0', HOST: '127.0.0.1', JWT_SECRET: TEST_JWT_SECRET, LOG_LEVEL: 'silent' });
    backend = createQueueBackend({
      redisUrl: `redis://127.0.0.1:${redisPort}`,
      databaseUrl: db.url,
      prefix: `zrdown_${crypto.randomBytes(3).toString('hex')}`,
    });
    orm = await createOrm({ url: db.url, poolMax: 4 });
    api = await startApi({ config, orm, logger: createLogger(config), queues: backend });
    admin = (await post(api.url, `mutation { signIn(input: { username: "admin", password: "${DEMO_PASSWORD}" }) { token } }`)).body.data.signIn.token;
  }, 60_000);

  afterAll(async () => {
    redis?.kill('SIGKILL');
    await api?.close().catch(() => undefined);
    await backend?.close().catch(() => undefined);
    await orm?.close(true);
    await db?.drop();
  });

  it('answers 503 within seconds instead of hanging, and serves again once Redis is back', async () => {
    const get = async () => {
      const started = Date.now();
      const res = await fetch(`${api.url}/admin/queues/api/queues`, { headers: { authorization: `Bearer ${admin}` } });
      return { status: res.status, body: (await res.json()) as any, ms: Date.now() - started };
    };
    expect((await get()).status).toBe(200);
    redis!.kill('SIGKILL');
    redis = undefined;
    // Straight after (the last good ping is still trusted for a few seconds): the call's own timeout.
    const first = await get();
    expect(first.status).toBe(503);
    expect(first.ms).toBeLessThan(12_000);
    expect(first.body.errors[0]).toMatchObject({
      message: expect.stringMatching(/服务暂不可用.*任务队列/),
      extensions: { code: 'INTERNAL', reason: 'SERVICE_UNAVAILABLE' },
    });
    // Then at once: the ping fails fast.
    const second = await get();
    expect(second.status).toBe(503);
    expect(second.ms).toBeLessThan(4_000);
    // The page itself (no queue needed) still loads, and /readyz says why it is not ready.
    expect((await fetch(`${api.url}/admin/queues`, { headers: { authorization: `Bearer ${admin}` } })).status).toBe(200);
    expect((await fetch(`${api.url}/readyz`)).status).toBe(503);

    await startRedis();
    const back = await eventually(
      'the dashboard to answer again',
      async () => {
        const r = await get();
        return r.status === 200 ? r : undefined;
      },
      20_000,
    );
    expect(back.body.queues.map((q: any) => q.name)).toContain('platform-sync');
  }, 90_000);
});
