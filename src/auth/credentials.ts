import crypto from 'node:crypto';
import bcrypt from 'bcryptjs';

/** Password hashing with bcrypt (bcryptjs, cost 12 in production, lower under test). */
const COST = process.env.NODE_ENV === 'test' ? 4 : 12;

export const hashPassword = (password: string): Promise<string> => bcrypt.hash(password, COST);
export const verifyPassword = (password: string, hash: string): Promise<boolean> => bcrypt.compare(password, hash);

/** A hash to compare against when the user does not exist, so timing does not tell. */
export const DUMMY_PASSWORD_HASH = bcrypt.hashSync('no-such-user-' + crypto.randomBytes(8).toString('hex'), COST);

/** API tokens: `zr_` + 40 random base62-ish characters; stored as SHA-256. */
export const API_TOKEN_PREFIX = 'zr_';

export function generateApiToken(): string {
  return API_TOKEN_PREFIX + crypto.randomBytes(30).toString('base64url');
}

export function hashApiToken(token: string): string {
  return crypto.createHash('sha256').update(token, 'utf8').digest('hex');
}
