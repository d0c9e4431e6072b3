/**
 * HTTP routes of approval documents, mounted by src/http/server.ts (one line):
 *
 *   GET /approval-documents/keys.json                 every county's public keys (stable URL; retired keys too)
 *   GET /approval-documents/keys/<keyId>.pem           one public key as PEM (OpenSSL reads it)
 *   GET /approval-documents/revocations/<county>.json  the county's newest signed revocation list
 *   GET /approval-documents/<id>/document.pdf          the printable document (Authorization: Bearer …;
 *                                                      the issuing county's staff and the applying department)
 *   GET /verify[?county=<code>]                        the self-contained offline verification page
 *
 * Declared with `route()` (src/http/routes.ts): parameters checked like GraphQL arguments, counted in the rate
 * limits (the PDF and the offline page as 5 requests), errors in the API's model
 * `{ errors: [{ message, extensions: { code, messageEn, reason, details } }] }`.
 */
import express, { type Express, type Request } from 'express';
import { GraphQLString } from 'graphql';
import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';
import type { Config } from '../../config';
import type { Actor, Context } from '../../kernel/context';
import { createContext } from '../../auth';
import { badInput, notFound } from '../../kernel/errors';
import { route, type RouteLimiter } from '../../kernel/http/routes';
import { fromGlobalId } from '../../kernel/global-id';
import { Region, RegionLevel } from '../../geography';
import { Community } from '../../geography';
import { ApprovalDocument } from '../entity/approval-document.entity';
import { keyFingerprint, SM2_CURVE, SM2_SIGNER_ID, sm2PublicKeyPem } from '../../kernel/gm';
import { keyById, publicKeys } from './signing-keys';
import { canonicalOf, ensureSigned, fieldsOf, payloadOf, typedSignature, verificationCode } from './document-signing';
import { holdsDocument } from './verification';
import { latestRevocationList, signedListOf } from './revocation-list';
import { renderApprovalPdf } from './document-pdf';
import { verifyPage, type PageData } from './verify-page';

export interface DocumentRouteDeps {
  orm: MikroORM;
  config: Config;
  logger: Logger;
  limiter: RouteLimiter;
}

const COUNTY_CODE = /^\d{6}$/;
const KEY_ID = /^\d{6}-\d{8}-[0-9a-f]{4}$/;
/** The PDF and the offline page cost more than a plain read (SM2, rendering, every county's list): charged as 5 requests. */
const HEAVY = 5;

/** A path segment that is not what the route expects: 400 BAD_PARAMETER, like a bad query parameter. */
const badSegment = (field: string, message: string, messageEn: string) => {
  const e = badInput(`参数 ${field} 无效：${message}`, `Invalid parameter ${field}: ${messageEn}`, [{ field, message, messageEn, constraint: 'format' }]);
  e.extensions.reason = 'BAD_PARAMETER';
  return e;
};

async function countyByCode(em: Context['em'], code: string): Promise<Region> {
  const county = await em.findOne(Region, { code, level: RegionLevel.COUNTY });
  if (!county) throw notFound('该县', 'County');
  return county;
}

async function keysDocument(em: Context['em']) {
  const keys = await publicKeys(em);
  return {
    format: 'ZHUNRU-KEYS/1',
    algorithm: 'SM2',
    hash: 'SM3',
    curve: SM2_CURVE,
    signerId: SM2_SIGNER_ID,
    signatureEncoding: 'r‖s, 64 bytes, base64url',
    keys: keys.map((k) => ({
      keyId: k.keyId,
      county: k.county.getEntity().code,
      countyName: k.county.getEntity().name,
      publicKey: k.publicKey,
      publicKeyPem: sm2PublicKeyPem(k.publicKey),
      fingerprint: keyFingerprint(k.publicKey),
      createdAt: k.createdAt.toISOString(),
      retiredAt: k.retiredAt ? k.retiredAt.toISOString() : null,
    })),
  };
}

/** What the offline page embeds: every key, every county's newest list, and (with a county) its register. */
export async function pageData(em: Context['em'], config: Config, county: Region | null): Promise<PageData> {
  const keys = (await keysDocument(em)).keys;
  const counties = [...new Set(keys.map((k) => k.county))];
  const regions = counties.length ? await em.find(Region, { code: { $in: counties }, level: RegionLevel.COUNTY }) : [];
  const lists = [];
  for (const r of regions) lists.push(signedListOf(await latestRevocationList(em, config, r)));
  const registers: Record<string, string[]> = {};
  if (county) {
    const docs = await em.find(ApprovalDocument, { county: county.id }, { filters: false, orderBy: { id: 'asc' } });
    registers[county.code] = [];
    for (const d of docs) {
      // A document not yet signed (issued before signatures) is signed now; without a key for the county it is left out.
      const signed = await ensureSigned(em, config, d).catch(() => null);
      if (signed?.signature) registers[county.code].push(canonicalOf(signed, county));
    }
  }
  return {
    generatedAt: new Date().toISOString(),
    keys: keys.map((k) => ({
      keyId: k.keyId,
      county: k.county,
      countyName: k.countyName,
      publicKey: k.publicKey,
      fingerprint: k.fingerprint,
      retired: !!k.retiredAt,
    })),
    lists,
    registers,
  };
}

/** A readable scope for the printed document: 全县, the townships, or the communities. */
async function scopeText(em: Context['em'], doc: ApprovalDocument): Promise<string> {
  if (doc.scope === 'C') return '全县所有村（社区）';
  const codes = doc.scope.slice(2).split(',');
  if (doc.scope.startsWith('T:')) {
    const rows = await em.find(Region, { code: { $in: codes } }, { orderBy: { code: 'asc' } });
    return `${rows.map((r) => r.name).join('、')}的村（社区）`;
  }
  const rows = await em.find(Community, { code: { $in: codes } }, { orderBy: { code: 'asc' } });
  const names = rows.map((c) => c.name);
  return names.length > 40 ? `${names.slice(0, 40).join('、')}等` : names.join('、');
}

