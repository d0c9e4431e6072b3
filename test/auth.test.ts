import { startTestApi, type TestApi } from './support/api';
import { DEMO_INTEGRATION_TOKEN } from '../src/db/seed/seed';
import { Role } from '../src/kernel/roles';

let t: TestApi;
beforeAll(async () => {
  t = await startTestApi();
});
afterAll(() => t.close());

const ME = `{ me { id username role roleLabel region { code level } department { name } community { code } } }`;

describe('who is asking', () => {
  it('has one demo account per role, each with its jurisdiction', async () => {
    const accounts: Record<string, Role> = {
      admin: Role.ADMIN,
      reviewer: Role.REVIEWER,
      secretary: Role.COMMITTEE_SECRETARY,
      dept_civil: Role.DEPARTMENT_USER,
      township: Role.TOWNSHIP_USER,
      community: Role.COMMUNITY_USER,
      analyst: Role.ANALYST,
      inspector: Role.INSPECTOR,
    };
    for (const [username, role] of Object.entries(accounts)) {
      const token = await t.signIn(username);
      const me = (await t.gql(ME, {}, { token })).body.data.me;
      expect(me).toMatchObject({ username, role });
      expect(me.roleLabel).toMatch(/[\u4e00-\u9fa5]/);
      if (role === Role.REVIEWER) expect(me.region).toEqual({ code: '511828', level: 'COUNTY' });
      if (role === Role.TOWNSHIP_USER) expect(me.region.level).toBe('TOWNSHIP');
      if (role === Role.DEPARTMENT_USER) expect(me.department.name).toContain('民政局');
      if (role === Role.COMMUNITY_USER) expect(me.community.code).toMatch(/^511828\d{6}$/);
    }
    const integration = (await t.gql(ME, {}, { token: DEMO_INTEGRATION_TOKEN })).body.data.me;
    expect(integration).toMatchObject({ username: 'integration', role: 'INTEGRATION' });
  });

  it('refuses a wrong password without saying which part was wrong', async () => {
    const wrong = await t.gql(`mutation { signIn(input: { username: "admin", password: "nope" }) { token } }`);
    const unknown = await t.gql(`mutation { signIn(input: { username: "nobody", password: "nope" }) { token } }`);
    expect(wrong.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(wrong.body.errors[0].message).toBe(unknown.body.errors[0].message);
    const service = await t.gql(`mutation { signIn(input: { username: "integration", password: "" }) { token } }`);
    expect(service.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
  });

  it('answers anonymous `me` with UNAUTHENTICATED and a bad or tampered token with 401', async () => {
    expect((await t.gql(ME)).body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    const token = await t.signIn('reviewer');
    const tampered = token.slice(0, -3) + (token.endsWith('AAA') ? 'BBB' : 'AAA');
    for (const bad of [tampered, 'zr_not_a_real_token', 'garbage']) {
      const r = await t.gql(ME, {}, { token: bad });
      expect(r.status).toBe(401);
      expect(r.body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
      expect(r.body.errors[0].message).toMatch(/[\u4e00-\u9fa5]/);
    }
    const malformed = await t.gql(ME, {}, { headers: { authorization: 'Basic abc' } });
    expect(malformed.status).toBe(401);
  });

  it('lets only admins issue API tokens, to service accounts, and honours revocation', async () => {
    const admin = await t.signIn('admin');
    const reviewer = await t.signIn('reviewer');
    const integrationId = (await t.gql(ME, {}, { token: DEMO_INTEGRATION_TOKEN })).body.data.me.id;
    const reviewerId = (await t.gql(ME, {}, { token: reviewer })).body.data.me.id;
    const CREATE = `mutation($i: CreateApiTokenInput!) { createApiToken(input: $i) { token apiToken { id name prefix expiresAt } } }`;

    const forbidden = await t.gql(CREATE, { i: { userId: integrationId, name: '测试' } }, { token: reviewer });
    expect(forbidden.body.errors[0].extensions.code).toBe('FORBIDDEN');
    const anonymous = await t.gql(CREATE, { i: { userId: integrationId, name: '测试' } });
    expect(anonymous.body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    const notService = await t.gql(CREATE, { i: { userId: reviewerId, name: '测试' } }, { token: admin });
    expect(notService.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');

    const created = await t.gql(CREATE, { i: { userId: integrationId, name: '同步任务（测试）', expiresInDays: 30 } }, { token: admin });
    const { token, apiToken } = created.body.data.createApiToken;
    expect(token.startsWith(apiToken.prefix)).toBe(true);
    expect(new Date(apiToken.expiresAt).getTime()).toBeGreaterThan(Date.now() + 29 * 86_400_000);
    const [row] = await t.orm.em.fork().getConnection().execute(`select token_hash from api_token where prefix = ?`, [apiToken.prefix]);
    expect(row.token_hash).not.toContain(token);
    expect((await t.gql(ME, {}, { token })).body.data.me.username).toBe('integration');

    const revoked = await t.gql(`mutation($id: ID!) { revokeApiToken(id: $id) { revokedAt } }`, { id: apiToken.id }, { token: admin });
    expect(revoked.body.data.revokeApiToken.revokedAt).toBeTruthy();
    expect((await t.gql(ME, {}, { token })).status).toBe(401);
  });

  it('keeps the password hash out of the schema', async () => {
    const r = await t.gql(`{ __type(name: "User") { fields { name } } }`);
    const names = r.body.data.__type.fields.map((f: any) => f.name);
    expect(names).not.toContain('passwordHash');
  });
});

describe('audit of account operations', () => {
  it('records sign-ins and token changes with the actor, never the token itself', async () => {
    const admin = await t.signIn('admin');
    const integrationId = (await t.gql(ME, {}, { token: DEMO_INTEGRATION_TOKEN })).body.data.me.id;
    const created = await t.gql(
      `mutation($i: CreateApiTokenInput!) { createApiToken(input: $i) { token apiToken { id } } }`,
      { i: { userId: integrationId, name: '审计测试' } },
      { token: admin },
    );
    const { token, apiToken } = created.body.data.createApiToken;
    await t.gql(`mutation($id: ID!) { revokeApiToken(id: $id) { id } }`, { id: apiToken.id }, { token: admin });
    const trail = await t.gql(
      `query($id: ID!) { auditTrail(recordId: $id) { action actorUsername actorRole before after } }`,
      { id: apiToken.id },
      { token: admin },
    );
    const events = trail.body.data.auditTrail;
    expect(events.map((e: any) => e.action)).toEqual(['apiToken.create', 'apiToken.revoke']);
    expect(events[1]).toMatchObject({ actorUsername: 'admin', actorRole: 'ADMIN' });
    expect(events[1].before.revokedAt).toBeNull();
    expect(events[1].after.revokedAt).toBeTruthy();
    expect(JSON.stringify(events)).not.toContain(token);

    const signIns = await t.gql(
      `{ auditEvents(first: 5, filter: { action: "user.signIn", actorUsername: "admin" }) { totalCount nodes { action } } }`,
      {},
      { token: admin },
    );
    expect(signIns.body.data.auditEvents.totalCount).toBeGreaterThanOrEqual(1);
    const reviewer = await t.signIn('reviewer');
    const denied = await t.gql(`{ auditEvents(first: 5) { totalCount } }`, {}, { token: await t.signIn('community') });
    expect(denied.body.errors[0].extensions.code).toBe('FORBIDDEN');
    expect((await t.gql(`{ auditEvents(first: 1) { totalCount } }`, {}, { token: reviewer })).body.data.auditEvents.totalCount).toBeGreaterThan(0);
  });
});
