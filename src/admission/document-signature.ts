import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import type { Config } from '../config';
import type { ApprovalDocument } from './approval-document.entity';

/**
 * The verification code (核验码) printed on an approval document: HMAC-SHA256, keyed with
 * DOCUMENT_SIGNING_SECRET, over what the printed document says —
 *
 *   number | county code | valid from | valid until ('' when open-ended) | SHA-256 of the sorted community ids
 *
 * — cut to 80 bits and written as 16 Crockford base-32 characters in groups of four
 * (`7KQ2-M9XD-4TRB-0HZC`). The code is computed, not stored: it always matches the
 * document as the database holds it now, so a printed code that no longer matches shows
 * that the printout, or the database row, was altered. Crockford's alphabet has no I, L,
 * O or U; reading them back, O counts as 0 and I or L as 1, case and separators are
 * ignored.
 */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const CODE_LENGTH = 16;

const keys = new WeakMap<Config, Buffer>();

/**
 * The signing key: DOCUMENT_SIGNING_SECRET; unset, derived from JWT_SECRET when that is
 * configured (HKDF, so the two keys stay independent — but rotating JWT_SECRET then
 * changes every code); otherwise made once and kept under DATA_DIR, like the
 * development JWT secret.
 */
export function documentSigningKey(config: Config): Buffer {
  const known = keys.get(config);
  if (known) return known;
  let key: Buffer;
  if (config.documentSigningSecret) {
    key = Buffer.from(config.documentSigningSecret, 'utf8');
  } else if (config.jwtSecret) {
    key = Buffer.from(crypto.hkdfSync('sha256', config.jwtSecret, 'zhunru', 'approval document verification code', 32));
  } else {
    const file = path.join(config.dataDir, 'document-signing-secret');
    let secret: string;
    if (fs.existsSync(file)) {
      secret = fs.readFileSync(file, 'utf8').trim();
    } else {
      fs.mkdirSync(config.dataDir, { recursive: true });
      secret = crypto.randomBytes(48).toString('base64url');
      try {
        fs.writeFileSync(file, secret, { mode: 0o600, flag: 'wx' });
      } catch {
        secret = fs.readFileSync(file, 'utf8').trim(); // another process made it first
      }
    }
    key = Buffer.from(secret, 'utf8');
  }
  keys.set(config, key);
  return key;
}

/** The text the code signs. */
export function signedText(doc: Pick<ApprovalDocument, 'number' | 'validFrom' | 'validUntil' | 'communityIds'>, countyCode: string): string {
  const communities = [...doc.communityIds].map(Number).sort((a, b) => a - b).join(',');
  const communitiesHash = crypto.createHash('sha256').update(communities, 'utf8').digest('hex');
  return [doc.number, countyCode, doc.validFrom, doc.validUntil ?? '', communitiesHash].join('|');
}

function base32(bytes: Buffer, chars: number): string {
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5 && out.length < chars) {
      out += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
    value &= (1 << bits) - 1;
    if (out.length >= chars) break;
  }
  return out;
}

/** The code as printed: 16 characters in groups of four. */
export function verificationCode(key: Buffer, doc: Pick<ApprovalDocument, 'number' | 'validFrom' | 'validUntil' | 'communityIds'>, countyCode: string): string {
  const mac = crypto.createHmac('sha256', key).update(signedText(doc, countyCode), 'utf8').digest();
  return base32(mac, CODE_LENGTH).match(/.{4}/g)!.join('-');
}

/** A code as typed in: upper case, separators dropped, O → 0, I/L → 1; null when it cannot be a code. */
export function normalizeCode(input: string): string | null {
  const s = input
    .toUpperCase()
    .replace(/[\s\-_.]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
  if (s.length !== CODE_LENGTH || [...s].some((c) => !ALPHABET.includes(c))) return null;
  return s;
}

/** Whether `given` is this document's code (constant-time comparison). */
export function codeMatches(key: Buffer, doc: Pick<ApprovalDocument, 'number' | 'validFrom' | 'validUntil' | 'communityIds'>, countyCode: string, given: string): boolean {
  const normal = normalizeCode(given);
  if (!normal) return false;
  const expected = verificationCode(key, doc, countyCode).replace(/-/g, '');
  return crypto.timingSafeEqual(Buffer.from(expected), Buffer.from(normal));
}
