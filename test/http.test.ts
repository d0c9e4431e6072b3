import { startTestApi, type TestApi } from './support/api';

let t: TestApi;
beforeAll(async () => {
  t = await startTestApi();
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

  it('/metrics counts GraphQL operations by name and reports the database pool', async () => {
    await t.gql('query CountyName { region(code: "511828") { name } }');
    await t.gql('query CountyName { region(code: "511828") { name } }');
    const text = await (await fetch(`${t.url}/metrics`)).text();
    const line = text.split('\n').find((l) => l.startsWith('zhunru_graphql_operations_total{') && l.includes('operation="CountyName"'));
    expect(line).toBeDefined();
    expect(Number(line!.split(' ').pop())).toBeGreaterThanOrEqual(2);
    expect(text).toMatch(/zhunru_graphql_operation_duration_seconds_bucket\{.*operation="CountyName"/);
    expect(text).toMatch(/zhunru_db_pool_connections\{state="used"\}/);
    expect(text).toMatch(/zhunru_http_request_duration_seconds_count\{method="POST",route="\/graphql",status="200"\}/);
  });
});