export function mountDocumentRoutes(app: Express, deps: DocumentRouteDeps): void {
  const router = express.Router();
  const kit = { limiter: deps.limiter, orm: deps.orm, log: deps.logger };
  const contextOf = (req: Request, rc: { em: EntityManager; actor: Actor | null }) =>
    createContext({ em: rc.em, actor: rc.actor, requestId: String(req.id ?? ''), log: req.log ?? deps.logger, config: deps.config });

  route(router, { method: 'get', path: '/approval-documents/keys.json', params: {}, auth: 'optional' }, kit, async (req, res, rc) => {
    const ctx = await contextOf(req, { em: rc.em, actor: null });
    res.set({ 'Cache-Control': 'no-cache', 'X-Content-Type-Options': 'nosniff' }).json(await keysDocument(ctx.em));
  });

  route(router, { method: 'get', path: '/approval-documents/keys/:file', params: {}, auth: 'optional' }, kit, async (req, res, rc) => {
    const file = String(req.params.file ?? '');
    const keyId = file.endsWith('.pem') ? file.slice(0, -4) : '';
    if (!KEY_ID.test(keyId))
      throw badSegment('keyId', '应为 县代码-年月日-4 位十六进制，如 511828-20260105-3fa2.pem', 'expected <county>-<yyyymmdd>-<4 hex>.pem');
    const ctx = await contextOf(req, { em: rc.em, actor: null });
    const key = await keyById(ctx.em, keyId);
    if (!key) throw notFound('该密钥', 'Key');
    res
      .set({ 'Content-Type': 'application/x-pem-file', 'X-Content-Type-Options': 'nosniff', 'Cache-Control': 'public, max-age=86400' })
      .send(sm2PublicKeyPem(key.publicKey));
  });

  route(router, { method: 'get', path: '/approval-documents/revocations/:file', params: {}, auth: 'optional' }, kit, async (req, res, rc) => {
    const file = String(req.params.file ?? '');
    const code = file.endsWith('.json') ? file.slice(0, -5) : '';
    if (!COUNTY_CODE.test(code)) throw badSegment('county', '应为 6 位县级区划代码，如 511828.json', 'expected a 6-digit county code, e.g. 511828.json');
    const ctx = await contextOf(req, { em: rc.em, actor: null });
    const county = await countyByCode(ctx.em, code);
    const list = await latestRevocationList(ctx.em, deps.config, county);
    res
      .set({ 'Cache-Control': 'no-cache', 'X-Content-Type-Options': 'nosniff', 'Content-Disposition': `inline; filename="revocations-${code}.json"` })
      .json({ ...signedListOf(list), county: county.code, listDate: list.listDate.toISOString(), entryCount: list.entryCount });
  });

  route(router, { method: 'get', path: '/approval-documents/:id/document.pdf', params: {}, auth: 'required', cost: HEAVY }, kit, async (req, res, rc) => {
    let id: number;
    try {
      id = fromGlobalId(String(req.params.id ?? ''), 'ApprovalDocument', 'id').id;
    } catch {
      throw badSegment('id', '不是批准文书的全局 ID', 'not an ApprovalDocument global ID');
    }
    const ctx = await contextOf(req, rc);
    // Readable first (the jurisdiction filter), then held: only the issuing county's staff and the applying department.
    const doc = await ctx.em.findOne(ApprovalDocument, id);
    if (!doc || !(await holdsDocument(ctx, doc))) throw notFound('该批准文书', 'Approval document');
    await ensureSigned(ctx.em, deps.config, doc);
    const county = await ctx.em.findOneOrFail(Region, doc.county.id);
    const key = await keyById(ctx.em, doc.keyId!);
    const origin = `${req.protocol}://${req.get('host') ?? '127.0.0.1'}`;
    const pdf = await renderApprovalPdf({
      fields: fieldsOf(doc, county),
      payload: payloadOf(doc, county)!,
      verificationCode: verificationCode(doc)!,
      typedSignature: typedSignature(doc)!,
      scopeText: await scopeText(ctx.em, doc),
      communityCount: doc.communityIds.length,
      provisional: !!doc.provisionalUntil,
      verifyUrl: `${origin}/verify?county=${county.code}`,
      keyFingerprint: key ? keyFingerprint(key.publicKey) : '',
    });
    res.set({
      'Content-Type': 'application/pdf',
      'Content-Disposition': `inline; filename="approval-document-${doc.id}.pdf"; filename*=UTF-8''${encodeURIComponent(`${doc.number}.pdf`)}`,
      'Cache-Control': 'private, no-store',
      'X-Content-Type-Options': 'nosniff',
    });
    res.send(pdf);
  });

  const verifyParams = { county: { type: GraphQLString, pattern: COUNTY_CODE, maxLength: 6, label: '县级区划代码（6 位）' } };
  route(router, { method: 'get', path: '/verify', params: verifyParams, auth: 'optional', cost: HEAVY }, kit, async (req, res, rc) => {
    const ctx = await contextOf(req, { em: rc.em, actor: null });
    const code = rc.params.county as string | undefined;
    const county = code ? await countyByCode(ctx.em, code) : null;
    const { html, csp } = verifyPage(await pageData(ctx.em, deps.config, county));
    res.set({
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Security-Policy': csp,
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      'Cache-Control': 'no-cache',
      ...(county ? { 'Content-Disposition': `inline; filename="verify-${county.code}.html"` } : {}),
    });
    res.send(html);
  });

  app.use(router);
}
