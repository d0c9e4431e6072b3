/**
 * 等保 2.0 level 3 for sign-in (issue 12, item 9): a second factor (TOTP, RFC 6238) for
 * the roles that must use one, enrolment with recovery codes, the idle timeout, and audit
 * events that housekeeping — or anything else — cannot delete within 180 days.
 */
import { Client } from 'pg';
import { Secret, TOTP } from 'otpauth';
import { startTestApi, type TestApi } from './support/api';
import { acceptTotp, currentTotp, hashRecoveryCode, SecretBox } from '../src/auth/totp';
import { purgeStaleApiTokens } from '../src/auth/jobs';
import { DEMO_PASSWORD } from '../src/db/seed/seed';

const SIGN_IN = `mutation($u: String!, $p: String!) { signIn(input: { username: $u, password: $p }) { token user { username totpEnabled totpRequired } } }`;
const SECOND = `mutation($c: String!, $code: String!) { signInSecondFactor(input: { challenge: $c, code: $code }) { token user { username totpEnabled } } }`;
const BEGIN = `mutation($c: String) { beginTotpEnrolment(challenge: $c) { secret otpauthUri qrSvg } }`;
const CONFIRM = `mutation($c: String, $code: String!) { confirmTotpEnrolment(input: { challenge: $c, code: $code }) { recoveryCodes user { username totpEnabled } session { token } } }`;

describe('TOTP itself', () => {
  it('matches RFC 6238 (HMAC-SHA1 test vector) and accepts a code once, within one step of drift', () => {
    const secret = new Secret({ buffer: new TextEncoder().encode('12345678901234567890').buffer }).base32;
    // RFC 6238 appendix B, T = 59 s: 94287082 (8 digits); its 6-digit truncation is 287082.
    expect(new TOTP({ secret: Secret.fromBase32(secret), digits: 8, period: 30, algorithm: 'SHA1' }).generate({ timestamp: 59_000 })).toBe('94287082');
    expect(currentTotp(secret, 59_000)).toBe('287082');
    const now = 1_111_111_109_000; // another vector time
    const code = currentTotp(secret, now);
    const step = acceptTotp(secret, code, null, now)!;
    expect(step).toBe(Math.floor(now / 30_000));
    expect(acceptTotp(secret, code, step, now)).toBeNull(); // used once
    expect(acceptTotp(secret, code, null, now + 30_000)).toBe(step); // a step late: still accepted
    expect(acceptTotp(secret, code, null, now + 90_000)).toBeNull(); // three steps late: not
    expect(acceptTotp(secret, '12345a', null, now)).toBeNull();
  });

  it('keeps secrets sealed: another key cannot open them, an altered one does not open', () => {
    const a = SecretBox.fromConfig(undefined, 'jwt-secret-a'.padEnd(32, '.'));
    const b = SecretBox.fromConfig('a-separate-mfa-key'.padEnd(32, '.'), 'jwt-secret-a'.padEnd(32, '.'));
    const sealed = a.seal('JBSWY3DPEHPK3PXP');
    expect(sealed).not.toContain('JBSWY3DPEHPK3PXP');
    expect(a.open(sealed)).toBe('JBSWY3DPEHPK3PXP');
    expect(b.open(sealed)).toBeNull();
    expect(a.open(sealed.slice(0, -2) + (sealed.endsWith('A') ? 'BB' : 'AA'))).toBeNull();
  });
});

