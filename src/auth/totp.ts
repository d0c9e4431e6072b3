import crypto from 'node:crypto';
import { Secret, TOTP } from 'otpauth';
import QRCode from 'qrcode';

/**
 * The second factor (等保 2.0 level 3: two-factor sign-in for administrators): TOTP
 * (RFC 6238: HMAC-SHA1, 6 digits, 30-second steps — what every authenticator app reads)
 * with `otpauth`, enrolment by an `otpauth://` URI and its QR code (`qrcode`, as SVG),
 * and ten single-use recovery codes kept as SHA-256 hashes. Secrets are stored encrypted
 * (AES-256-GCM) under a key of their own.
 */
export const TOTP_DIGITS = 6;
export const TOTP_PERIOD = 30;
/** Codes of the step before and after are accepted too (clock drift of a phone). */
export const TOTP_WINDOW = 1;
export const RECOVERY_CODES = 10;

export class SecretBox {
  private readonly key: Buffer;

  constructor(key: Buffer) {
    this.key = key;
  }

  /** The box for MFA_ENCRYPTION_KEY if set, else a key derived from the JWT secret. */
  static fromConfig(mfaEncryptionKey: string | undefined, jwtSecret: string): SecretBox {
    const key = mfaEncryptionKey
      ? crypto.createHash('sha256').update(mfaEncryptionKey, 'utf8').digest()
      : Buffer.from(crypto.hkdfSync('sha256', Buffer.from(jwtSecret, 'utf8'), Buffer.alloc(0), Buffer.from('zhunru totp secrets v1'), 32));
    return new SecretBox(key);
  }

  seal(plain: string): string {
    const iv = crypto.randomBytes(12);
    const cipher = crypto.createCipheriv('aes-256-gcm', this.key, iv);
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return ['v1', iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), body.toString('base64url')].join('.');
  }

  /** The plain text, or null when it was sealed under another key or altered. */
  open(sealed: string): string | null {
    const [v, iv, tag, body] = sealed.split('.');
    if (v !== 'v1' || !iv || !tag || body === undefined) return null;
    try {
      const decipher = crypto.createDecipheriv('aes-256-gcm', this.key, Buffer.from(iv, 'base64url'));
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
    } catch {
      return null;
    }
  }
}

/** A new secret (160 bits, RFC 4226's recommendation), base32 as authenticator apps take it. */
export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

function totp(secretBase32: string, issuer: string, label: string): TOTP {
  return new TOTP({ issuer, label, algorithm: 'SHA1', digits: TOTP_DIGITS, period: TOTP_PERIOD, secret: Secret.fromBase32(secretBase32) });
}

/** The `otpauth://totp/…` URI an authenticator app scans. */
export function totpUri(secretBase32: string, issuer: string, username: string): string {
  return totp(secretBase32, issuer, username).toString();
}

/** The URI as a QR code, an SVG document (no network, no canvas). */
export function totpQrSvg(uri: string): Promise<string> {
  return QRCode.toString(uri, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
}

/**
 * The time step `code` belongs to, if it is a current code of the secret (± TOTP_WINDOW
 * steps) and of a step after `lastStep` (a code is used once); else null.
 */
export function acceptTotp(secretBase32: string, code: string, lastStep: number | null | undefined, now = Date.now()): number | null {
  const digits = code.replace(/\s+/g, '');
  if (!new RegExp(`^\\d{${TOTP_DIGITS}}$`).test(digits)) return null;
  const delta = totp(secretBase32, 'x', 'x').validate({ token: digits, timestamp: now, window: TOTP_WINDOW });
  if (delta === null) return null;
  const step = Math.floor(now / 1000 / TOTP_PERIOD) + delta;
  return lastStep != null && step <= lastStep ? null : step;
}

/** The current code (tests, and the demo). */
export function currentTotp(secretBase32: string, now = Date.now()): string {
  return totp(secretBase32, 'x', 'x').generate({ timestamp: now });
}

const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789'; // no 0/O, 1/I/L

/** Ten recovery codes like `K7QM-3XRT-9PDA` (≈ 60 bits each), and their hashes to store. */
export function newRecoveryCodes(n = RECOVERY_CODES): { codes: string[]; hashes: string[] } {
  const codes = Array.from({ length: n }, () => {
    const bytes = crypto.randomBytes(12);
    const chars = [...bytes].map((b) => CODE_ALPHABET[b % CODE_ALPHABET.length]).join('');
    return `${chars.slice(0, 4)}-${chars.slice(4, 8)}-${chars.slice(8, 12)}`;
  });
  return { codes, hashes: codes.map(hashRecoveryCode) };
}

/** The stored form of a recovery code: SHA-256 of its characters, case, spaces and hyphens ignored. */
export function hashRecoveryCode(code: string): string {
  return crypto
    .createHash('sha256')
    .update(code.toUpperCase().replace(/[\s-]+/g, ''), 'utf8')
    .digest('hex');
}
