import pino from 'pino';
import { SignJWT } from 'jose';
import { startTestApi, TEST_JWT_SECRET, type TestApi } from './support/api';
import { createTestDatabase } from './support/databases';
import { loadConfig } from '../src/config';
import { createLogger } from '../src/logger';
import { createOrm } from '../src/db/orm';
import { startApi } from '../src/http/server';
import { checkPassword, passwordClasses } from '../src/auth/password-policy';
import { DEMO_INTEGRATION_TOKEN, DEMO_PASSWORD } from '../src/db/seed/seed';

/**
 * Sign-in hardening (issue 7, item 4): password policy, lockout, revocation (sign out,
 * end all sessions, password change), API token rotation, and no secret in the logs.
 */

let t: TestApi;
beforeAll(async () => {
  t = await startTestApi({ SIGNIN_MAX_FAILURES: '3', SIGNIN_LOCKOUT_SECONDS: '2' });
});
afterAll(() => t.close());

const ME = `{ me { id username lockedUntil } }`;
const SIGN_IN = `mutation($i: SignInInput!) { signIn(input: $i) { token } }`;
const signIn = (username: string, password: string) => t.gql(SIGN_IN, { i: { username, password } });
const CHANGE = `mutation($i: ChangePasswordInput!) { changePassword(input: $i) { token expiresAt user { username passwordChangedAt } } }`;
const idOf = async (username: string) => (await t.gql(ME, {}, { token: await t.signIn(username) })).body.data.me.id as string;
const sql = (q: string, params: unknown[] = []) => t.orm.em.fork().getConnection().execute(q, params);

