import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import { SignJWT, jwtVerify, errors as joseErrors } from 'jose';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Config } from '../config';
import type { Actor } from '../kernel/context';
import { User } from './user.entity';
import { ApiToken } from './api-token.entity';
import { API_TOKEN_PREFIX, DUMMY_PASSWORD_HASH, hashApiToken, verifyPassword } from './credentials';
import { AppError, badInput } from '../kernel/errors';
import { recordAudit } from '../audit/audit.service';

const ISSUER = 'zhunru';

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

export class AuthService {
  private readonly key: Uint8Array;

  constructor(secret: string, private readonly ttlSeconds: number) {
    this.key = new TextEncoder().encode(secret);
  }

  /** Checks a username and password; on success returns a signed token. */
  async signIn(em: EntityManager, username: string, password: string): Promise<{ token: string; expiresAt: Date; user: User }> {
    const user = await em.findOne(User, { username }, { populate: ['passwordHash'] });
    const ok = await verifyPassword(password, user?.passwordHash ?? DUMMY_PASSWORD_HASH);
    if (!user || !ok || !user.active || !user.passwordHash) {
      throw badInput('用户名或密码错误', 'Wrong username or password');
    }
    user.lastSignInAt = new Date();
    recordAudit(em, { actor: actorOf(user, 'jwt') }, { action: 'user.signIn', entity: user });
    await em.flush();
    const expiresAt = new Date(Date.now() + this.ttlSeconds * 1000);
    const token = await new SignJWT({ role: user.role })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setSubject(String(user.id))
      .setIssuer(ISSUER)
      .setIssuedAt()
      .setJti(crypto.randomUUID())
      .setExpirationTime(Math.floor(expiresAt.getTime() / 1000))
      .sign(this.key);
    return { token, expiresAt, user };
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
    let sub: string | undefined;
    try {
      const { payload } = await jwtVerify(token, this.key, { issuer: ISSUER, algorithms: ['HS256'] });
      sub = payload.sub;
    } catch (err) {
      if (err instanceof joseErrors.JWTExpired) throw rejected('登录已过期，请重新登录', 'Session expired; sign in again');
      throw rejected('登录令牌无效', 'Invalid token');
    }
    const user = sub && /^\d+$/.test(sub) ? await em.findOne(User, { id: Number(sub) }) : null;
    if (!user || !user.active) throw rejected('账号不存在或已停用', 'Account does not exist or is disabled');
    return actorOf(user, 'jwt');
  }
}
