import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Config } from '../../config';
import { AppError } from '../../kernel/errors';
import { Region } from '../../geography';
import { DocumentSigningKey } from '../entity/signing-key.entity';
import { generateSm2KeyPair, sm2KeyPairFromPem, type Sm2KeyPair } from '../../kernel/gm';

/**
 * Key management for approval documents: one current SM2 key per county, with key ids
 * (`<county code>-<yyyymmdd>-<4 hex>`). Public keys are rows of `document_signing_key`
 * (every process verifies from them); private keys are PKCS#8 PEM files
 * `DOCUMENT_KEYS_DIR/<keyId>.pem` (mode 0600), readable by the OpenSSL command line.
 *
 *  - Development and tests (`DOCUMENT_KEYS_CREATE` on): a county's key is made on first use.
 *  - Production (off by default): keys are provisioned — `npm run document:keys -- create
 *    --county 511828`, or `import --file key.pem` of a key made elsewhere (OpenSSL, a
 *    vendor's tool) — and the folder is mounted into the api and workers containers.
 *  - Rotation (`npm run document:keys -- rotate`, or the `rotateDocumentSigningKey`
 *    mutation) makes a new current key and retires the old one; a retired key keeps
 *    verifying the documents it signed, so nothing printed becomes invalid.
 */

export const keyFile = (config: Config, keyId: string) => path.join(config.documentKeysDir, `${keyId.replace(/[^\w.-]/g, '_')}.pem`);

const privateKeys = new Map<string, Sm2KeyPair>();

/** The private key of `keyId` from the keys folder (cached per process). */
export function loadPrivateKey(config: Config, key: Pick<DocumentSigningKey, 'keyId' | 'publicKey'>): Sm2KeyPair {
  const cacheKey = `${config.documentKeysDir}\u0000${key.keyId}`;
  const known = privateKeys.get(cacheKey);
  if (known) return known;
  const file = keyFile(config, key.keyId);
  let pem: string;
  try {
    pem = fs.readFileSync(file, 'utf8');
  } catch {
    throw new AppError(
      'INTERNAL',
      `文书签名私钥 ${key.keyId} 不在密钥目录中，无法签发文书；请管理员检查 DOCUMENT_KEYS_DIR`,
      `The private key ${key.keyId} is missing from DOCUMENT_KEYS_DIR: documents cannot be signed`,
      { reason: 'SIGNING_KEY_MISSING' },
    );
  }
  const pair = sm2KeyPairFromPem(pem);
  if (pair.publicKeyHex !== key.publicKey)
    throw new AppError('INTERNAL', `私钥文件与登记的公钥 ${key.keyId} 不符`, `The private key file does not match the registered public key ${key.keyId}`, {
      reason: 'SIGNING_KEY_MISMATCH',
    });
  privateKeys.set(cacheKey, pair);
  return pair;
}

function newKeyId(county: Region, at = new Date()): string {
  return `${county.code}-${at.toISOString().slice(0, 10).replace(/-/g, '')}-${crypto.randomBytes(2).toString('hex')}`;
}

function writeKeyFile(config: Config, keyId: string, pem: string): void {
  fs.mkdirSync(config.documentKeysDir, { recursive: true, mode: 0o700 });
  fs.writeFileSync(keyFile(config, keyId), pem, { mode: 0o600, flag: 'wx' });
}

/**
 * Registers a new current key for the county (from `pem`, or a new one), retiring the
 * current one, in the caller's transaction (serialised per county by an advisory lock).
 */
export async function addCountyKey(em: EntityManager, config: Config, county: Region, pem?: string): Promise<DocumentSigningKey> {
  await em.getConnection().execute(`select pg_advisory_xact_lock(hashtext('document_signing_key'), ?)`, [county.id], 'all', em.getTransactionContext());
  const pair = pem ? sm2KeyPairFromPem(pem) : generateSm2KeyPair();
  if (await em.count(DocumentSigningKey, { publicKey: pair.publicKeyHex })) {
    throw new AppError('CONFLICT', '该公钥已登记', 'This public key is already registered');
  }
  const keyId = newKeyId(county);
  writeKeyFile(config, keyId, pair.privateKeyPem);
  const now = new Date();
  await em.nativeUpdate(DocumentSigningKey, { county: county.id, retiredAt: null }, { retiredAt: now });
  const key = em.create(DocumentSigningKey, { keyId, county, publicKey: pair.publicKeyHex, retiredAt: null });
  em.persist(key);
  await em.flush();
  privateKeys.set(`${config.documentKeysDir}\u0000${keyId}`, pair);
  return key;
}

/**
 * The county's current signing key with its private half; created on first use when
 * DOCUMENT_KEYS_CREATE is on. Call inside a transaction.
 */
export async function currentSigningKey(em: EntityManager, config: Config, countyId: number): Promise<{ key: DocumentSigningKey; pair: Sm2KeyPair }> {
  let key = await em.findOne(DocumentSigningKey, { county: countyId, retiredAt: null }, { filters: false });
  if (!key) {
    if (!config.documentKeysCreate) {
      throw new AppError(
        'INTERNAL',
        '本县尚未配置批准文书签名密钥（生产环境须由管理员以 npm run document:keys 创建或导入）',
        'No signing key for this county: provision one with `npm run document:keys` (keys are not created on first use in production)',
        {
          reason: 'SIGNING_KEY_MISSING',
        },
      );
    }
    const county = await em.findOneOrFail(Region, countyId);
    // Another process may have made one meanwhile: the advisory lock inside addCountyKey serialises, re-check under it.
    await em.getConnection().execute(`select pg_advisory_xact_lock(hashtext('document_signing_key'), ?)`, [county.id], 'all', em.getTransactionContext());
    key = await em.findOne(DocumentSigningKey, { county: countyId, retiredAt: null }, { filters: false, refresh: true });
    if (!key) key = await addCountyKey(em, config, county);
  }
  return { key, pair: loadPrivateKey(config, key) };
}

/** Public keys, by key id (every key ever registered: old documents keep verifying). */
export async function publicKeys(em: EntityManager, countyIds?: number[]): Promise<DocumentSigningKey[]> {
  return em.find(DocumentSigningKey, countyIds ? { county: { $in: countyIds } } : {}, {
    filters: false,
    orderBy: { county: 'asc', createdAt: 'asc', id: 'asc' },
    populate: ['county'],
  });
}

export async function keyById(em: EntityManager, keyId: string): Promise<DocumentSigningKey | null> {
  return em.findOne(DocumentSigningKey, { keyId }, { filters: false, populate: ['county'] });
}
