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
 * Bad parameters answer HTTP 400 with the API's error model: `{ error: { code, message, messageEn, details } }`.
 */
import express, { type Express, type Request, type Response } from 'express';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';
import type { Config } from '../../config';
import type { AuthService } from '../../auth';
import type { Context } from '../../kernel/context';
import { createContext } from '../../auth';
import { AppError, badInput, notFound } from '../../kernel/errors';
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
  auth: AuthService;
  config: Config;
  logger: Logger;
}

const HTTP_STATUS: Record<string, number> = { UNAUTHENTICATED: 401, FORBIDDEN: 403, BAD_USER_INPUT: 400, NOT_FOUND: 404, CONFLICT: 409 };
const COUNTY_CODE = /^\d{6}$/;
const KEY_ID = /^\d{6}-\d{8}-[0-9a-f]{4}$/;

function sendError(res: Response, err: unknown, logger: Logger): void {
  if (err instanceof AppError && err.code !== 'INTERNAL') {
    const status = HTTP_STATUS[err.code] ?? 500;
    if (status === 401) res.set('WWW-Authenticate', 'Bearer');
    res.status(status).json({ error: { code: err.code, message: err.message, messageEn: err.extensions.messageEn, ...(err.extensions.details ? { details: err.extensions.details } : {}) } });
    return;
  }
  logger.error({ err }, 'approval document route failed');
  res.status(500).json({ error: { code: 'INTERNAL', message: '服务器内部错误', messageEn: 'Internal error' } });
}

const bad = (field: string, message: string, messageEn: string) => badInput(`参数 ${field} 无效：${message}`, `Invalid parameter ${field}: ${messageEn}`, [{ field, message, messageEn }]);

/** Query parameters: only the named ones, each at most once, as plain strings. */
function params(req: Request, allowed: string[]): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {};
  for (const [k, v] of Object.entries(req.query)) {
    if (!allowed.includes(k)) throw bad(k, '不支持的参数', 'unknown parameter');
    if (typeof v !== 'string') throw bad(k, '只能给出一次', 'give it once');
    out[k] = v;
  }
  return out;
}

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
    keys: keys.map((k) => ({ keyId: k.keyId, county: k.county, countyName: k.countyName, publicKey: k.publicKey, fingerprint: k.fingerprint, retired: !!k.retiredAt })),
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
  const publicContext = (req: Request) => createContext({ em: deps.orm.em.fork(), actor: null, requestId: String(req.id ?? ''), log: req.log ?? deps.logger, config: deps.config });
  const handle = (fn: (req: Request, res: Response) => Promise<void>) => async (req: Request, res: Response) => {
    try {
      await fn(req, res);
    } catch (err) {
      sendError(res, err, deps.logger);
    }
  };

  router.get(
    '/approval-documents/keys.json',
    handle(async (req, res) => {
      params(req, []);
      const ctx = await publicContext(req);
      res.set({ 'Cache-Control': 'no-cache', 'X-Content-Type-Options': 'nosniff' }).json(await keysDocument(ctx.em));
    }),
  );

  router.get(
    '/approval-documents/keys/:file',
    handle(async (req, res) => {
      params(req, []);
      const file = String(req.params.file ?? '');
      const keyId = file.endsWith('.pem') ? file.slice(0, -4) : '';
      if (!KEY_ID.test(keyId)) throw bad('keyId', '应为 县代码-年月日-4 位十六进制，如 511828-20260105-3fa2.pem', 'expected <county>-<yyyymmdd>-<4 hex>.pem');
      const ctx = await publicContext(req);
      const key = await keyById(ctx.em, keyId);
      if (!key) throw notFound('该密钥', 'Key');
      res.set({ 'Content-Type': 'application/x-pem-file', 'X-Content-Type-Options': 'nosniff', 'Cache-Control': 'public, max-age=86400' }).send(sm2PublicKeyPem(key.publicKey));
    }),
  );

  router.get(
    '/approval-documents/revocations/:file',
    handle(async (req, res) => {
      params(req, []);
      const file = String(req.params.file ?? '');
      const code = file.endsWith('.json') ? file.slice(0, -5) : '';
      if (!COUNTY_CODE.test(code)) throw bad('county', '应为 6 位县级区划代码，如 511828.json', 'expected a 6-digit county code, e.g. 511828.json');
      const ctx = await publicContext(req);
      const county = await countyByCode(ctx.em, code);
      const list = await latestRevocationList(ctx.em, deps.config, county);
      res
        .set({ 'Cache-Control': 'no-cache', 'X-Content-Type-Options': 'nosniff', 'Content-Disposition': `inline; filename="revocations-${code}.json"` })
        .json({ ...signedListOf(list), county: county.code, listDate: list.listDate.toISOString(), entryCount: list.entryCount });
    }),
  );

  router.get(
    '/approval-documents/:id/document.pdf',
    handle(async (req, res) => {
      params(req, []);
      let id: number;
      try {
        id = fromGlobalId(String(req.params.id ?? ''), 'ApprovalDocument', 'id').id;
      } catch {
        throw bad('id', '不是批准文书的全局 ID', 'not an ApprovalDocument global ID');
      }
      const em = deps.orm.em.fork();
      const actor = await deps.auth.authenticate(em, req.headers.authorization);
      if (!actor) throw new AppError('UNAUTHENTICATED', '请先登录（Authorization: Bearer <令牌>）', 'Sign in first (Authorization: Bearer <token>)');
      const ctx = await createContext({ em, actor, requestId: String(req.id ?? ''), log: req.log ?? deps.logger, config: deps.config });
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
    }),
  );

  router.get(
    '/verify',
    handle(async (req, res) => {
      const q = params(req, ['county']);
      if (q.county !== undefined && !COUNTY_CODE.test(q.county)) throw bad('county', '应为 6 位县级区划代码', 'expected a 6-digit county code');
      const ctx = await publicContext(req);
      const county = q.county ? await countyByCode(ctx.em, q.county) : null;
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
    }),
  );

  app.use(router);
}
