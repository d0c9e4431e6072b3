import crypto from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Config } from '../../config';
import { Role } from '../../kernel/roles';
import type { Context } from '../../kernel/context';
import { chinaDate } from '../../kernel/dates';
import { Region } from '../../geography';
import { Community } from '../../geography';
import { AdmissionApplication } from '../entity/application.entity';
import { ApprovalDocument } from '../entity/approval-document.entity';
import { ApplicationStatus } from '../enums';
import { sm2Verify } from '../../kernel/gm';
import { keyById } from './signing-keys';
import { canonicalOf, ensureSigned, signatureBytes, verificationCode } from './document-signing';
import { base32Decode, decideVerdict, parsePayload, verdictMessages, type DocumentState, type VerdictCode, type VerdictFacts } from './verification-core';

/**
 * Online verification of an approval document — by number and community with the printed
 * code or signature, or by the QR payload. Every path gathers the facts and hands them
 * to the one verdict function (`decideVerdict` in verification-core.ts), which the offline
 * page and the CLI run too.
 */

export interface VerifyRequest {
  number?: string | null;
  communityCode: string;
  /** The 16-character verification code (核验码) as typed. */
  code?: string | null;
  /** The signature as typed (103 Crockford base-32 characters) or pasted. */
  signature?: string | null;
  /** The compact QR payload (ZR1.…). */
  payload?: string | null;
}

export interface VerifyOutcome {
  result: VerdictCode;
  valid: boolean;
  message: string;
  messageEn: string;
  document: ApprovalDocument | null;
  community: Community | null;
  /** Whether the typed code matched (null: none typed). */
  codeMatches: boolean | null;
  /** Whether the signature checked (typed, in the payload, or the stored one); null when none could be checked. */
  signatureValid: boolean | null;
  checkedAt: Date;
}

/** The item's state for the verdict, from the application. */
export function documentState(doc: Pick<ApprovalDocument, 'revokedAt'>, app: Pick<AdmissionApplication, 'status'>): DocumentState {
  if (doc.revokedAt || app.status === ApplicationStatus.REVOKED) return 'REVOKED';
  if (app.status === ApplicationStatus.COMPLETED) return 'COMPLETED';
  if (app.status === ApplicationStatus.EMERGENCY_IN_EFFECT) return 'PROVISIONAL';
  if (app.status === ApplicationStatus.APPROVED || app.status === ApplicationStatus.IN_EFFECT) return 'IN_EFFECT';
  return 'NOT_IN_EFFECT';
}

