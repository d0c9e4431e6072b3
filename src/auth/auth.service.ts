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
import { AppError, badInput, conflict, forbidden, notFound } from '../kernel/errors';
import { SecretBox, acceptTotp, hashRecoveryCode, newRecoveryCodes, newTotpSecret, totpQrSvg, totpUri } from './totp';
import { audit } from '../kernel/mutation';
import { JURISDICTION_COLUMNS, JURISDICTION_JOINS, jurisdictionOf } from './permissions';

const ISSUER = 'zhunru';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** How far ahead of this server's clock a token's `iat` may be (another API process's clock). */
const CLOCK_SKEW_SECONDS = 60;

/** Sign-in hardening: lockout after repeated failures, the password policy, the second factor, idle sessions. */
export interface SignInPolicy {
  maxFailures: number;
  failureWindowSeconds: number;
  lockoutSeconds: number;
  password: PasswordPolicy;
  /** Roles that must sign in with TOTP (TOTP_REQUIRED_ROLES). */
  totpRequiredRoles: string[];
  totpIssuer: string;
  /** MFA_ENCRYPTION_KEY; unset → derived from the JWT secret. */
  mfaEncryptionKey?: string;
  /** A session unused this long ends; 0: never. */
  idleTimeoutSeconds: number;
}

export const DEFAULT_SIGN_IN_POLICY: SignInPolicy = {
  maxFailures: 5,
  failureWindowSeconds: 900,
  lockoutSeconds: 900,
  password: { minLength: 10 },
  totpRequiredRoles: [],
  totpIssuer: '准入平台',
  idleTimeoutSeconds: 1800,
};

export function signInPolicyFromConfig(config: Config): SignInPolicy {
  return {
    maxFailures: config.signInMaxFailures,
    failureWindowSeconds: config.signInFailureWindowSeconds,
    lockoutSeconds: config.signInLockoutSeconds,
    password: { minLength: config.passwordMinLength },
    totpRequiredRoles: config.totpRequiredRoles,
    totpIssuer: config.totpIssuer,
    mfaEncryptionKey: config.mfaEncryptionKey,
    idleTimeoutSeconds: config.sessionIdleTimeoutSeconds,
  };
}

/** A sign-in challenge lasts this long: the second step must follow the first. */
const CHALLENGE_SECONDS = 300;
/** How often a session's last use is written (at most). */
const TOUCH_SECONDS = 60;

/** The sign-in token behind an actor (JWT requests only), for `signOut`. */
const sessions = new WeakMap<Actor, { jti: string; expiresAt: Date }>();
export function sessionOf(actor: Actor): { jti: string; expiresAt: Date } | undefined {
  return sessions.get(actor);
}

const WRONG_PASSWORD = () => badInput('用户名或密码错误', 'Wrong username or password');

function locked(until: Date): AppError {
  const minutes = Math.max(1, Math.ceil((until.getTime() - Date.now()) / 60_000));
  return new AppError(
    'FORBIDDEN',
    `登录失败次数过多，账号已锁定，请 ${minutes} 分钟后再试或联系管理员解锁`,
    `Too many failed sign-ins: the account is locked for ${minutes} more minute(s)`,
    {
      reason: 'ACCOUNT_LOCKED',
      lockedUntil: until.toISOString(),
    },
  );
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
function rejected(message: string, messageEn: string, reason?: string): AppError {
  return new AppError('UNAUTHENTICATED', message, messageEn, { ...(reason ? { reason } : {}), http: { status: 401 } });
}

const WRONG_CODE = () =>
  badInput('动态口令或恢复码错误', 'Wrong one-time code or recovery code', [
    { field: 'input.code', message: '动态口令或恢复码错误，或已使用过', messageEn: 'wrong, or already used', constraint: 'secondFactor' },
  ]);

/**
 * Tokens for one purpose besides API sessions, each signed with a key of its own derived
 * from the JWT secret (HKDF), so that none can stand in for another or for a session.
 */
export type TokenPurpose = 'queue-dashboard' | 'sign-in-challenge';

export class AuthService {
  private readonly key: crypto.KeyObject;
  private readonly purposeKeys = new Map<TokenPurpose, crypto.KeyObject>();
  readonly policy: SignInPolicy;
  private readonly box: SecretBox;

  constructor(
    private readonly secret: string,
    private readonly ttlSeconds: number,
    policy: Partial<SignInPolicy> = {},
  ) {
    // A KeyObject made once: jose would otherwise import raw key bytes on every sign and verify.
    this.key = crypto.createSecretKey(Buffer.from(secret, 'utf8'));
    this.policy = { ...DEFAULT_SIGN_IN_POLICY, ...policy };
    this.box = SecretBox.fromConfig(this.policy.mfaEncryptionKey, secret);
  }

  /** Whether users of `role` must sign in with a second factor. */
  totpRequired(role: string): boolean {
    return this.policy.totpRequiredRoles.includes(role);
  }

  private purposeKey(purpose: TokenPurpose): crypto.KeyObject {
    let k = this.purposeKeys.get(purpose);
    if (!k) {
      k = crypto.createSecretKey(
        Buffer.from(crypto.hkdfSync('sha256', Buffer.from(this.secret, 'utf8'), Buffer.alloc(0), Buffer.from(`zhunru ${purpose} v1`), 32)),
      );
      this.purposeKeys.set(purpose, k);
    }
    return k;
  }

  /**
   * A short-lived token of `purpose` for `user` (e.g. the queue dashboard's session
   * cookie): its own key and audience, the user's token version (a password change or
   * "sign out everywhere" ends it too), a jti that can be revoked.
   */
  async issuePurposeToken(
    user: Pick<User, 'id' | 'tokenVersion'>,
    purpose: TokenPurpose,
    ttlSeconds: number,
    extra: Record<string, unknown> = {},
  ): Promise<{ token: string; jti: string; expiresAt: Date }> {
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
  async verifyPurposeToken(
    token: string,
    purpose: TokenPurpose,
  ): Promise<{ sub: string; jti: string; exp: number; ver: number; claims: Record<string, unknown> }> {
    let claims: Record<string, unknown>;
    try {
      ({ payload: claims } = await jwtVerify(token, this.purposeKey(purpose), {
        issuer: ISSUER,
        audience: `zhunru:${purpose}`,
        algorithms: ['HS256'],
        maxTokenAge: '1d',
      }));
    } catch (err) {
      if (err instanceof joseErrors.JWTExpired) throw rejected('已过期，请重新登录', 'Expired; sign in again');
      throw rejected('令牌无效', 'Invalid token');
    }
    const { sub, jti, exp, iat } = claims as { sub?: string; jti?: string; exp?: number; iat?: number };
    if (!sub || !/^\d{1,10}$/.test(sub) || !jti || !UUID.test(jti) || !exp || !iat || iat > Date.now() / 1000 + CLOCK_SKEW_SECONDS)
      throw rejected('令牌无效', 'Invalid token');
    return { sub, jti, exp, ver: typeof claims.ver === 'number' ? claims.ver : 0, claims };
  }

  /** The actor behind a queue-dashboard session (an administrator whose account and sessions still stand), or 401. */
  async authenticatePurpose(em: EntityManager, token: string, purpose: TokenPurpose): Promise<Actor> {
    const { sub, jti, exp, ver } = await this.verifyPurposeToken(token, purpose);
    return this.actorOf(em, sub, jti, exp, ver, false);
  }

  /**
   * A signed token for `user`, carrying its token version (so that bumping it revokes the
   * token), and its session row (last use, for the idle timeout).
   */
  private async issueToken(em: EntityManager, user: User): Promise<{ token: string; expiresAt: Date }> {
    const expiresAt = new Date(Date.now() + this.ttlSeconds * 1000);
    const jti = crypto.randomUUID();
    const token = await new SignJWT({ role: user.role, ver: user.tokenVersion ?? 0 })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setSubject(String(user.id))
      .setIssuer(ISSUER)
      .setIssuedAt()
      .setJti(jti)
      .setExpirationTime(Math.floor(expiresAt.getTime() / 1000))
      .sign(this.key);
    await em
      .getConnection()
      .execute(`insert into user_session (jti, user_id, expires_at) values (?, ?, ?)`, [jti, user.id, expiresAt], 'run', em.getTransactionContext());
    return { token, expiresAt };
  }

  /**
   * Checks a username and password; on success returns a signed token. A locked account
   * fails even with the right password; the `maxFailures`-th wrong password within the
   * failure window locks it for `lockoutSeconds`. The password is compared (bcrypt) in
   * every case, so timing does not tell whether the user exists or is locked.
   *
   * With a second factor enrolled, the right password does not sign in yet: the answer is
   * UNAUTHENTICATED, reason SECOND_FACTOR_REQUIRED, with a `challenge` (5 minutes, one use)
   * for `signInSecondFactor`. A user whose role must use one (TOTP_REQUIRED_ROLES) and who
   * has not enrolled gets reason SECOND_FACTOR_ENROLMENT_REQUIRED and a challenge for
   * `beginTotpEnrolment` / `confirmTotpEnrolment`, which then sign in. The failure count is
   * reset only when sign-in completes, so wrong codes after a right password still lock.
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
    if (user.totpEnabledAt || this.totpRequired(user.role)) {
      const step = user.totpEnabledAt ? 'totp' : 'enrol';
      const { token: challenge, expiresAt } = await this.issuePurposeToken(user, 'sign-in-challenge', CHALLENGE_SECONDS, { step });
      throw new AppError(
        'UNAUTHENTICATED',
        step === 'totp' ? '密码正确，请输入动态口令（或恢复码）完成登录' : '您的角色须使用动态口令登录：请先绑定动态口令',
        step === 'totp'
          ? 'Password accepted: give the one-time code (or a recovery code) to sign in'
          : 'Your role signs in with a one-time code: enrol an authenticator first',
        { reason: step === 'totp' ? 'SECOND_FACTOR_REQUIRED' : 'SECOND_FACTOR_ENROLMENT_REQUIRED', challenge, challengeExpiresAt: expiresAt.toISOString() },
      );
    }
    return this.completeSignIn(em, user, 'PASSWORD');
  }

  /** The last step of a sign-in: failures reset (unless locked meanwhile), audited, a session issued. */
  private async completeSignIn(
    em: EntityManager,
    user: User,
    method: 'PASSWORD' | 'TOTP' | 'RECOVERY_CODE' | 'ENROLMENT',
    extra: { totpLastStep?: number; recoveryCodesLeft?: number } = {},
  ): Promise<{ token: string; expiresAt: Date; user: User }> {
    const signedInAt = await this.recordSuccess(em, user, extra);
    await audit(
      em,
      { actor: actorOf(user, 'jwt') },
      { action: 'user.signIn', entity: user, after: { method, ...(extra.recoveryCodesLeft != null ? { recoveryCodesLeft: extra.recoveryCodesLeft } : {}) } },
    );
    await em.flush();
    // What the answer shows; set after the flush so that no UPDATE writes the row's counters from this (older) read.
    Object.assign(user, {
      failedSignIns: 0,
      failedSignInsSince: null,
      lockedUntil: null,
      lastSignInAt: signedInAt,
      ...(extra.totpLastStep != null ? { totpLastStep: extra.totpLastStep } : {}),
    });
    return { ...(await this.issueToken(em, user)), user };
  }

  /** The user behind a sign-in challenge of `step` (its password was right a moment ago), with the secrets loaded. */
  private async challengeUser(em: EntityManager, challenge: string, step: 'totp' | 'enrol' | 'any'): Promise<{ user: User; jti: string; exp: number }> {
    let claims: Awaited<ReturnType<AuthService['verifyPurposeToken']>>;
    try {
      claims = await this.verifyPurposeToken(challenge, 'sign-in-challenge');
    } catch {
      throw badInput('登录验证已失效，请重新输入用户名和密码', 'The sign-in challenge is invalid or expired; sign in again', [
        { field: 'input.challenge', message: '无效或已过期', messageEn: 'invalid or expired', constraint: 'challenge' },
      ]);
    }
    if (step !== 'any' && claims.claims.step !== step)
      throw badInput('登录验证步骤不符', 'Wrong sign-in step', [
        { field: 'input.challenge', message: '不是这一步的验证', messageEn: 'not for this step', constraint: 'challenge' },
      ]);
    const user = await em.findOne(User, { id: Number(claims.sub) }, { populate: ['totpSecret', 'totpPendingSecret', 'recoveryCodeHashes'], filters: false });
    const [used] = await em.getConnection().execute(`select 1 from revoked_token where jti = ?`, [claims.jti], 'all', em.getTransactionContext());
    if (!user || !user.active || used || (user.tokenVersion ?? 0) !== claims.ver)
      throw badInput('登录验证已失效，请重新输入用户名和密码', 'The sign-in challenge is no longer valid; sign in again');
    if (user.lockedUntil && user.lockedUntil > new Date()) throw locked(user.lockedUntil);
    return { user, jti: claims.jti, exp: claims.exp };
  }

  /** A challenge is used once. */
  private spend(em: EntityManager, userId: number, jti: string, exp: number): void {
    em.create(RevokedToken, { jti, userId, expiresAt: new Date(exp * 1000) });
  }

  /**
   * Checks a TOTP code (a step not used before) or an unused recovery code of `user`:
   * the step, or the recovery code's hash, that it used; null when wrong.
   */
  private checkSecondFactor(user: User, code: string): { step?: number; recoveryHash?: string } | null {
    const secret = user.totpSecret ? this.box.open(user.totpSecret) : null;
    if (!secret) return null;
    if (/^\s*\d{6}\s*$/.test(code)) {
      const step = acceptTotp(secret, code, user.totpLastStep);
      return step === null ? null : { step };
    }
    const hash = hashRecoveryCode(code);
    return (user.recoveryCodeHashes ?? []).includes(hash) ? { recoveryHash: hash } : null;
  }

  /**
   * The second step of a sign-in: the challenge from `signIn` and a current code of the
   * user's authenticator, or one of the recovery codes (each works once). A wrong code
   * counts as a failed sign-in (the same lockout).
   */
  async signInSecondFactor(em: EntityManager, challenge: string, code: string): Promise<{ token: string; expiresAt: Date; user: User }> {
    const { user, jti, exp } = await this.challengeUser(em, challenge, 'totp');
    const used = this.checkSecondFactor(user, code);
    if (!used) {
      const lockedUntil = await this.recordFailure(em, user);
      throw lockedUntil ? locked(lockedUntil) : WRONG_CODE();
    }
    this.spend(em, user.id, jti, exp);
    if (used.recoveryHash) {
      // Atomically, so that two sign-ins cannot spend one code.
      const [row] = await em
        .getConnection()
        .execute(
          `update app_user set recovery_code_hashes = recovery_code_hashes - ?::text where id = ? and recovery_code_hashes @> jsonb_build_array(?::text) returning id`,
          [used.recoveryHash, user.id, used.recoveryHash],
          'all',
          em.getTransactionContext(),
        );
      if (!row) throw WRONG_CODE();
      return this.completeSignIn(em, user, 'RECOVERY_CODE', { recoveryCodesLeft: (user.recoveryCodeHashes ?? []).length - 1 });
    }
    return this.completeSignIn(em, user, 'TOTP', { totpLastStep: used.step });
  }

  /** Who is enrolling: the signed-in user, or the holder of an enrolment challenge. */
  private async enrollee(
    em: EntityManager,
    who: { actor: Actor | null; challenge?: string | null },
  ): Promise<{ user: User; challenge?: { jti: string; exp: number } }> {
    if (who.challenge) {
      const { user, jti, exp } = await this.challengeUser(em, who.challenge, 'enrol');
      return { user, challenge: { jti, exp } };
    }
    if (who.actor?.via === 'api-token') throw badInput('服务账号使用 API 令牌，不绑定动态口令', 'Service accounts use API tokens; they have no second factor');
    if (!who.actor) {
      throw badInput('请先登录，或提供 signIn 返回的绑定验证（challenge）', 'Sign in first, or give the enrolment challenge signIn returned', [
        { field: 'challenge', message: '未登录时须提供', messageEn: 'required when not signed in', constraint: 'required' },
      ]);
    }
    const user = await em.findOne(User, { id: who.actor.userId }, { populate: ['totpSecret', 'totpPendingSecret', 'recoveryCodeHashes'], filters: false });
    if (!user) throw notFound('当前用户', 'Current user');
    return { user };
  }

  /**
   * Enrolment, step 1: a new secret for the user's authenticator app — as text, as an
   * `otpauth://` URI and as a QR code (SVG). Nothing changes until step 2 confirms it.
   */
  async beginTotpEnrolment(
    em: EntityManager,
    who: { actor: Actor | null; challenge?: string | null; requestId?: string },
  ): Promise<{ secret: string; otpauthUri: string; qrSvg: string; user: User }> {
    const { user } = await this.enrollee(em, who);
    if (user.totpEnabledAt)
      throw conflict(
        '已启用动态口令；如需更换，请先停用或由管理员重置',
        'A second factor is already enrolled; disable it (or have an administrator reset it) first',
      );
    const secret = newTotpSecret();
    user.totpPendingSecret = this.box.seal(secret);
    await audit(em, { actor: who.actor ?? actorOf(user, 'jwt'), requestId: who.requestId }, { action: 'user.beginTotpEnrolment', entity: user });
    await em.flush();
    const otpauthUri = totpUri(secret, this.policy.totpIssuer, user.username);
    return { secret, otpauthUri, qrSvg: await totpQrSvg(otpauthUri), user };
  }

  /**
   * Enrolment, step 2: a code from the app proves it holds the secret; the second factor
   * is on, and ten recovery codes are returned — shown this once, stored as hashes. Made
   * with an enrolment challenge, this also completes the sign-in.
   */
  async confirmTotpEnrolment(
    em: EntityManager,
    who: { actor: Actor | null; challenge?: string | null; requestId?: string },
    code: string,
  ): Promise<{ recoveryCodes: string[]; user: User; session?: { token: string; expiresAt: Date; user: User } }> {
    const { user, challenge } = await this.enrollee(em, who);
    if (user.totpEnabledAt) throw conflict('已启用动态口令', 'A second factor is already enrolled');
    const secret = user.totpPendingSecret ? this.box.open(user.totpPendingSecret) : null;
    if (!secret) throw conflict('请先开始绑定（beginTotpEnrolment）', 'Begin the enrolment first (beginTotpEnrolment)');
    const step = acceptTotp(secret, code, null);
    if (step === null) {
      const lockedUntil = await this.recordFailure(em, user);
      throw lockedUntil ? locked(lockedUntil) : WRONG_CODE();
    }
    const { codes, hashes } = newRecoveryCodes();
    user.totpSecret = this.box.seal(secret);
    user.totpPendingSecret = null;
    user.totpEnabledAt = new Date();
    user.totpLastStep = step;
    user.recoveryCodeHashes = hashes;
    await audit(
      em,
      { actor: who.actor ?? actorOf(user, 'jwt'), requestId: who.requestId },
      { action: 'user.enableTotp', entity: user, after: { totpEnabledAt: user.totpEnabledAt, recoveryCodes: hashes.length } },
    );
    if (challenge) {
      this.spend(em, user.id, challenge.jti, challenge.exp);
      await em.flush();
      return { recoveryCodes: codes, user, session: await this.completeSignIn(em, user, 'ENROLMENT') };
    }
    await em.flush();
    return { recoveryCodes: codes, user };
  }

  /** New recovery codes (the old ones stop working), with a current code. */
  async regenerateRecoveryCodes(em: EntityManager, who: { actor: Actor; requestId?: string }, code: string): Promise<{ recoveryCodes: string[]; user: User }> {
    const { user } = await this.enrollee(em, who);
    if (!user.totpEnabledAt) throw conflict('未启用动态口令', 'No second factor is enrolled');
    const used = this.checkSecondFactor(user, code);
    if (!used?.step) {
      const lockedUntil = await this.recordFailure(em, user);
      throw lockedUntil ? locked(lockedUntil) : WRONG_CODE();
    }
    const { codes, hashes } = newRecoveryCodes();
    user.recoveryCodeHashes = hashes;
    user.totpLastStep = used.step;
    await audit(em, who, { action: 'user.regenerateRecoveryCodes', entity: user, after: { recoveryCodes: hashes.length } });
    await em.flush();
    return { recoveryCodes: codes, user };
  }

  /** Turns one's own second factor off, with a current code — not for roles that must use one. */
  async disableTotp(em: EntityManager, who: { actor: Actor; requestId?: string }, code: string): Promise<User> {
    const { user } = await this.enrollee(em, who);
    if (!user.totpEnabledAt) throw conflict('未启用动态口令', 'No second factor is enrolled');
    if (this.totpRequired(user.role)) throw forbidden('GUARD', '您的角色必须使用动态口令登录，不能停用', 'Your role must sign in with a second factor');
    const used = this.checkSecondFactor(user, code);
    if (!used?.step) {
      const lockedUntil = await this.recordFailure(em, user);
      throw lockedUntil ? locked(lockedUntil) : WRONG_CODE();
    }
    const before = { totpEnabledAt: user.totpEnabledAt };
    Object.assign(user, { totpSecret: null, totpPendingSecret: null, totpEnabledAt: null, totpLastStep: null, recoveryCodeHashes: null });
    await audit(em, who, { action: 'user.disableTotp', entity: user, before, after: { totpEnabledAt: null } });
    await em.flush();
    return user;
  }

  /** An administrator clears a user's second factor (a lost phone): the user enrols again at the next sign-in. */
  async resetTotp(em: EntityManager, who: Who, userId: number): Promise<User> {
    const user = await em.findOne(User, { id: userId }, { populate: ['totpSecret', 'totpPendingSecret', 'recoveryCodeHashes'] });
    if (!user) throw notFound('该用户', 'User');
    const before = { totpEnabledAt: user.totpEnabledAt ?? null };
    Object.assign(user, { totpSecret: null, totpPendingSecret: null, totpEnabledAt: null, totpLastStep: null, recoveryCodeHashes: null });
    user.tokenVersion = (user.tokenVersion ?? 0) + 1; // its sessions end: they were opened with the old factor
    await audit(em, who, { action: 'user.resetTotp', entity: user, before, after: { totpEnabledAt: null, tokenVersion: user.tokenVersion } });
    await em.flush();
    return user;
  }

  /**
   * A right password: resets the failure count — atomically and only if the account is
   * not locked *now*. The row was read before the (slow) password check; failures arriving
   * meanwhile may have locked it, and a reset based on that old read would unlock it
   * (issue 12). Locked in between → ACCOUNT_LOCKED, as if it had been locked before.
   */
  private async recordSuccess(em: EntityManager, user: User, extra: { totpLastStep?: number } = {}): Promise<Date> {
    // A TOTP step is written with the reset, and only if it is newer than the last one used (two sign-ins, one code: one wins).
    const step = extra.totpLastStep;
    const [row] = await em.getConnection().execute<{ last_sign_in_at: Date }[]>(
      `update app_user u set failed_sign_ins = 0, failed_sign_ins_since = null, locked_until = null, last_sign_in_at = now()${step != null ? `, totp_last_step = ${Number(step)}` : ''}
        where u.id = ? and (u.locked_until is null or u.locked_until <= now())${step != null ? ` and (u.totp_last_step is null or u.totp_last_step < ${Number(step)})` : ''}
        returning u.last_sign_in_at`,
      [user.id],
      'all',
      em.getTransactionContext(),
    );
    if (!row) {
      const [now] = await em
        .getConnection()
        .execute<{ locked_until: Date | null }[]>(`select locked_until from app_user where id = ?`, [user.id], 'all', em.getTransactionContext());
      if (now?.locked_until && new Date(now.locked_until) > new Date()) throw locked(new Date(now.locked_until));
      throw WRONG_CODE(); // the code's step was used by another sign-in meanwhile
    }
    return new Date(row.last_sign_in_at);
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
      await audit(
        em,
        { actor: null },
        {
          action: 'user.lock',
          entity: { type: 'User', id: user.id },
          after: { username: user.username, lockedUntil: lockedUntil.toISOString(), failedSignIns: row.failed_sign_ins },
          comment: `连续 ${maxFailures} 次登录失败，账号锁定至 ${lockedUntil.toISOString()}`,
        },
      );
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
    await audit(em, who, { action: 'user.signOut', entity: { type: 'User', id: who.actor.userId } });
    await em.flush();
    // Revocations of expired tokens, and sessions of expired tokens, are no longer needed.
    await em
      .getConnection()
      .execute(`delete from revoked_token where expires_at < now() - interval '1 minute'`, [], 'run')
      .catch(() => undefined);
    await em
      .getConnection()
      .execute(`delete from user_session where jti = ? or expires_at < now() - interval '1 minute'`, [session.jti], 'run')
      .catch(() => undefined);
    return true;
  }

  /** The signed-in user changes their own password; every other token of theirs stops working. */
  async changePassword(
    em: EntityManager,
    who: Who & { actor: Actor },
    currentPassword: string,
    newPassword: string,
  ): Promise<{ token: string; expiresAt: Date; user: User }> {
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
      problems.push({
        field: 'input.newPassword',
        message: '新密码不能与当前密码相同',
        messageEn: 'must differ from the current password',
        constraint: 'notSame',
      });
    }
    if (problems.length) throw badInput('新密码不符合密码规则', 'The new password does not meet the password policy', problems);
    await this.setPassword(em, user, newPassword);
    await audit(em, who, {
      action: 'user.changePassword',
      entity: user,
      after: { passwordChangedAt: user.passwordChangedAt, tokenVersion: user.tokenVersion },
    });
    await em.flush();
    return { ...(await this.issueToken(em, user)), user };
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
    await audit(em, who, { action: 'user.resetPassword', entity: user, after: { passwordChangedAt: user.passwordChangedAt, tokenVersion: user.tokenVersion } });
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
    await audit(em, who, { action: 'user.unlock', entity: user, before, after: { lockedUntil: null, failedSignIns: 0 } });
    await em.flush();
    return user;
  }

  /** Every sign-in token of the user stops working (API tokens are revoked one by one). */
  async revokeAllSessions(em: EntityManager, who: Who, userId: number): Promise<User> {
    const user = await em.findOne(User, { id: userId });
    if (!user) throw notFound('该用户', 'User');
    const before = { tokenVersion: user.tokenVersion };
    user.tokenVersion = (user.tokenVersion ?? 0) + 1;
    await audit(em, who, { action: 'user.revokeAllSessions', entity: user, before, after: { tokenVersion: user.tokenVersion } });
    await em.flush();
    return user;
  }

  private async setPassword(_em: EntityManager, user: User, password: string): Promise<void> {
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
    if (!sub || !/^\d{1,10}$/.test(sub) || !jti || !UUID.test(jti) || !exp || !iat || iat > Date.now() / 1000 + CLOCK_SKEW_SECONDS)
      throw rejected('登录令牌无效', 'Invalid token');
    return this.actorOf(em, sub, jti, exp, typeof claims.ver === 'number' ? claims.ver : 0, true);
  }

  /**
   * The user of a verified token — whether it was signed out, its version, where the user
   * works — in one statement.
   */
  private async actorOf(em: EntityManager, sub: string, jti: string, exp: number, ver: number, session: boolean): Promise<Actor> {
    const [row] = await em.getConnection().execute<Record<string, unknown>[]>(
      `select u.*, exists (select 1 from revoked_token t where t.jti = ?) as zr_revoked, (select s.last_seen_at from user_session s where s.jti = ?) as zr_last_seen, ${JURISDICTION_COLUMNS}
         from app_user u ${JURISDICTION_JOINS}
        where u.id = ?`,
      [jti, jti, Number(sub)],
      'all',
      em.getTransactionContext(),
    );
    if (!row) throw rejected('账号不存在或已停用', 'Account does not exist or is disabled');
    const {
      zr_revoked: revoked,
      zr_last_seen: lastSeen,
      password_hash: _secret,
      totp_secret: _t1,
      totp_pending_secret: _t2,
      recovery_code_hashes: _t3,
      zr_region_id: _r,
      zr_region_code: _c,
      zr_region_level: _l,
      zr_county_id: _k,
      zr_township_id: _t,
      ...columns
    } = row;
    const user = em.map(User, columns as never);
    if (!user.active) throw rejected('账号不存在或已停用', 'Account does not exist or is disabled');
    if (revoked) throw rejected('已退出登录，请重新登录', 'Signed out; sign in again');
    if (ver !== (user.tokenVersion ?? 0)) {
      throw rejected('登录已失效（密码已修改或已被强制下线），请重新登录', 'Session ended (password changed or signed out everywhere); sign in again');
    }
    if (session) await this.touchSession(em, user.id, jti, exp, lastSeen ? new Date(lastSeen as string) : null);
    const actor = actorOf(user, 'jwt');
    actor.jurisdiction = jurisdictionOf(row);
    if (session) sessions.set(actor, { jti, expiresAt: new Date(exp * 1000) });
    return actor;
  }

  /**
   * The idle timeout (等保): a session unused for SESSION_IDLE_TIMEOUT_SECONDS ends (401,
   * reason SESSION_IDLE). Its last use is written at most once a minute; a token from
   * before sessions were recorded starts its record at its first use.
   */
  private async touchSession(em: EntityManager, userId: number, jti: string, exp: number, lastSeen: Date | null): Promise<void> {
    const idle = this.policy.idleTimeoutSeconds;
    const now = Date.now();
    if (idle > 0 && lastSeen && now - lastSeen.getTime() > idle * 1000) {
      throw rejected(
        `超过 ${Math.round(idle / 60)} 分钟未操作，登录已失效，请重新登录`,
        `Session ended after ${Math.round(idle / 60)} minutes without activity; sign in again`,
        'SESSION_IDLE',
      );
    }
    if (!lastSeen || now - lastSeen.getTime() > TOUCH_SECONDS * 1000) {
      await em
        .getConnection()
        .execute(
          `insert into user_session (jti, user_id, expires_at) values (?, ?, ?) on conflict (jti) do update set last_seen_at = now()`,
          [jti, userId, new Date(exp * 1000)],
          'run',
          em.getTransactionContext(),
        );
    }
  }
}
