import { print } from 'graphql';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { loadConfig, type Config } from '../../src/config';
import { createLogger } from '../../src/logger';
import { createOrm, type MikroORM } from '../../src/db/orm';
import { startApi, type ApiServer } from '../../src/http/server';
import type { QueueBackend } from '../../src/queue/backend';
import { createTestDatabase } from './databases';

export const TEST_JWT_SECRET = 'test-secret-for-zhunru-jest-runs-only-0123456789';

export interface TestApi {
  url: string;
  orm: MikroORM;
  databaseUrl: string;
  config: Config;
  api: ApiServer;
  /** SQL statements run since the last `resetQueries()`. */
  queries: string[];
  resetQueries(): void;
  /**
   * POST a GraphQL operation — a typed document from test/generated (`npm run codegen`), whose
   * variables and data are then typed, or a query string; returns status and parsed body.
   */
  gql<T = any, V = Record<string, unknown>>(
    query: string | TypedDocumentNode<T, V>,
    variables?: V,
    opts?: { token?: string; headers?: Record<string, string> },
  ): Promise<{ status: number; body: { data?: T; errors?: any }; headers: Headers }>;
  signIn(username: string, password?: string): Promise<string>;
  close(): Promise<void>;
}

/** A running API on its own database cloned from the seeded template (one per test file). */
export async function startTestApi(env: Record<string, string> = {}, opts: { queues?: QueueBackend } = {}): Promise<TestApi> {
  const db = await createTestDatabase();
  const config = loadConfig({ NODE_ENV: 'test', DATABASE_URL: db.url, PORT: '0', HOST: '127.0.0.1', JWT_SECRET: TEST_JWT_SECRET, LOG_LEVEL: 'silent', ...env });
  const queries: string[] = [];
  const orm = await createOrm({ url: db.url, poolMax: 5, onQuery: (sql) => queries.push(sql) });
  const api = await startApi({ config, orm, logger: createLogger(config), queues: opts.queues });
  // The client shares this process: a test that blocks the event loop (spawnSync, long CPU work) for longer than
  // Node's 5 s keep-alive timeout would otherwise race the server closing a pooled socket (ECONNRESET).
  api.server.keepAliveTimeout = 120_000;
  const gql: TestApi['gql'] = async (query, variables?, o = {}) => {
    const res = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/graphql-response+json, application/json',
        ...(o.token ? { authorization: `Bearer ${o.token}` } : {}),
        ...o.headers,
      },
      body: JSON.stringify({ query: typeof query === 'string' ? query : print(query), variables }),
    });
    return { status: res.status, body: (await res.json()) as any, headers: res.headers };
  };
  return {
    url: api.url,
    orm,
    databaseUrl: db.url,
    config,
    api,
    queries,
    resetQueries: () => void queries.splice(0),
    gql,
    async signIn(username, password = 'Zhunru@2026') {
      const r = await gql(`mutation($i: SignInInput!) { signIn(input: $i) { token } }`, { i: { username, password } });
      if (!r.body.data) throw new Error(`sign-in failed: ${JSON.stringify(r.body.errors)}`);
      return r.body.data.signIn.token;
    },
    async close() {
      await api.close();
      await orm.close(true);
      await db.drop();
    },
  };
}
