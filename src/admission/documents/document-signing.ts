import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Config } from '../../config';
import { Region } from '../../geography';
import { Community } from '../../geography';
import { Department } from '../../organisation';
import { chinaDate } from '../../kernel/dates';
import { AdmissionApplication } from '../entity/application.entity';
import { ApprovalDocument } from '../entity/approval-document.entity';
import { ScopeType } from '../enums';
import { sm2Sign, sm3Hex } from '../../kernel/gm';
import { currentSigningKey } from './signing-keys';
import {
  b64uDecode,
  b64uEncode,
  base32Encode,
  buildCanonical,
  encodePayload,
  groupsOfFour,
  verificationCodeOf,
  type DocumentFields,
} from './verification-core';

/**
 * Issuing and signing approval documents (SM2 over SM3, src/admission/gm.ts). What a
 * document certifies is fixed when it is issued (title, department, scope, validity,
 * provisional deadline, issue time) and kept on the document; the signed text is built
 * from those columns alone (verification-core.ts `buildCanonical`), so it can be rebuilt
 * at any time and any change to the stored row breaks the signature.
 */

const oneLine = (s: string | null | undefined) => (s ?? '').replace(/[\r\n]+/g, ' ').trim();

/** What the document will certify, from the application (called when it is issued). */
export async function snapshotFor(
  em: EntityManager,
  app: AdmissionApplication,
): Promise<Pick<ApprovalDocument, 'title' | 'departmentName' | 'departmentCode' | 'scope' | 'scopeHash' | 'provisionalUntil'>> {
  const [department, communities] = await Promise.all([
    em.findOneOrFail(Department, app.department.id, { filters: false }),
    app.communityIds.length ? em.find(Community, { id: { $in: app.communityIds } }, { fields: ['id', 'code'], filters: false }) : Promise.resolve([]),
  ]);
  const codes = communities.map((c) => c.code).sort();
  let scope = 'C';
  if (app.scopeType === ScopeType.TOWNSHIPS) {
    const townships = await em.find(Region, { id: { $in: app.scopeTownshipIds } }, { fields: ['id', 'code'] });
    scope = `T:${townships
      .map((t) => t.code)
      .sort()
      .join(',')}`;
  } else if (app.scopeType === ScopeType.COMMUNITIES) {
    scope = `V:${codes.join(',')}`;
  }
  return {
    title: oneLine(app.title),
    departmentName: oneLine(department.name),
    departmentCode: department.uscc ?? null,
    scope,
    scopeHash: sm3Hex(codes.join(',')),
    provisionalUntil: app.status === 'EMERGENCY_IN_EFFECT' || app.emergency ? (app.approvalDeadline ?? null) : null,
  };
}

/** The fields of the signed text of `doc` (county given, as the document belongs to it). */
export function fieldsOf(doc: ApprovalDocument, county: Pick<Region, 'code' | 'name'>): DocumentFields {
  return {
    number: doc.number,
    county: county.code,
    countyName: county.name,
    department: doc.departmentName,
    departmentCode: doc.departmentCode ?? '',
    title: doc.title,
    scope: doc.scope,
    scopeHash: doc.scopeHash,
    validFrom: doc.validFrom,
    validUntil: doc.validUntil ?? '',
    provisionalUntil: doc.provisionalUntil ? new Date(doc.provisionalUntil).toISOString() : '',
    issuedAt: new Date(doc.issuedAt).toISOString(),
    keyId: doc.keyId ?? '',
  };
}

export const canonicalOf = (doc: ApprovalDocument, county: Pick<Region, 'code' | 'name'>) => buildCanonical(fieldsOf(doc, county));

/** Signs `doc` with its county's current key (sets keyId and signature). Inside a transaction. */
export async function signDocument(em: EntityManager, config: Config, doc: ApprovalDocument): Promise<void> {
  const county = await em.findOneOrFail(Region, doc.county.id);
  const { key, pair } = await currentSigningKey(em, config, county.id);
  doc.keyId = key.keyId;
  doc.signature = b64uEncode(sm2Sign(canonicalOf(doc, county), pair));
}

/**
 * Documents issued before signatures existed are signed on first use (their issue time
 * and content unchanged). Two processes doing it at once: the first write wins.
 */
export async function ensureSigned(em: EntityManager, config: Config, doc: ApprovalDocument): Promise<ApprovalDocument> {
  if (doc.signature && doc.keyId) return doc;
  await em.transactional(async (tx) => {
    const row = await tx.findOneOrFail(ApprovalDocument, doc.id, { filters: false, refresh: true, lockMode: LockMode.PESSIMISTIC_WRITE });
    if (!row.signature) {
      if (!row.title || !row.departmentName || !row.scopeHash) {
        const app = await tx.findOneOrFail(AdmissionApplication, row.application.id, { filters: false });
        Object.assign(row, await snapshotFor(tx, app));
        if (!app.emergency) row.provisionalUntil = null;
      }
      await signDocument(tx, config, row);
    }
    await tx.flush();
    Object.assign(doc, {
      title: row.title,
      departmentName: row.departmentName,
      departmentCode: row.departmentCode,
      scope: row.scope,
      scopeHash: row.scopeHash,
      provisionalUntil: row.provisionalUntil,
      keyId: row.keyId,
      signature: row.signature,
    });
  });
  return doc;
}

export const signatureBytes = (doc: Pick<ApprovalDocument, 'signature'>): Uint8Array | null => (doc.signature ? b64uDecode(doc.signature) : null);

/** The 16-character verification code (核验码) printed on the document, for typing online. */
export function verificationCode(doc: Pick<ApprovalDocument, 'signature'>): string | null {
  const sig = signatureBytes(doc);
  return sig ? verificationCodeOf(sig, (b) => sm3Hex(b)) : null;
}

/** The signature as printed for typing (103 Crockford base-32 characters in groups of four). */
export function typedSignature(doc: Pick<ApprovalDocument, 'signature'>): string | null {
  const sig = signatureBytes(doc);
  return sig ? groupsOfFour(base32Encode(sig)) : null;
}

/** The compact payload the QR code carries. */
export function payloadOf(doc: ApprovalDocument, county: Pick<Region, 'code' | 'name'>): string | null {
  const sig = signatureBytes(doc);
  return sig ? encodePayload(canonicalOf(doc, county), sig) : null;
}

/** Today's validity window of a new document: from the later of its period start and today, until its period end. */
export function validityFor(app: Pick<AdmissionApplication, 'periodStart' | 'periodEnd'>, now = new Date()): { validFrom: string; validUntil: string | null } {
  const today = chinaDate(now);
  return { validFrom: app.periodStart > today ? app.periodStart : today, validUntil: app.periodEnd ?? null };
}