const normalCode = (s: string) =>
  s
    .toUpperCase()
    .replace(/[\s\-_.]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');

/** Verified (text, signature, key) triples: a verification costs ~18 ms of CPU; the stored record's is asked for on every check. */
const intactCache = new Map<string, boolean>();
function intact(canonical: string, signature: string, publicKey: string, bytes: Uint8Array): boolean {
  const key = `${publicKey}|${signature}|${canonical}`;
  let ok = intactCache.get(key);
  if (ok === undefined) {
    ok = sm2Verify(canonical, bytes, publicKey);
    if (intactCache.size >= 10_000) intactCache.delete(intactCache.keys().next().value!);
    intactCache.set(key, ok);
  }
  return ok;
}

function sameText(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && crypto.timingSafeEqual(x, y);
}

export async function verifyApproval(ctx: { em: EntityManager; config: Config }, req: VerifyRequest, now = new Date()): Promise<VerifyOutcome> {
  const em = ctx.em;
  const today = chinaDate(now);
  const communityCode = (req.communityCode ?? '').trim().slice(0, 12);
  const parsed = req.payload != null ? parsePayload(req.payload.slice(0, 8000)) : null;
  const number = (parsed ? parsed.fields.number : (req.number ?? '')).trim().slice(0, 100);
  // Anyone holding a printed document may check it, whoever's jurisdiction it is in: the
  // answer is the document's public face, read past the filter. Communities are public.
  const [found, community] = await Promise.all([
    req.payload != null && !parsed ? Promise.resolve(null) : em.findOne(ApprovalDocument, { number }, { filters: false }),
    /^\d{12}$/.test(communityCode) ? em.findOne(Community, { code: communityCode }) : Promise.resolve(null),
  ]);
  const base = {
    communityKnown: !!community,
    inScope: false,
    state: 'NOT_IN_EFFECT' as DocumentState,
    validFrom: today,
    validUntil: null,
    provisionalUntil: null,
    today,
    now: now.toISOString(),
  };
  let codeMatches: boolean | null = null;
  let signatureValid: boolean | null = null;
  const finish = (facts: VerdictFacts, document: ApprovalDocument | null): VerifyOutcome => {
    const result = decideVerdict(facts);
    const [message, messageEn] = verdictMessages()[result];
    return { result, valid: result === 'VALID', message, messageEn, document, community, codeMatches, signatureValid, checkedAt: now };
  };
  if (req.payload != null && !parsed) return finish({ ...base, found: false, notFound: 'MALFORMED_PAYLOAD', authentic: null }, null);
  if (!found) {
    if (req.code != null) codeMatches = false;
    return finish({ ...base, found: false, authentic: null }, null);
  }
  const doc = await ensureSigned(em, ctx.config, found);
  const [county, app] = await Promise.all([
    em.findOneOrFail(Region, doc.county.id),
    em.findOneOrFail(AdmissionApplication, doc.application.id, { filters: false }),
  ]);
  const key = doc.keyId ? await keyById(em, doc.keyId) : null;
  const canonical = canonicalOf(doc, county);
  const stored = signatureBytes(doc);
  // The record itself: its stored signature must verify over what it says now (remembered per text and signature).
  const recordIntact = !!key && !!stored && intact(canonical, doc.signature!, key.publicKey, stored);

  let authentic: boolean | null = null;
  let failure: VerdictCode | null = null;
  if (parsed) {
    const payloadKey = parsed.fields.keyId === doc.keyId ? key : await keyById(em, parsed.fields.keyId);
    if (!payloadKey || payloadKey.county.id !== county.id || parsed.fields.county !== county.code) {
      authentic = false;
      failure = 'UNKNOWN_KEY';
    } else if (!sm2Verify(parsed.canonical, parsed.signature, payloadKey.publicKey)) {
      authentic = false;
      failure = 'SIGNATURE_INVALID';
    } else if (parsed.canonical !== canonical || !recordIntact) {
      authentic = false;
      failure = 'RECORD_MISMATCH';
    } else {
      authentic = true;
    }
    signatureValid = failure === 'SIGNATURE_INVALID' || failure === 'UNKNOWN_KEY' ? false : true;
  } else if (req.signature != null) {
    const typed = base32Decode(req.signature.slice(0, 300), 64);
    signatureValid = !!typed && !!key && recordIntact && sm2Verify(canonical, typed, key.publicKey);
    authentic = signatureValid;
    failure = signatureValid ? null : 'SIGNATURE_INVALID';
  } else if (req.code != null) {
    const expected = verificationCode(doc);
    codeMatches = !!expected && sameText(normalCode(expected), normalCode(req.code.slice(0, 64)));
    authentic = codeMatches && recordIntact;
    failure = !codeMatches ? 'CODE_MISMATCH' : recordIntact ? null : 'SIGNATURE_INVALID';
    signatureValid = recordIntact;
  } else if (!recordIntact) {
    authentic = false;
    failure = 'SIGNATURE_INVALID';
    signatureValid = false;
  }
  return finish(
    {
      found: true,
      authentic,
      failure,
      communityKnown: !!community,
      inScope: !!community && doc.communityIds.includes(community.id),
      state: documentState(doc, app),
      validFrom: doc.validFrom,
      validUntil: doc.validUntil ?? null,
      provisionalUntil: app.approvalDeadline ? app.approvalDeadline.toISOString() : doc.provisionalUntil ? new Date(doc.provisionalUntil).toISOString() : null,
      today,
      now: now.toISOString(),
    },
    doc,
  );
}

/**
 * Whether the actor holds the document — the issuing county's reviewers, committee
 * secretaries and inspectors, the applying department, administrators — and so may see
 * its verification code, signature, payload and PDF. Everyone else learns the verdict only.
 */
export async function holdsDocument(ctx: Pick<Context, 'scope' | 'em'>, doc: ApprovalDocument): Promise<boolean> {
  const s = ctx.scope;
  if (s.role === Role.ADMIN) return true;
  if (s.role === Role.REVIEWER || s.role === Role.COMMITTEE_SECRETARY || s.role === Role.INSPECTOR) return s.regionId === doc.county.id;
  if (s.role === Role.DEPARTMENT_USER && s.departmentId) {
    const app = await ctx.em.findOne(AdmissionApplication, doc.application.id, { filters: false, fields: ['id', 'department'] });
    return !!app && app.department.id === s.departmentId;
  }
  return false;
}
