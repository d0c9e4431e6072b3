import crypto from 'node:crypto';
import bcrypt from 'bcryptjs';

/** Password hashing with bcrypt (bcryptjs, cost 12 in production, lower under test). */
const COST = process.env.NODE_ENV === 'test' ? 4 : 12;

/** bcrypt reads 72 bytes of a password and ignores the rest. */
export const BCRYPT_MAX_BYTES = 72;

export const hashPassword = (password: string): Promise<string> => bcrypt.hash(password, COST);

/** A hash to compare against when the user does not exist, so timing does not tell. */
export const DUMMY_PASSWORD_HASH = bcrypt.hashSync('no-such-user-' + crypto.randomBytes(8).toString('hex'), COST);

/**
 * Whether `password` is the one behind `hash`. A password longer than bcrypt reads (72
 * bytes) never matches: bcrypt would compare its first 72 bytes only, so a stored
 * 72-byte password followed by anything would pass. No password longer than that can be
 * set (src/auth/password-policy.ts), so every existing hash keeps verifying. The check is
 * still made (against a dummy), so timing does not tell.
 */
export async function verifyPassword(password: string, hash: string): Promise<boolean> {
  if (Buffer.byteLength(password, 'utf8') > BCRYPT_MAX_BYTES) {
    await bcrypt.compare('x', DUMMY_PASSWORD_HASH);
    return false;
  }
  return bcrypt.compare(password, hash);
}

/** API tokens: `zr_` + 40 random base62-ish characters; stored as SHA-256. */
export const API_TOKEN_PREFIX = 'zr_';

export function generateApiToken(): string {
  return API_TOKEN_PREFIX + crypto.randomBytes(30).toString('base64url');
}

export function hashApiToken(token: string): string {
  return crypto.createHash('sha256').update(token, 'utf8').digest('hex');
}