describe('password policy', () => {
  it('wants ≥ 10 characters, three of four classes, not the username, ≤ 72 bytes — and the demo password passes', () => {
    const policy = { minLength: 10 };
    expect(checkPassword(DEMO_PASSWORD, 'reviewer', policy)).toEqual([]);
    for (const username of ['admin', 'reviewer', 'secretary', 'dept_civil', 'township', 'community', 'analyst', 'inspector']) {
      expect([username, checkPassword(DEMO_PASSWORD, username, policy)]).toEqual([username, []]);
    }
    expect(passwordClasses('abcDEF123!')).toBe(4);
    const codes = (p: string, u = 'reviewer') => checkPassword(p, u, policy).map((x) => x.constraint);
    expect(codes('Ab1!short')).toEqual(['minLength']);
    expect(codes('alllowercase123')).toEqual(['passwordClasses']);
    expect(codes('Reviewer-2026x')).toEqual(['notUsername']);
    expect(codes('密码很长很长很长很长Aa')).toEqual([]); // Chinese counts as "other"
    expect(codes('Aa1!' + '汉'.repeat(30))).toEqual(['maxLength']); // 94 bytes: bcrypt would ignore the end
  });

  it('applies when a user changes their password, and a new password ends the other sessions', async () => {
    const first = await t.signIn('analyst');
    const second = await t.signIn('analyst');
    const weak = await t.gql(CHANGE, { i: { currentPassword: DEMO_PASSWORD, newPassword: 'short' } }, { token: first });
    expect(weak.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(weak.body.errors[0].extensions.details.map((d: any) => d.constraint)).toEqual(['minLength', 'passwordClasses']);
    const wrong = await t.gql(CHANGE, { i: { currentPassword: 'Wrong-Passw0rd', newPassword: 'Analyst-New-2026' } }, { token: first });
    expect(wrong.body.errors[0].extensions.details[0].field).toBe('input.currentPassword');
    const same = await t.gql(CHANGE, { i: { currentPassword: DEMO_PASSWORD, newPassword: DEMO_PASSWORD } }, { token: first });
    expect(same.body.errors[0].extensions.details[0].constraint).toBe('notSame');
    // Nothing changed so far.
    expect((await t.gql(ME, {}, { token: second })).status).toBe(200);

    const changed = await t.gql(CHANGE, { i: { currentPassword: DEMO_PASSWORD, newPassword: 'Qingyi#Stats-2026' } }, { token: first });
    expect(changed.body.errors).toBeUndefined();
    const fresh = changed.body.data.changePassword.token;
    expect(changed.body.data.changePassword.user.passwordChangedAt).toBeTruthy();
    for (const old of [first, second]) {
      const r = await t.gql(ME, {}, { token: old });
      expect(r.status).toBe(401);
      expect(r.body.errors[0].message).toMatch(/登录已失效/);
    }
    expect((await t.gql(ME, {}, { token: fresh })).body.data.me.username).toBe('analyst');
    expect((await signIn('analyst', DEMO_PASSWORD)).body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect((await signIn('analyst', 'Qingyi#Stats-2026')).body.data.signIn.token).toBeTruthy();
    const [event] = await sql(`select action, before, after from audit_event where action = 'user.changePassword' order by id desc limit 1`);
    expect(JSON.stringify(event)).not.toMatch(/Qingyi#Stats|\$2[aby]\$/);
  });

  it("lets an admin reset a password (the policy applies), which ends the user's sessions", async () => {
    const admin = await t.signIn('admin');
    const inspector = await t.signIn('inspector');
    const inspectorId = (await t.gql(ME, {}, { token: inspector })).body.data.me.id;
    const RESET = `mutation($i: ResetPasswordInput!) { resetPassword(input: $i) { username passwordChangedAt } }`;
    expect(
      (await t.gql(RESET, { i: { userId: inspectorId, newPassword: 'weakweakweak' } }, { token: admin })).body.errors[0].extensions.details[0].constraint,
    ).toBe('passwordClasses');
    expect((await t.gql(RESET, { i: { userId: inspectorId, newPassword: 'Inspect-2026!' } }, { token: inspector })).body.errors[0].extensions.code).toBe(
      'FORBIDDEN',
    );
    const ok = await t.gql(RESET, { i: { userId: inspectorId, newPassword: 'Inspect-2026!' } }, { token: admin });
    expect(ok.body.data.resetPassword.username).toBe('inspector');
    expect((await t.gql(ME, {}, { token: inspector })).status).toBe(401);
    expect((await signIn('inspector', 'Inspect-2026!')).body.data.signIn.token).toBeTruthy();
    const integrationId = (await t.gql(ME, {}, { token: DEMO_INTEGRATION_TOKEN })).body.data.me.id;
    expect((await t.gql(RESET, { i: { userId: integrationId, newPassword: 'Inspect-2026!' } }, { token: admin })).body.errors[0].extensions.code).toBe(
      'BAD_USER_INPUT',
    );
  });
});

describe('lockout', () => {
  it('locks after 3 failures within the window; the right password fails while locked; an admin can unlock', async () => {
    const secretaryId = await idOf('secretary');
    const results = [];
    for (let i = 0; i < 3; i++) results.push((await signIn('secretary', `Wrong-${i}-password`)).body.errors[0]);
    expect(results.slice(0, 2).map((e) => e.extensions.code)).toEqual(['BAD_USER_INPUT', 'BAD_USER_INPUT']);
    expect(results[2].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'ACCOUNT_LOCKED' });
    expect(results[2].message).toMatch(/账号已锁定/);
    const right = await signIn('secretary', DEMO_PASSWORD);
    expect(right.body.data).toBeNull();
    expect(right.body.errors[0].extensions.reason).toBe('ACCOUNT_LOCKED');
    const [lock] = await sql(`select actor_username, comment, after from audit_event where action = 'user.lock' and entity_id = ?`, [
      String(Buffer.from(secretaryId, 'base64url').toString().split(':')[1]),
    ]);
    expect(lock.comment).toMatch(/连续 3 次登录失败/);

    const admin = await t.signIn('admin');
    const locked = await t.gql(`query($id: ID!) { node(id: $id) { ... on User { lockedUntil } } }`, { id: secretaryId }, { token: admin });
    expect(locked.body.data.node.lockedUntil).toBeTruthy();
    const unlocked = await t.gql(`mutation($id: ID!) { unlockUser(userId: $id) { lockedUntil } }`, { id: secretaryId }, { token: admin });
    expect(unlocked.body.data.unlockUser.lockedUntil).toBeNull();
    expect((await signIn('secretary', DEMO_PASSWORD)).body.data.signIn.token).toBeTruthy();
  });

  it('counts concurrent failures exactly and locks once; the lock ends by itself; success resets the count', async () => {
    const results = await Promise.all(Array.from({ length: 8 }, (_, i) => signIn('township', `Wrong-${i}-password`)));
    const reasons = results.map((r) => r.body.errors[0].extensions.reason ?? r.body.errors[0].extensions.code);
    expect(reasons.filter((r) => r === 'BAD_USER_INPUT')).toHaveLength(2);
    expect(reasons.filter((r) => r === 'ACCOUNT_LOCKED')).toHaveLength(6);
    const [{ n }] = await sql(`select count(*)::int as n from audit_event where action = 'user.lock' and after->>'username' = 'township'`);
    expect(n).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 2100)); // SIGNIN_LOCKOUT_SECONDS=2
    expect((await signIn('township', DEMO_PASSWORD)).body.data.signIn.token).toBeTruthy();
    // Two failures, a success, two failures: never three in a row, never locked.
    for (const p of ['Wrong-a-password', 'Wrong-b-password', DEMO_PASSWORD, 'Wrong-c-password', 'Wrong-d-password']) await signIn('township', p);
    expect((await signIn('township', DEMO_PASSWORD)).body.data.signIn.token).toBeTruthy();
  });

  it('forgets failures older than the window', async () => {
    await signIn('dept_civil', 'Wrong-1-password');
    await signIn('dept_civil', 'Wrong-2-password');
    await sql(`update app_user set failed_sign_ins_since = now() - interval '1 hour' where username = 'dept_civil'`);
    const third = await signIn('dept_civil', 'Wrong-3-password');
    expect(third.body.errors[0].extensions.code).toBe('BAD_USER_INPUT'); // a new window: 1 failure
    const [{ failed_sign_ins }] = await sql(`select failed_sign_ins from app_user where username = 'dept_civil'`);
    expect(failed_sign_ins).toBe(1);
    expect((await signIn('dept_civil', DEMO_PASSWORD)).body.data.signIn.token).toBeTruthy();
  });
});

