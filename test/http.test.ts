import net from 'node:net';
import { startTestApi, type TestApi } from './support/api';

const METRICS_TOKEN = 'test-metrics-token-0123456789-abcdefghijkl';
let t: TestApi;
beforeAll(async () => {
  t = await startTestApi({ METRICS_TOKEN });
});
afterAll(() => t.close());

const Q = '{ region(code: "511828") { name } }';

describe('GraphQL over HTTP', () => {
  it('answers POST with application/graphql-response+json when asked, and application/json otherwise', async () => {
    const modern = await fetch(`${t.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
      body: JSON.stringify({ query: Q }),
    });
    expect(modern.status).toBe(200);
    expect(modern.headers.get('content-type')).toMatch(/^application\/graphql-response\+json/);
    expect((await modern.json()) as any).toEqual({ data: { region: { name: '青衣县' } } });

    const legacy = await fetch(`${t.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ query: Q }),
    });
    expect(legacy.headers.get('content-type')).toMatch(/^application\/json/);
  });

  it('allows GET for queries and refuses GET for mutations with 405', async () => {
    const headers = { accept: 'application/graphql-response+json', 'apollo-require-preflight': 'true' };
    const get = await fetch(`${t.url}/graphql?query=${encodeURIComponent(Q)}`, { headers });
    expect(get.status).toBe(200);
    expect(((await get.json()) as any).data.region.name).toBe('青衣县');
    const mutation = 'mutation { signIn(input: { username: "admin", password: "x" }) { token } }';
    const refused = await fetch(`${t.url}/graphql?query=${encodeURIComponent(mutation)}`, { headers });
    expect(refused.status).toBe(405);
  });

  it('uses 400 for a request that is not valid GraphQL, with the stable error model', async () => {
    const res = await fetch(`${t.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
      body: JSON.stringify({ query: '{ region(code: "511828") { nosuchfield } }' }),
    });
    expect(res.status).toBe(400);
    const body = (await res.json()) as any;
    expect(body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'GRAPHQL_VALIDATION_FAILED' });
    expect(body.errors[0].message).toMatch(/查询与模式不符/);
  });

  it('blocks cross-site simple requests (CSRF prevention)', async () => {
    const res = await fetch(`${t.url}/graphql?query=${encodeURIComponent(Q)}`);
    expect(res.status).toBe(400);
    const form = await fetch(`${t.url}/graphql`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: JSON.stringify({ query: Q }) });
    expect(form.status).toBe(400);
  });

  it('gives every response a request id, keeping a sane one the client sent', async () => {
    const res = await fetch(`${t.url}/healthz`, { headers: { 'x-request-id': 'abc-123' } });
    expect(res.headers.get('x-request-id')).toBe('abc-123');
    const fresh = await fetch(`${t.url}/healthz`, { headers: { 'x-request-id': 'bad id with spaces' } });
    expect(fresh.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe('operations endpoints', () => {
  it('/healthz says the process is alive', async () => {
    const res = await fetch(`${t.url}/healthz`);
    expect(res.status).toBe(200);
    expect((await res.json()) as any).toEqual({ status: 'ok' });
  });

  it('/readyz checks the database', async () => {
    const res = await fetch(`${t.url}/readyz`);
    expect(res.status).toBe(200);
    expect(((await res.json()) as any).checks.database).toBe('ok');
  });

  it('/metrics counts GraphQL operations by root field (never a client-chosen name) and reports the database pool', async () => {
    await t.gql('query CountyName { region(code: "511828") { name } }');
    await t.gql('query Anything_The_Client_Likes_1 { region(code: "511828") { name } }');
    await t.gql('query Two { region(code: "511828") { name } regions(first: 1) { totalCount } }');
    await t.gql('query Broken { nosuchfield }');
    const text = await (await fetch(`${t.url}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } })).text();
    const line = text
      .split('\n')
      .find((l) => l.startsWith('zhunru_graphql_operations_total{') && l.includes('operation="region"') && l.includes('outcome="success"'));
    expect(line).toBeDefined();
    expect(Number(line!.split(' ').pop())).toBeGreaterThanOrEqual(2);
    expect(text).toMatch(/zhunru_graphql_operation_duration_seconds_bucket\{.*operation="region"/);
    expect(text).toMatch(/operation="multiple"/);
    expect(text).toMatch(/operation="other"/);
    expect(text).not.toMatch(/CountyName|Anything_The_Client_Likes|Broken/);
    expect(text).toMatch(/zhunru_db_pool_connections\{state="used"\}/);
    expect(text).toMatch(/zhunru_http_request_duration_seconds_count\{method="POST",route="\/graphql",status="200"\}/);
  });

  it('/metrics needs the metrics token on the API port; without one configured it is not served there', async () => {
    expect((await fetch(`${t.url}/metrics`)).status).toBe(401);
    const wrong = await fetch(`${t.url}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN.replace(/.$/, 'x')}` } });
    expect(wrong.status).toBe(401);
    const body = (await wrong.json()) as any;
    expect(body.errors[0]).toMatchObject({ extensions: { code: 'UNAUTHENTICATED', reason: 'METRICS_TOKEN' } });
    // A sign-in token is no metrics token.
    expect((await fetch(`${t.url}/metrics`, { headers: { authorization: `Bearer ${await t.signIn('admin')}` } })).status).toBe(401);
    const open = await startTestApi();
    try {
      const r = await fetch(`${open.url}/metrics`);
      expect(r.status).toBe(403);
      expect(((await r.json()) as any).errors[0].extensions.reason).toBe('METRICS_DISABLED');
    } finally {
      await open.close();
    }
  });

  it('/metrics on an internal port of its own (METRICS_PORT), and not on the API port then', async () => {
    const port = await new Promise<number>((resolve) => {
      const s = net.createServer().listen(0, '127.0.0.1', () => {
        const p = (s.address() as net.AddressInfo).port;
        s.close(() => resolve(p));
      });
    });
    const internal = await startTestApi({ METRICS_PORT: String(port) });
    try {
      expect(internal.api.metricsUrl).toBe(`http://127.0.0.1:${port}/metrics`);
      const r = await fetch(internal.api.metricsUrl!);
      expect(r.status).toBe(200);
      expect(await r.text()).toMatch(/zhunru_process_cpu_seconds_total/);
      expect((await fetch(`http://127.0.0.1:${port}/graphql`)).status).toBe(404);
      expect((await fetch(`${internal.url}/metrics`)).status).toBe(404);
    } finally {
      await internal.close();
    }
  });
});
