import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import { SignJWT, jwtVerify, errors as joseErrors } from 'jose';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Config } from '../config';
import type { Actor } from '../kernel/context';
import { User } from './user.entity';
import { ApiToken } from './api-token.entity';
import { RevokedToken } from './revoked-token.entity';
import { API_TOKEN_PREFIX, DUMMY_PASSWORD_HASH, hashApiToken, hashPassword, verifyPassword } from './credentials';
import { checkPassword, type PasswordPolicy } from './password-policy';
import { AppError, badInput, notFound } from '../kernel/errors';
import { recordAudit } from '../audit/audit.service';
import { JURISDICTION_COLUMNS, JURISDICTION_JOINS, jurisdictionOf } from './permissions';

const ISSUER = 'zhunru';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** How far ahead of this server's clock a token's `iat` may be (another API process's clock). */
const CLOCK_SKEW_SECONDS = 60;

/** Sign-in hardening: lockout after repeated failures, and the password policy. */
export interface SignInPolicy {
  maxFailures: number;
  failureWindowSeconds: number;
  lockoutSeconds: number;
  password: PasswordPolicy;
}

export const DEFAULT_SIGN_IN_POLICY: SignInPolicy = { maxFailures: 5, failureWindowSeconds: 900, lockoutSeconds: 900, password: { minLength: 10 } };

export function signInPolicyFromConfig(config: Config): SignInPolicy {
  return {
    maxFailures: config.signInMaxFailures,
    failureWindowSeconds: config.signInFailureWindowSeconds,
    lockoutSeconds: config.signInLockoutSeconds,
    password: { minLength: config.passwordMinLength },
  };
}

/** The sign-in token behind an actor (JWT requests only), for `signOut`. */
const sessions = new WeakMap<Actor, { jti: string; expiresAt: Date }>();
export function sessionOf(actor: Actor): { jti: string; expiresAt: Date } | undefined {
  return sessions.get(actor);
}

const WRONG_PASSWORD = () => badInput('用户名或密码错误', 'Wrong username or password');

function locked(until: Date): AppError {
  const minutes = Math.max(1, Math.ceil((until.getTime() - Date.now()) / 60_000));
  return new AppError('FORBIDDEN', `登录失败次数过多，账号已锁定，请 ${minutes} 分钟后再试或联系管理员解锁`, `Too many failed sign-ins: the account is locked for ${minutes} more minute(s)`, {
    reason: 'ACCOUNT_LOCKED',
    lockedUntil: until.toISOString(),
  });
}

type Who = { actor: Actor | null; requestId?: string };

/** The JWT secret: configured, or (outside production) made once and kept under the data folder. */
export function resolveJwtSecret(config: Config): string {
  if (config.jwtSecret) return config.jwtSecret;
  const file = path.join(config.dataDir, 'jwt-secret');
  if (fs.existsSync(file)) return fs.readFileSync(file, 'utf8').trim();
  fs.mkdirSync(config.dataDir, { recursive: true });
  const secret = crypto.randomBytes(48).toString('base64url');
  fs.writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

function actorOf(user: User, via: Actor['via']): Actor {
  return {
    userId: user.id,
    username: user.username,
    role: user.role,
    regionId: user.region?.id ?? null,
    departmentId: user.department?.id ?? null,
    communityId: user.community?.id ?? null,
    via,
  };
}

/** A 401 for the whole request: the credentials sent are not usable. */
function rejected(message: string, messageEn: string): AppError {
  return new AppError('UNAUTHENTICATED', message, messageEn, { http: { status: 401 } });
}

/**
 * Tokens for one purpose besides API sessions, each signed with a key of its own derived
 * from the JWT secret (HKDF), so that none can stand in for another or for a session.
 */
export type TokenPurpose = 'queue-dashboard' | 'sign-in-challenge';

export class AuthService {
  private readonly key: crypto.KeyObject;
  private readonly purposeKeys = new Map<TokenPurpose, crypto.KeyObject>();
  readonly policy: SignInPolicy;

  constructor(private readonly secret: string, private readonly ttlSeconds: number, policy: Partial<SignInPolicy> = {}) {
    // A KeyObject made once: jose would otherwise import raw key bytes on every sign and verify.
    this.key = crypto.createSecretKey(Buffer.from(secret, 'utf8'));
    this.policy = { ...DEFAULT_SIGN_IN_POLICY, ...policy };
  }

  private purposeKey(purpose: TokenPurpose): crypto.KeyObject {
    let k = this.purposeKeys.get(purpose);
    if (!k) {
      k = crypto.createSecretKey(Buffer.from(crypto.hkdfSync('sha256', Buffer.from(this.secret, 'utf8'), Buffer.alloc(0), Buffer.from(`zhunru ${purpose} v1`), 32)));
      this.purposeKeys.set(purpose, k);
    }
    return k;
  }

  /**
   * A short-lived token of `purpose` for `user` (e.g. the queue dashboard's session
   * cookie): its own key and audience, the user's token version (a password change or
   * "sign out everywhere" ends it too), a jti that can be revoked.
   */
  async issuePurposeToken(user: Pick<User, 'id' | 'tokenVersion'>, purpose: TokenPurpose, ttlSeconds: number, extra: Record<string, unknown> = {}): Promise<{ token: string; jti: string; expiresAt: Date }> {
    const expiresAt = new Date(Date.now() + ttlSeconds * 1000);
    const jti = crypto.randomUUID();
    const token = await new SignJWT({ ...extra, ver: user.tokenVersion ?? 0 })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setSubject(String(user.id))
      .setIssuer(ISSUER)
      .setAudience(`zhunru:${purpose}`)
      .setIssuedAt()
      .setJti(jti)
      .setExpirationTime(Math.floor(expiresAt.getTime() / 1000))
      .sign(this.purposeKey(purpose));
    return { token, jti, expiresAt };
  }

  /** The claims of a token of `purpose`, or UNAUTHENTICATED (401) when it does not check out. */
  async verifyPurposeToken(token: string, purpose: TokenPurpose): Promise<{ sub: string; jti: string; exp: number; ver: number; claims: Record<string, unknown> }> {
    let claims: Record<string, unknown>;
    try {
      ({ payload: claims } = await jwtVerify(token, this.purposeKey(purpose), { issuer: ISSUER, audience: `zhunru:${purpose}`, algorithms: ['HS256'], maxTokenAge: '1d' }));
    } catch (err) {
      if (err instanceof joseErrors.JWTExpired) throw rejected('已过期，请重新登录', 'Expired; sign in again');
      throw rejected('令牌无效', 'Invalid token');
    }
    const { sub, jti, exp, iat } = claims as { sub?: string; jti?: string; exp?: number; iat?: number };
    if (!sub || !/^\d{1,10}$/.test(sub) || !jti || !UUID.test(jti) || !exp || !iat || iat > Date.now() / 1000 + CLOCK_SKEW_SECONDS) throw rejected('令牌无效', 'Invalid token');
    return { sub, jti, exp, ver: typeof claims.ver === 'number' ? claims.ver : 0, claims };
  }

  /** The actor behind a queue-dashboard session (an administrator whose account and sessions still stand), or 401. */
  async authenticatePurpose(em: EntityManager, token: string, purpose: TokenPurpose): Promise<Actor> {
    const { sub, jti, exp, ver } = await this.verifyPurposeToken(token, purpose);
    return this.actorOf(em, sub, jti, exp, ver, false);
  }

  /** A signed token for `user`, carrying its token version (so that bumping it revokes the token). */
  private async issueToken(user: User): Promise<{ token: string; expiresAt: Date }> {
    const expiresAt = new Date(Date.now() + this.ttlSeconds * 1000);
    const token = await new SignJWT({ role: user.role, ver: user.tokenVersion ?? 0 })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setSubject(String(user.id))
      .setIssuer(ISSUER)
      .setIssuedAt()
      .setJti(crypto.randomUUID())
      .setExpirationTime(Math.floor(expiresAt.getTime() / 1000))
      .sign(this.key);
    return { token, expiresAt };
  }

  /**
   * Checks a username and password; on success returns a signed token. A locked account
   * fails even with the right password; the `maxFailures`-th wrong password within the
   * failure window locks it for `lockoutSeconds`. The password is compared (bcrypt) in
   * every case, so timing does not tell whether the user exists or is locked.
   */
  async signIn(em: EntityManager, username: string, password: string): Promise<{ token: string; expiresAt: Date; user: User }> {
    // Signing in is not a read on anyone's behalf: no jurisdiction filter.
    const user = await em.findOne(User, { username }, { populate: ['passwordHash'], filters: false });
    const ok = await verifyPassword(password, user?.passwordHash ?? DUMMY_PASSWORD_HASH);
    if (!user || !user.active || !user.passwordHash) throw WRONG_PASSWORD();
    if (user.lockedUntil && user.lockedUntil > new Date()) throw locked(user.lockedUntil);
    if (!ok) {
      const lockedUntil = await this.recordFailure(em, user);
      throw lockedUntil ? locked(lockedUntil) : WRONG_PASSWORD();
    }
    user.lastSignInAt = new Date();
    if (user.failedSignIns || user.failedSignInsSince || user.lockedUntil) {
      user.failedSignIns = 0;
      user.failedSignInsSince = null;
      user.lockedUntil = null;
    }
    recordAudit(em, { actor: actorOf(user, 'jwt') }, { action: 'user.signIn', entity: user });
    await em.flush();
    return { ...(await this.issueToken(user)), user };
  }

  /**
   * Counts a failed sign-in of `user` atomically (the row lock serializes concurrent
   * attempts, each seeing the count the previous one left). The failure that brings the
   * count to `maxFailures` within the window locks the account — exactly one, however
   * many arrive at once — and is audited. Returns the end of the lock the account is
   * under after this failure, if any.
   */
  private async recordFailure(em: EntityManager, user: User): Promise<Date | null> {
    const { maxFailures, failureWindowSeconds, lockoutSeconds } = this.policy;
    const fresh = `(u.failed_sign_ins_since is null or u.failed_sign_ins_since < now() - make_interval(secs => ${Number(failureWindowSeconds)}))`;
    const count = `(case when ${fresh} then 1 else u.failed_sign_ins + 1 end)`;
    const [row] = await em.getConnection().execute<{ failed_sign_ins: number; locked_until: Date | null; was_locked_until: Date | null }[]>(
      `update app_user u set
         failed_sign_ins = ${count},
         failed_sign_ins_since = case when ${fresh} then now() else u.failed_sign_ins_since end,
         locked_until = case when ${count} >= ? and (u.locked_until is null or u.locked_until <= now()) then now() + make_interval(secs => ?) else u.locked_until end
       from (select id, locked_until as was_locked_until from app_user where id = ? for update) o
       where u.id = o.id
       returning u.failed_sign_ins, u.locked_until, o.was_locked_until`,
      [maxFailures, lockoutSeconds, user.id],
      'all',
      em.getTransactionContext(),
    );
    const now = Date.now();
    const lockedUntil = row?.locked_until ? new Date(row.locked_until) : null;
    if (!lockedUntil || lockedUntil.getTime() <= now) return null;
    const wasLocked = row.was_locked_until && new Date(row.was_locked_until).getTime() > now;
    if (!wasLocked) {
      recordAudit(em, { actor: null }, {
        action: 'user.lock',
        entity: { type: 'User', id: user.id },
        after: { username: user.username, lockedUntil: lockedUntil.toISOString(), failedSignIns: row.failed_sign_ins },
        comment: `连续 ${maxFailures} 次登录失败，账号锁定至 ${lockedUntil.toISOString()}`,
      });
      await em.flush();
    }
    return lockedUntil;
  }

  /** `signOut`: the token of this request stops working at once. */
  async signOut(em: EntityManager, who: Who & { actor: Actor }): Promise<boolean> {
    const session = sessionOf(who.actor);
    if (!session) {
      throw badInput('API 令牌不能注销，请由管理员吊销（revokeApiToken）', 'API tokens are not signed out; revoke them (revokeApiToken)');
    }
    em.create(RevokedToken, { jti: session.jti, userId: who.actor.userId, expiresAt: session.expiresAt });
    recordAudit(em, who, { action: 'user.signOut', entity: { type: 'User', id: who.actor.userId } });
    await em.flush();
    // Revocations of expired tokens are no longer needed.
    await em.getConnection().execute(`delete from revoked_token where expires_at < now() - interval '1 minute'`, [], 'run').catch(() => undefined);
    return true;
  }

  /** The signed-in user changes their own password; every other token of theirs stops working. */
  async changePassword(em: EntityManager, who: Who & { actor: Actor }, currentPassword: string, newPassword: string): Promise<{ token: string; expiresAt: Date; user: User }> {
    if (who.actor.via !== 'jwt') throw badInput('服务账号没有密码', 'Service accounts have no password');
    const user = await em.findOne(User, { id: who.actor.userId }, { populate: ['passwordHash'] });
    if (!user || !user.passwordHash) throw notFound('当前用户', 'Current user');
    const ok = await verifyPassword(currentPassword, user.passwordHash);
    if (user.lockedUntil && user.lockedUntil > new Date()) throw locked(user.lockedUntil);
    if (!ok) {
      const lockedUntil = await this.recordFailure(em, user);
      if (lockedUntil) throw locked(lockedUntil);
      throw badInput('当前密码错误', 'The current password is wrong', [
        { field: 'input.currentPassword', message: '当前密码错误', messageEn: 'wrong password', constraint: 'currentPassword' },
      ]);
    }
    const problems = checkPassword(newPassword, user.username, this.policy.password, 'input.newPassword');
    if (newPassword === currentPassword) {
      problems.push({ field: 'input.newPassword', message: '新密码不能与当前密码相同', messageEn: 'must differ from the current password', constraint: 'notSame' });
    }
    if (problems.length) throw badInput('新密码不符合密码规则', 'The new password does not meet the password policy', problems);
    await this.setPassword(em, user, newPassword);
    recordAudit(em, who, { action: 'user.changePassword', entity: user, after: { passwordChangedAt: user.passwordChangedAt, tokenVersion: user.tokenVersion } });
    await em.flush();
    return { ...(await this.issueToken(user)), user };
  }

  /** An administrator sets a new password (the policy applies), unlocks the account and ends its sessions. */
  async resetPassword(em: EntityManager, who: Who, userId: number, newPassword: string): Promise<User> {
    const user = await em.findOne(User, { id: userId }, { populate: ['passwordHash'] });
    if (!user) throw notFound('该用户', 'User');
    if (!user.passwordHash) throw badInput('服务账号没有密码，请使用 API 令牌', 'Service accounts have no password; use API tokens');
    const problems = checkPassword(newPassword, user.username, this.policy.password, 'newPassword');
    if (problems.length) throw badInput('新密码不符合密码规则', 'The new password does not meet the password policy', problems);
    await this.setPassword(em, user, newPassword);
    user.failedSignIns = 0;
    user.failedSignInsSince = null;
    user.lockedUntil = null;
    recordAudit(em, who, { action: 'user.resetPassword', entity: user, after: { passwordChangedAt: user.passwordChangedAt, tokenVersion: user.tokenVersion } });
    await em.flush();
    return user;
  }

  /** An administrator lifts a lockout. */
  async unlock(em: EntityManager, who: Who, userId: number): Promise<User> {
    const user = await em.findOne(User, { id: userId });
    if (!user) throw notFound('该用户', 'User');
    const before = { lockedUntil: user.lockedUntil ?? null, failedSignIns: user.failedSignIns };
    user.failedSignIns = 0;
    user.failedSignInsSince = null;
    user.lockedUntil = null;
    recordAudit(em, who, { action: 'user.unlock', entity: user, before, after: { lockedUntil: null, failedSignIns: 0 } });
    await em.flush();
    return user;
  }

  /** Every sign-in token of the user stops working (API tokens are revoked one by one). */
  async revokeAllSessions(em: EntityManager, who: Who, userId: number): Promise<User> {
    const user = await em.findOne(User, { id: userId });
    if (!user) throw notFound('该用户', 'User');
    const before = { tokenVersion: user.tokenVersion };
    user.tokenVersion = (user.tokenVersion ?? 0) + 1;
    recordAudit(em, who, { action: 'user.revokeAllSessions', entity: user, before, after: { tokenVersion: user.tokenVersion } });
    await em.flush();
    return user;
  }

  private async setPassword(em: EntityManager, user: User, password: string): Promise<void> {
    user.passwordHash = await hashPassword(password);
    user.passwordChangedAt = new Date();
    user.tokenVersion = (user.tokenVersion ?? 0) + 1;
  }

  /**
   * The actor behind an `Authorization` header: `Bearer <JWT>` from sign-in, or
   * `Bearer zr_…` API token of a service account. No header → anonymous (null);
   * a header that does not check out → 401.
   */
  async authenticate(em: EntityManager, authorization: string | undefined): Promise<Actor | null> {
    if (!authorization) return null;
    const match = /^Bearer\s+(\S+)$/i.exec(authorization.trim());
    if (!match) throw rejected('Authorization 头格式应为 “Bearer <令牌>”', 'Authorization header must be "Bearer <token>"');
    const token = match[1];
    if (token.startsWith(API_TOKEN_PREFIX)) {
      const apiToken = await em.findOne(ApiToken, { tokenHash: hashApiToken(token) }, { populate: ['user'] });
      const now = new Date();
      if (!apiToken || apiToken.revokedAt || (apiToken.expiresAt && apiToken.expiresAt <= now) || !apiToken.user.getEntity().active) {
        throw rejected('API 令牌无效、已过期或已吊销', 'API token is invalid, expired or revoked');
      }
      // Record use at most once a minute, so reads do not turn into writes.
      if (!apiToken.lastUsedAt || now.getTime() - apiToken.lastUsedAt.getTime() > 60_000) {
        await em.nativeUpdate(ApiToken, { id: apiToken.id }, { lastUsedAt: now });
      }
      return actorOf(apiToken.user.getEntity(), 'api-token');
    }
    let claims: { sub?: string; jti?: string; exp?: number; ver?: unknown };
    try {
      ({ payload: claims } = await jwtVerify(token, this.key, { issuer: ISSUER, algorithms: ['HS256'] }));
    } catch (err) {
      if (err instanceof joseErrors.JWTExpired) throw rejected('登录已过期，请重新登录', 'Session expired; sign in again');
      throw rejected('登录令牌无效', 'Invalid token');
    }
    const { sub, jti, exp, iat } = claims as typeof claims & { iat?: number };
    // A token "issued" in the future was not issued by this server's clock: refused (clock skew of 60 s allowed).
    if (!sub || !/^\d{1,10}$/.test(sub) || !jti || !UUID.test(jti) || !exp || !iat || iat > Date.now() / 1000 + CLOCK_SKEW_SECONDS) throw rejected('登录令牌无效', 'Invalid token');
    return this.actorOf(em, sub, jti, exp, typeof claims.ver === 'number' ? claims.ver : 0, true);
  }

  /**
   * The user of a verified token — whether it was signed out, its version, where the user
   * works — in one statement.
   */
  private async actorOf(em: EntityManager, sub: string, jti: string, exp: number, ver: number, session: boolean): Promise<Actor> {
    const [row] = await em.getConnection().execute<Record<string, unknown>[]>(
      `select u.*, exists (select 1 from revoked_token t where t.jti = ?) as zr_revoked, ${JURISDICTION_COLUMNS}
         from app_user u ${JURISDICTION_JOINS}
        where u.id = ?`,
      [jti, Number(sub)],
      'all',
      em.getTransactionContext(),
    );
    if (!row) throw rejected('账号不存在或已停用', 'Account does not exist or is disabled');
    const { zr_revoked: revoked, password_hash: _secret, zr_region_id: _r, zr_region_code: _c, zr_region_level: _l, zr_county_id: _k, zr_township_id: _t, ...columns } = row;
    const user = em.map(User, columns as never);
    if (!user.active) throw rejected('账号不存在或已停用', 'Account does not exist or is disabled');
    if (revoked) throw rejected('已退出登录，请重新登录', 'Signed out; sign in again');
    if (ver !== (user.tokenVersion ?? 0)) {
      throw rejected('登录已失效（密码已修改或已被强制下线），请重新登录', 'Session ended (password changed or signed out everywhere); sign in again');
    }
    const actor = actorOf(user, 'jwt');
    actor.jurisdiction = jurisdictionOf(row);
    if (session) sessions.set(actor, { jti, expiresAt: new Date(exp * 1000) });
    return actor;
  }
}
