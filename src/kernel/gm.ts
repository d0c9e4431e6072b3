import crypto from 'node:crypto';
import { sm2, sm3 } from 'sm-crypto';
import { BigInteger } from 'jsbn';

/**
 * The national algorithms (国密) the approval documents use:
 *
 *  - SM3 (GM/T 0004-2012, GB/T 32905-2016) for hashes;
 *  - SM2 signatures (GM/T 0003-2012, GB/T 32918-2016) on the curve sm2p256v1, over
 *    e = SM3(Z_A ‖ M) with Z_A = SM3(ENTL ‖ ID ‖ a ‖ b ‖ x_G ‖ y_G ‖ x_A ‖ y_A) and the
 *    standard default signer ID `1234567812345678` (GM/T 0009-2012). Node's own
 *    `crypto.sign('sm3', …)` uses an empty ID and does not interoperate with Chinese vendors'
 *    tools; `sm-crypto` computes Z_A with the default ID, like OpenSSL 3's
 *    `-sigopt distid:1234567812345678` (proved in test/approval-crypto.test.ts, both ways).
 *
 * Signatures are kept as 64 raw bytes (r ‖ s, 32 bytes each); DER (as OpenSSL writes them)
 * converts both ways. Key pairs come from OpenSSL through Node (`generateKeyPairSync('ec',
 * { namedCurve: 'SM2' })`), stored as PKCS#8 PEM that the OpenSSL command line reads as is.
 * The per-signature random k comes from Node's CSPRNG, not from sm-crypto's RC4-based
 * generator (a biased k leaks the private key over many signatures).
 */
export const SM2_SIGNER_ID = '1234567812345678';
export const SM2_CURVE = 'sm2p256v1';
/** Order n of the SM2 curve's base point. */
const SM2_N = BigInt('0xFFFFFFFEFFFFFFFFFFFFFFFFFFFFFFFF7203DF6B21C6052B53BBF40939D54123');

export function sm3Hex(input: string | Uint8Array): string {
  return sm3(typeof input === 'string' ? input : Array.from(input));
}

export interface Sm2KeyPair {
  /** 32-byte private scalar, hex. */
  privateKeyHex: string;
  /** Uncompressed public point 04 ‖ x ‖ y, hex (130 characters). */
  publicKeyHex: string;
  /** PKCS#8 PEM of the private key (OpenSSL reads it: `openssl pkey -in key.pem`). */
  privateKeyPem: string;
  /** SubjectPublicKeyInfo PEM of the public key. */
  publicKeyPem: string;
}

/** A new SM2 key pair from OpenSSL's generator. */
export function generateSm2KeyPair(): Sm2KeyPair {
  const { privateKey } = crypto.generateKeyPairSync('ec', { namedCurve: 'SM2' });
  return sm2KeyPairFromPem(privateKey.export({ type: 'pkcs8', format: 'pem' }) as string);
}

const SM2_OID = Buffer.from('06082a811ccf5501822d', 'hex');
const pem = (label: string, der: Buffer) =>
  `-----BEGIN ${label}-----\n${der
    .toString('base64')
    .match(/.{1,64}/g)!
    .join('\n')}\n-----END ${label}-----\n`;

/**
 * Reads an SM2 private key (PKCS#8 or SEC1 PEM, as OpenSSL writes them). Parsed here rather
 * than exported through Node: Node 20 asserts when exporting an imported SM2 key.
 */
export function sm2KeyPairFromPem(text: string): Sm2KeyPair {
  const m = /-----BEGIN (PRIVATE KEY|EC PRIVATE KEY)-----([\s\S]+?)-----END \1-----/.exec(text);
  if (!m) throw new Error('not a PEM private key (PKCS#8 "PRIVATE KEY" or SEC1 "EC PRIVATE KEY")');
  const der = Buffer.from(m[2].replace(/\s+/g, ''), 'base64');
  if (!der.includes(SM2_OID)) throw new Error('not an SM2 key (curve sm2p256v1, OID 1.2.156.10197.1.301)');
  // ECPrivateKey ::= SEQUENCE { version INTEGER 1, privateKey OCTET STRING (32 bytes), … }
  const at = der.indexOf(Buffer.from('0201010420', 'hex'));
  if (at < 0 || at + 5 + 32 > der.length) throw new Error('unexpected SM2 private key encoding');
  const privateKeyHex = der.subarray(at + 5, at + 37).toString('hex');
  const publicKeyHex = sm2.getPublicKeyFromPrivateKey(privateKeyHex);
  // PKCS#8 { version 0, { id-ecPublicKey, sm2p256v1 }, OCTET STRING { ECPrivateKey { 1, d, [1] public key } } }, as OpenSSL writes it
  const ecPrivateKey = Buffer.concat([
    Buffer.from('306b0201010420', 'hex'),
    Buffer.from(privateKeyHex, 'hex'),
    Buffer.from('a144034200', 'hex'),
    Buffer.from(publicKeyHex, 'hex'),
  ]);
  const pkcs8 = Buffer.concat([Buffer.from('308187020100301306072a8648ce3d020106082a811ccf5501822d046d', 'hex'), ecPrivateKey]);
  return { privateKeyHex, publicKeyHex, privateKeyPem: pem('PRIVATE KEY', pkcs8), publicKeyPem: sm2PublicKeyPem(publicKeyHex) };
}