describe('sign-in with a second factor, enforced for administrators and reviewers', () => {
  let t: TestApi;
  let sql: Client;
  beforeAll(async () => {
    t = await startTestApi({ TOTP_REQUIRED_ROLES: 'ADMIN,REVIEWER', SIGNIN_MAX_FAILURES: '4', RATE_LIMIT_PER_IP: '0' });
    sql = new Client({ connectionString: t.databaseUrl });
    await sql.connect();
  });
  afterAll(async () => {
    await sql?.end();
    await t?.close();
  });
  const audit = async (username: string) => (await sql.query(`select action, after from audit_event where actor_username = $1 order by id`, [username])).rows;

  /** Enrols `username` through sign-in, as a user of a role that must; returns the secret and the recovery codes. */
  async function enrol(username: string): Promise<{ secret: string; codes: string[]; token: string }> {
    const first = await t.gql(SIGN_IN, { u: username, p: DEMO_PASSWORD });
    expect(first.body.errors[0].extensions).toMatchObject({
      code: 'UNAUTHENTICATED',
      reason: 'SECOND_FACTOR_ENROLMENT_REQUIRED',
      challenge: expect.any(String),
    });
    expect(first.body.data).toBeNull();
    const challenge = first.body.errors[0].extensions.challenge;
    const begun = (await t.gql(BEGIN, { c: challenge })).body.data.beginTotpEnrolment;
    const confirmed = await t.gql(CONFIRM, { c: challenge, code: currentTotp(begun.secret) });
    expect(confirmed.body.errors).toBeUndefined();
    return {
      secret: begun.secret,
      codes: confirmed.body.data.confirmTotpEnrolment.recoveryCodes,
      token: confirmed.body.data.confirmTotpEnrolment.session.token,
    };
  }

  it('asks a reviewer who has not enrolled to enrol before anything else, and signs in once enrolled', async () => {
    const first = await t.gql(SIGN_IN, { u: 'reviewer', p: DEMO_PASSWORD });
    const challenge = first.body.errors[0].extensions.challenge as string;
    expect(first.body.errors[0].message).toMatch(/动态口令/);
    // The challenge is no session.
    expect((await t.gql(`{ me { username } }`, {}, { token: challenge })).status).toBe(401);
    const begun = await t.gql(BEGIN, { c: challenge });
    const { secret, otpauthUri, qrSvg } = begun.body.data.beginTotpEnrolment;
    expect(otpauthUri).toMatch(/^otpauth:\/\/totp\/.*reviewer\?.*secret=[A-Z2-7]+/);
    expect(decodeURIComponent(otpauthUri)).toContain('issuer=准入平台');
    expect(otpauthUri).toMatch(/digits=6&period=30/);
    expect(qrSvg).toMatch(/^<svg[\s\S]*<\/svg>\s*$/);
    // A wrong code does not enrol (and counts as a failure).
    const wrong = await t.gql(CONFIRM, { c: challenge, code: '000000' === currentTotp(secret) ? '111111' : '000000' });
    expect(wrong.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    const ok = await t.gql(CONFIRM, { c: challenge, code: currentTotp(secret) });
    const result = ok.body.data.confirmTotpEnrolment;
    expect(result.recoveryCodes).toHaveLength(10);
    expect(new Set(result.recoveryCodes).size).toBe(10);
    expect(result.user).toEqual({ username: 'reviewer', totpEnabled: true });
    expect((await t.gql(`{ me { username totpEnabled totpRequired } }`, {}, { token: result.session.token })).body.data.me).toEqual({
      username: 'reviewer',
      totpEnabled: true,
      totpRequired: true,
    });
    // The challenge was used up.
    expect((await t.gql(CONFIRM, { c: challenge, code: currentTotp(secret) })).body.errors[0].extensions.code).toMatch(/BAD_USER_INPUT|CONFLICT/);
    // Stored sealed, never in the clear; recovery codes as hashes only.
    const [row] = (await sql.query(`select totp_secret, totp_pending_secret, recovery_code_hashes from app_user where username = 'reviewer'`)).rows;
    expect(row.totp_secret).not.toContain(secret);
    expect(row.totp_pending_secret).toBeNull();
    expect(row.recovery_code_hashes).toEqual(result.recoveryCodes.map(hashRecoveryCode));
    expect(JSON.stringify(row)).not.toContain(result.recoveryCodes[0]);
    expect((await audit('reviewer')).map((a) => a.action)).toEqual(expect.arrayContaining(['user.beginTotpEnrolment', 'user.enableTotp', 'user.signIn']));
  });

  it('then asks for a code at every sign-in: each code works once, recovery codes once each', async () => {
    const { secret, codes } = await enrol('admin');
    const challengeOf = async () => {
      const r = await t.gql(SIGN_IN, { u: 'admin', p: DEMO_PASSWORD });
      expect(r.body.errors[0].extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'SECOND_FACTOR_REQUIRED' });
      return r.body.errors[0].extensions.challenge as string;
    };
    // The code that enrolled is spent; the next step's code works (a phone a little ahead).
    const spent = await t.gql(SECOND, { c: await challengeOf(), code: currentTotp(secret) });
    expect(spent.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    const next = currentTotp(secret, Date.now() + 30_000);
    const ok = await t.gql(SECOND, { c: await challengeOf(), code: next });
    expect(ok.body.data.signInSecondFactor.user).toEqual({ username: 'admin', totpEnabled: true });
    expect((await t.gql(SECOND, { c: await challengeOf(), code: next })).body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    // A recovery code, typed loosely, once.
    const loose = codes[0].toLowerCase().replace(/-/g, ' ');
    expect((await t.gql(SECOND, { c: await challengeOf(), code: loose })).body.data.signInSecondFactor.token).toBeTruthy();
    expect((await t.gql(SECOND, { c: await challengeOf(), code: codes[0] })).body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    adminCodes.push(...codes.slice(1));
    const signIns = (await audit('admin')).filter((a) => a.action === 'user.signIn').map((a) => a.after.method);
    expect(signIns).toEqual(['ENROLMENT', 'TOTP', 'RECOVERY_CODE']);
  });

  it('counts wrong codes towards the lockout', async () => {
    const [{ id }] = (await sql.query(`select id from app_user where username = 'inspector'`)).rows;
    // The inspector (not required) enrols while signed in.
    const token = (await t.gql(SIGN_IN, { u: 'inspector', p: DEMO_PASSWORD })).body.data.signIn.token;
    const begun = (await t.gql(BEGIN, {}, { token })).body.data.beginTotpEnrolment;
    const confirmed = await t.gql(CONFIRM, { code: currentTotp(begun.secret) }, { token });
    expect(confirmed.body.data.confirmTotpEnrolment.session).toBeNull();
    const challenge = (await t.gql(SIGN_IN, { u: 'inspector', p: DEMO_PASSWORD })).body.errors[0].extensions.challenge;
    const answers = [];
    for (let i = 0; i < 4; i++) answers.push((await t.gql(SECOND, { c: challenge, code: 'AAAA-BBBB-CCC' + i })).body.errors[0].extensions.reason ?? 'WRONG');
    expect(answers[3]).toBe('ACCOUNT_LOCKED');
    const right = await t.gql(SECOND, { c: challenge, code: currentTotp(begun.secret, Date.now() + 30_000) });
    expect(right.body.errors[0].extensions.reason).toBe('ACCOUNT_LOCKED');
    await sql.query(`update app_user set failed_sign_ins = 0, locked_until = null where id = $1`, [id]);
  });

  it('lets a user whose role need not turn the factor off with a code, not one whose role must; an admin resets a lost one', async () => {
    const analyst = (await t.gql(SIGN_IN, { u: 'analyst', p: DEMO_PASSWORD })).body.data.signIn.token;
    const begun = (await t.gql(BEGIN, {}, { token: analyst })).body.data.beginTotpEnrolment;
    const codes = (await t.gql(CONFIRM, { code: currentTotp(begun.secret) }, { token: analyst })).body.data.confirmTotpEnrolment.recoveryCodes;
    // Enrolled: the next sign-in takes a code (here a recovery code, leaving the next step's TOTP code unused).
    const challenge = (await t.gql(SIGN_IN, { u: 'analyst', p: DEMO_PASSWORD })).body.errors[0].extensions.challenge;
    const again = (await t.gql(SECOND, { c: challenge, code: codes[1] })).body.data.signInSecondFactor.token;
    const off = await t.gql(
      `mutation($c: String!) { disableTotp(code: $c) { totpEnabled } }`,
      { c: currentTotp(begun.secret, Date.now() + 30_000) },
      { token: again },
    );
    expect(off.body.data.disableTotp.totpEnabled).toBe(false);
    expect((await t.gql(SIGN_IN, { u: 'analyst', p: DEMO_PASSWORD })).body.data.signIn.token).toBeTruthy();

    // An administrator (must use one) cannot.
    const [{ id: reviewerId }] = (await sql.query(`select id from app_user where username = 'reviewer'`)).rows;
    const refused = await t.gql(`mutation { disableTotp(code: "123456") { totpEnabled } }`, {}, { token: await enrolledSession('admin') });
    expect(refused.body.errors[0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'GUARD' });
    // The admin resets the reviewer's factor: the reviewer enrols again at the next sign-in.
    const reset = await t.gql(
      `mutation($u: ID!) { resetTotp(userId: $u) { username totpEnabled } }`,
      { u: Buffer.from(`User:${reviewerId}`).toString('base64url') },
      { token: await enrolledSession('admin') },
    );
    expect(reset.body.data.resetTotp).toEqual({ username: 'reviewer', totpEnabled: false });
    expect((await t.gql(SIGN_IN, { u: 'reviewer', p: DEMO_PASSWORD })).body.errors[0].extensions.reason).toBe('SECOND_FACTOR_ENROLMENT_REQUIRED');
    expect((await sql.query(`select count(*)::int as n from audit_event where action = 'user.resetTotp'`)).rows[0].n).toBe(1);
  });

  /** A session of an enrolled admin: the admin's recovery codes are spent one by one. */
  const adminCodes: string[] = [];
  async function enrolledSession(username: string): Promise<string> {
    const [row] = (await sql.query(`select totp_enabled_at from app_user where username = $1`, [username])).rows;
    if (!row.totp_enabled_at) {
      const { codes, token } = await enrol(username);
      adminCodes.push(...codes);
      return token;
    }
    if (!adminCodes.length) throw new Error('enrolled elsewhere in this file; no codes known');
    const c = (await t.gql(SIGN_IN, { u: username, p: DEMO_PASSWORD })).body.errors[0].extensions.challenge;
    return (await t.gql(SECOND, { c, code: adminCodes.pop() })).body.data.signInSecondFactor.token;
  }
});

describe('the idle timeout', () => {
  let t: TestApi;
  beforeAll(async () => {
    t = await startTestApi({ SESSION_IDLE_TIMEOUT_SECONDS: '600' });
  });
  afterAll(() => t?.close());

  it('ends a session unused for longer, keeps one in use, and writes its last use at most once a minute', async () => {
    const sql = (q: string, p: unknown[] = []) => t.orm.em.fork().getConnection().execute(q, p);
    const idle = await t.signIn('analyst');
    const busy = await t.signIn('township');
    const jti = (token: string) => JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString()).jti;
    expect((await sql(`select count(*)::int as n from user_session where jti in (?, ?)`, [jti(idle), jti(busy)]))[0].n).toBe(2);
    await sql(`update user_session set last_seen_at = now() - interval '11 minutes' where jti = ?`, [jti(idle)]);
    await sql(`update user_session set last_seen_at = now() - interval '9 minutes' where jti = ?`, [jti(busy)]);
    const ended = await t.gql(`{ me { username } }`, {}, { token: idle });
    expect(ended.status).toBe(401);
    expect(ended.body.errors[0].extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'SESSION_IDLE' });
    expect(ended.body.errors[0].message).toMatch(/未操作/);
    expect((await t.gql(`{ me { username } }`, {}, { token: busy })).body.data.me.username).toBe('township');
    const [{ seen }] = await sql(`select extract(epoch from now() - last_seen_at)::int as seen from user_session where jti = ?`, [jti(busy)]);
    expect(seen).toBeLessThan(5); // moved by the request
    t.resetQueries();
    await t.gql(`{ me { username } }`, {}, { token: busy });
    expect(t.queries.filter((q) => q.includes('user_session') && /^insert/i.test(q))).toEqual([]); // not again within the minute
    // Signing in again works; service accounts' API tokens are not sessions.
    expect(await t.signIn('analyst')).toBeTruthy();
  });
});

describe('audit retention', () => {
  let t: TestApi;
  beforeAll(async () => {
    t = await startTestApi();
  });
  afterAll(() => t?.close());

  it('refuses to delete audit events younger than 180 days, or to truncate them; older ones may go', async () => {
    const sql = new Client({ connectionString: t.databaseUrl });
    await sql.connect();
    try {
      await t.signIn('admin'); // an event
      const [{ id, n }] = (await sql.query(`select max(id) as id, count(*)::int as n from audit_event`)).rows;
      await expect(sql.query(`delete from audit_event where id = $1`, [id])).rejects.toThrow(/kept at least 180 days/);
      await expect(sql.query(`delete from audit_event`)).rejects.toThrow(/kept at least 180 days/);
      await expect(sql.query(`truncate audit_event`)).rejects.toThrow(/cannot be truncated/);
      expect((await sql.query(`select count(*)::int as n from audit_event`)).rows[0].n).toBe(n);
      await sql.query(`update audit_event set occurred_at = now() - interval '181 days' where id = $1`, [id]);
      await expect(sql.query(`delete from audit_event where id = $1`, [id])).resolves.toMatchObject({ rowCount: 1 });
    } finally {
      await sql.end();
    }
  });

  it('housekeeping deletes no audit event, of any age', async () => {
    const sql = (q: string) => t.orm.em.fork().getConnection().execute(q);
    await sql(`update audit_event set occurred_at = occurred_at - (id % 400) * interval '1 day'`); // ages from 0 to 399 days
    const [{ n: before }] = await sql(`select count(*)::int as n from audit_event`);
    const logs: unknown[] = [];
    await purgeStaleApiTokens.process(
      {} as never,
      { orm: t.orm, logger: { info: (o: unknown) => logs.push(o), error: () => undefined, warn: () => undefined, debug: () => undefined } } as never,
    );
    const [{ n: after }] = await sql(`select count(*)::int as n from audit_event`);
    expect(after).toBe(before);
    expect(before).toBeGreaterThan(10);
  });
});