describe('tokens', () => {
  it('expire', async () => {
    const [{ id }] = await sql(`select id from app_user where username = 'reviewer'`);
    const expired = await new SignJWT({ role: 'REVIEWER', ver: 0 })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(String(id))
      .setIssuer('zhunru')
      .setJti(crypto.randomUUID())
      .setIssuedAt(Math.floor(Date.now() / 1000) - 100)
      .setExpirationTime(Math.floor(Date.now() / 1000) - 10)
      .sign(new TextEncoder().encode(TEST_JWT_SECRET));
    const r = await t.gql(ME, {}, { token: expired });
    expect(r.status).toBe(401);
    expect(r.body.errors[0].message).toMatch(/登录已过期/);
  });

  it('signOut revokes this token only', async () => {
    const a = await t.signIn('reviewer');
    const b = await t.signIn('reviewer');
    expect((await t.gql(`mutation { signOut }`, {}, { token: a })).body.data.signOut).toBe(true);
    const r = await t.gql(ME, {}, { token: a });
    expect(r.status).toBe(401);
    expect(r.body.errors[0].message).toMatch(/已退出登录/);
    expect((await t.gql(ME, {}, { token: b })).body.data.me.username).toBe('reviewer');
    // Service accounts are not signed out; their tokens are revoked.
    expect((await t.gql(`mutation { signOut }`, {}, { token: DEMO_INTEGRATION_TOKEN })).body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect((await t.gql(`mutation { signOut }`)).body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
  });

  it('revokeAllSessions ends every session of a user (admins, or the user)', async () => {
    const admin = await t.signIn('admin');
    const c1 = await t.signIn('community');
    const c2 = await t.signIn('community');
    const communityId = (await t.gql(ME, {}, { token: c1 })).body.data.me.id;
    const REVOKE = `mutation($id: ID!) { revokeAllSessions(userId: $id) { username } }`;
    const adminId = (await t.gql(ME, {}, { token: admin })).body.data.me.id;
    expect((await t.gql(REVOKE, { id: adminId }, { token: c1 })).body.errors[0].extensions.code).toBe('FORBIDDEN');
    expect((await t.gql(REVOKE, { id: communityId }, { token: admin })).body.data.revokeAllSessions.username).toBe('community');
    for (const token of [c1, c2]) expect((await t.gql(ME, {}, { token })).status).toBe(401);
    const c3 = await t.signIn('community');
    expect((await t.gql(REVOKE, { id: communityId }, { token: c3 })).body.data.revokeAllSessions.username).toBe('community');
    expect((await t.gql(ME, {}, { token: c3 })).status).toBe(401);
    expect((await t.gql(ME, {}, { token: admin })).status).toBe(200);
  });
});

describe('API tokens', () => {
  const CREATE = `mutation($i: CreateApiTokenInput!) { createApiToken(input: $i) { token apiToken { id prefix expiresAt } } }`;
  const ROTATE = `mutation($id: ID!) { rotateApiToken(id: $id) { token apiToken { id prefix name expiresAt revokedAt } } }`;

  it('are stored hashed and rotate atomically: the new one works, the old one stops, the audit trail says so', async () => {
    const admin = await t.signIn('admin');
    const integrationId = (await t.gql(ME, {}, { token: DEMO_INTEGRATION_TOKEN })).body.data.me.id;
    const created = (await t.gql(CREATE, { i: { userId: integrationId, name: '轮换测试', expiresInDays: 30 } }, { token: admin })).body.data.createApiToken;
    const rows = await sql(`select token_hash from api_token where prefix = ?`, [created.apiToken.prefix]);
    expect(rows[0].token_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(rows[0].token_hash).not.toContain(created.token.slice(3));

    const rotated = (await t.gql(ROTATE, { id: created.apiToken.id }, { token: admin })).body.data.rotateApiToken;
    expect(rotated.token).not.toBe(created.token);
    expect(rotated.apiToken).toMatchObject({ name: '轮换测试', revokedAt: null });
    expect(Math.abs(new Date(rotated.apiToken.expiresAt).getTime() - (Date.now() + 30 * 86_400_000))).toBeLessThan(60_000);
    expect((await t.gql(ME, {}, { token: rotated.token })).body.data.me.username).toBe('integration');
    expect((await t.gql(ME, {}, { token: created.token })).status).toBe(401);
    const again = await t.gql(ROTATE, { id: created.apiToken.id }, { token: admin });
    expect(again.body.errors[0].extensions.code).toBe('CONFLICT');

    const trail = (await t.gql(`query($id: ID!) { auditTrail(recordId: $id) { action after } }`, { id: created.apiToken.id }, { token: admin })).body.data
      .auditTrail;
    expect(trail.map((e: any) => e.action)).toEqual(['apiToken.create', 'apiToken.rotate']);
    expect(trail[1].after.replacedByPrefix).toBe(rotated.apiToken.prefix);
    expect(JSON.stringify(trail)).not.toContain(rotated.token);
  });

  it('two rotations at once: exactly one wins', async () => {
    const admin = await t.signIn('admin');
    const integrationId = (await t.gql(ME, {}, { token: DEMO_INTEGRATION_TOKEN })).body.data.me.id;
    const created = (await t.gql(CREATE, { i: { userId: integrationId, name: '并发轮换' } }, { token: admin })).body.data.createApiToken;
    const results = await Promise.all([1, 2, 3].map(() => t.gql(ROTATE, { id: created.apiToken.id }, { token: admin })));
    expect(results.filter((r) => r.body.data?.rotateApiToken)).toHaveLength(1);
    expect(results.filter((r) => r.body.errors?.[0].extensions.code === 'CONFLICT')).toHaveLength(2);
    const [{ n }] = await sql(`select count(*)::int as n from api_token where name = '并发轮换' and revoked_at is null`);
    expect(n).toBe(1);
  });

  it("a service account may rotate its own token, not another's", async () => {
    const admin = await t.signIn('admin');
    const integrationId = (await t.gql(ME, {}, { token: DEMO_INTEGRATION_TOKEN })).body.data.me.id;
    const own = (await t.gql(CREATE, { i: { userId: integrationId, name: '自助轮换' } }, { token: admin })).body.data.createApiToken;
    const rotated = await t.gql(ROTATE, { id: own.apiToken.id }, { token: own.token });
    expect(rotated.body.data.rotateApiToken.token).toBeTruthy();
    expect((await t.gql(ROTATE, { id: own.apiToken.id }, { token: await t.signIn('reviewer') })).body.errors[0].extensions.code).toBe('FORBIDDEN');
  });
});

describe('logs', () => {
  it('never contain a password or a token, even at trace level', async () => {
    const db = await createTestDatabase();
    const config = loadConfig({ NODE_ENV: 'test', DATABASE_URL: db.url, PORT: '0', HOST: '127.0.0.1', JWT_SECRET: TEST_JWT_SECRET, LOG_LEVEL: 'trace' });
    const orm = await createOrm({ url: db.url, poolMax: 3 });
    const lines: string[] = [];
    const logger = createLogger(config);
    // The real logger (its redaction settings) writing into this test instead of stdout.
    (logger as any)[pino.symbols.streamSym] = { write: (s: string) => void lines.push(s) };
    const api = await startApi({ config, orm, logger });
    const gql = async (query: string, variables: Record<string, unknown> = {}, token?: string) => {
      const res = await fetch(`${api.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify({ query, variables }),
      });
      return (await res.json()) as any;
    };
    try {
      const secrets: string[] = [DEMO_PASSWORD, 'Wrong-Secret-Password-1', 'Brand-New-Secret-9'];
      const admin = (await gql(SIGN_IN, { i: { username: 'admin', password: DEMO_PASSWORD } })).data.signIn.token;
      secrets.push(admin);
      await gql(SIGN_IN, { i: { username: 'admin', password: 'Wrong-Secret-Password-1' } });
      const changed = await gql(CHANGE, { i: { currentPassword: DEMO_PASSWORD, newPassword: 'Brand-New-Secret-9' } }, admin);
      const fresh = changed.data.changePassword.token;
      secrets.push(fresh);
      const integrationId = (await gql(ME, {}, DEMO_INTEGRATION_TOKEN)).data.me.id;
      secrets.push(DEMO_INTEGRATION_TOKEN);
      const created = (await gql(CREATE_TOKEN, { i: { userId: integrationId, name: '日志测试' } }, fresh)).data.createApiToken;
      secrets.push(created.token);
      await gql(ME, {}, created.token);
      await gql(ME, {}, admin); // a revoked token: 401, logged
      // A password in a GET URL (refused: GET cannot run mutations) is not logged either.
      await fetch(
        `${api.url}/graphql?query=${encodeURIComponent(`mutation { signIn(input: { username: "admin", password: "Brand-New-Secret-9" }) { token } }`)}`,
        {
          headers: { 'apollo-require-preflight': 'true', authorization: `Bearer ${fresh}` },
        },
      );
      await new Promise((resolve) => setTimeout(resolve, 100));
      const text = lines.join('');
      expect(lines.length).toBeGreaterThanOrEqual(6);
      expect(text).toMatch(/request completed/);
      for (const secret of secrets) expect([secret.slice(0, 12), text.includes(secret)]).toEqual([secret.slice(0, 12), false]);
      // Not even the JWT's signature part or the API token's body.
      expect(text.includes(created.token.slice(12))).toBe(false);
      expect(text).not.toMatch(/\$2[aby]\$\d\d\$/); // no bcrypt hash
    } finally {
      await api.close();
      await orm.close(true);
      await db.drop();
    }
  });
});

const CREATE_TOKEN = `mutation($i: CreateApiTokenInput!) { createApiToken(input: $i) { token apiToken { id } } }`;