/** SPKI PEM of an uncompressed SM2 public key (for OpenSSL and for publishing). */
export function sm2PublicKeyPem(publicKeyHex: string): string {
  // SubjectPublicKeyInfo { { id-ecPublicKey, sm2p256v1 }, BIT STRING 04 ‖ x ‖ y }
  return pem('PUBLIC KEY', Buffer.concat([Buffer.from('3059301306072a8648ce3d020106082a811ccf5501822d034200', 'hex'), Buffer.from(publicKeyHex, 'hex')]));
}

/** A random k in [1, n-1] from Node's CSPRNG, with its point k·G, for sm-crypto's signer. */
function freshPoint(): { k: unknown; x1: unknown } {
  for (;;) {
    const k = (BigInt(`0x${crypto.randomBytes(40).toString('hex')}`) % (SM2_N - 1n)) + 1n;
    const kHex = k.toString(16).padStart(64, '0');
    const point = sm2.getPublicKeyFromPrivateKey(kHex);
    if (point.length === 130) return { k: new BigInteger(kHex, 16), x1: new BigInteger(point.slice(2, 66), 16) };
  }
}

/**
 * SM2 signature (raw r ‖ s, 64 bytes) of `message` with the default signer ID. One fresh k is
 * handed over; sm-crypto would draw another only if r = 0 or r + k = n (probability ~2^-256).
 */
export function sm2Sign(message: string | Uint8Array, key: Pick<Sm2KeyPair, 'privateKeyHex' | 'publicKeyHex'>): Buffer {
  const msg = typeof message === 'string' ? message : Array.from(message);
  const hex = sm2.doSignature(msg, key.privateKeyHex, {
    hash: true,
    der: false,
    publicKey: key.publicKeyHex,
    userId: SM2_SIGNER_ID,
    pointPool: [freshPoint()],
  });
  return Buffer.from(hex, 'hex');
}

/** Whether `signature` (raw 64 bytes, or DER) is a valid SM2 signature of `message` under the public key. */
export function sm2Verify(message: string | Uint8Array, signature: Uint8Array, publicKeyHex: string): boolean {
  let raw: Buffer;
  try {
    raw = signature.length === 64 ? Buffer.from(signature) : derToRaw(Buffer.from(signature));
  } catch {
    return false;
  }
  if (raw.length !== 64 || !/^04[0-9a-f]{128}$/.test(publicKeyHex)) return false;
  const msg = typeof message === 'string' ? message : Array.from(message);
  try {
    return sm2.doVerifySignature(msg, raw.toString('hex'), publicKeyHex, { hash: true, der: false, userId: SM2_SIGNER_ID });
  } catch {
    return false;
  }
}

/** DER `SEQUENCE { INTEGER r, INTEGER s }` → raw r ‖ s. */
export function derToRaw(der: Buffer): Buffer {
  let i = 0;
  const expect = (cond: boolean) => {
    if (!cond) throw new Error('malformed DER signature');
  };
  expect(der[i++] === 0x30);
  let len = der[i++];
  if (len === 0x81) len = der[i++];
  expect(len === der.length - i);
  const int = () => {
    expect(der[i++] === 0x02);
    const n = der[i++];
    expect(n > 0 && n <= 33 && i + n <= der.length);
    let v = der.subarray(i, i + n);
    i += n;
    while (v.length > 32 && v[0] === 0) v = v.subarray(1);
    expect(v.length <= 32);
    return Buffer.concat([Buffer.alloc(32 - v.length), v]);
  };
  const r = int();
  const s = int();
  expect(i === der.length);
  return Buffer.concat([r, s]);
}

/** Raw r ‖ s → DER (as OpenSSL's `dgst -verify` expects). */
export function rawToDer(raw: Uint8Array): Buffer {
  const int = (b: Buffer) => {
    let v = b;
    while (v.length > 1 && v[0] === 0 && !(v[1] & 0x80)) v = v.subarray(1);
    if (v[0] & 0x80) v = Buffer.concat([Buffer.from([0]), v]);
    return Buffer.concat([Buffer.from([0x02, v.length]), v]);
  };
  const buf = Buffer.from(raw);
  const body = Buffer.concat([int(buf.subarray(0, 32)), int(buf.subarray(32, 64))]);
  return Buffer.concat([Buffer.from([0x30, body.length]), body]);
}

/** Short fingerprint of a public key (first 16 bytes of its SM3, hex in groups of four) to read out over the phone. */
export function keyFingerprint(publicKeyHex: string): string {
  return sm3Hex(Buffer.from(publicKeyHex, 'hex')).slice(0, 32).toUpperCase().match(/.{4}/g)!.join(' ');
}
