import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { PNG } from 'pngjs';
import jsQR from 'jsqr';
import { Client } from 'pg';
import { startTestApi, type TestApi } from './support/api';
import { client } from './support/client';
import { createTestCounty, TEST_PASSWORD, type TestCounty } from './support/county';
import { chinaDate } from '../src/kernel/dates';
import { generateSm2KeyPair, rawToDer, derToRaw, sm2KeyPairFromPem, sm2PublicKeyPem, sm2Sign, sm2Verify, sm3Hex } from '../src/kernel/gm';
import {
  b64uDecode,
  b64uEncode,
  buildCanonical,
  decideVerdict,
  encodePayload,
  offlineVerdict,
  parsePayload,
  verifiedLists,
  type VerdictFacts,
} from '../src/admission/documents/verification-core';
import { verifyApproval } from '../src/admission/documents/verification';
import { payloadFromPdf } from '../src/admission/documents/document-pdf';
import { refreshRevocationLists } from '../src/admission/documents/revocation-list';

/**
 * Issue 11: approval documents that cannot be forged — SM2 signatures (interoperable with
 * OpenSSL), one verdict for every way of verifying, secrets only for holders, the PDF with a
 * QR code that decodes back to a verifying payload, signed revocation lists, key rotation,
 * the period rule and the HTTP routes' errors.
 */

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'zr-docs-'));
const openssl = (args: string[], input?: string) => spawnSync('openssl', args, { cwd: tmp, input, encoding: 'utf8' });
const hasOpenssl = openssl(['version']).status === 0;

describe('SM2 / SM3 (GM/T 0003, 0004) against OpenSSL, an independent implementation', () => {
  const message = 'ZHUNRU-APPROVAL/1\nnumber:青社工准〔2026〕12号\ntitle:城乡低保年度复核入户调查';

  it('SM3 matches the standard test vector and OpenSSL', () => {
    expect(sm3Hex('abc')).toBe('66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0'); // GB/T 32905 appendix A
    if (!hasOpenssl) return;
    const out = openssl(['dgst', '-sm3', '-hex'], message);
    expect(out.stdout.trim().split('= ')[1]).toBe(sm3Hex(message));
  });

  (hasOpenssl ? it : it.skip)(
    'our signature verifies in OpenSSL with distid 1234567812345678, and OpenSSL\u2019s verifies here — both ways, several keys',
    () => {
      for (let i = 0; i < 3; i++) {
        const k = generateSm2KeyPair();
        fs.writeFileSync(path.join(tmp, 'k.pem'), k.privateKeyPem);
        fs.writeFileSync(path.join(tmp, 'pub.pem'), k.publicKeyPem);
        fs.writeFileSync(path.join(tmp, 'm.txt'), message);
        // ours → OpenSSL
        fs.writeFileSync(path.join(tmp, 's.der'), rawToDer(sm2Sign(message, k)));
        const v = openssl(['dgst', '-sm3', '-verify', 'pub.pem', '-sigopt', 'distid:1234567812345678', '-signature', 's.der', 'm.txt']);
        expect(v.stdout.trim()).toBe('Verified OK');
        // …and with an empty ID (what Node's crypto would use) OpenSSL refuses it: the ID is really in Z_A.
        const wrongId = openssl(['dgst', '-sm3', '-verify', 'pub.pem', '-sigopt', 'distid:', '-signature', 's.der', 'm.txt']);
        expect(wrongId.stdout.trim()).not.toBe('Verified OK');
        // OpenSSL → ours
        expect(openssl(['dgst', '-sm3', '-sign', 'k.pem', '-sigopt', 'distid:1234567812345678', '-out', 's2.der', 'm.txt']).status).toBe(0);
        const theirs = fs.readFileSync(path.join(tmp, 's2.der'));
        expect(sm2Verify(message, theirs, k.publicKeyHex)).toBe(true);
        expect(sm2Verify(message, derToRaw(theirs), k.publicKeyHex)).toBe(true);
        expect(sm2Verify(`${message}!`, theirs, k.publicKeyHex)).toBe(false);
      }
    },
  );

  (hasOpenssl ? it : it.skip)('reads a key made by the OpenSSL command line, and OpenSSL reads ours', () => {
    expect(openssl(['genpkey', '-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:SM2', '-out', 'o.pem']).status).toBe(0);
    const pair = sm2KeyPairFromPem(fs.readFileSync(path.join(tmp, 'o.pem'), 'utf8'));
    const pub = openssl(['pkey', '-in', 'o.pem', '-pubout']).stdout;
    expect(pub.replace(/\s+/g, '')).toBe(sm2PublicKeyPem(pair.publicKeyHex).replace(/\s+/g, ''));
    fs.writeFileSync(path.join(tmp, 'ours.pem'), generateSm2KeyPair().privateKeyPem);
    expect(openssl(['pkey', '-in', 'ours.pem', '-noout', '-text']).stdout).toContain('ASN1 OID: SM2');
  });

  it('draws a fresh k for each signature (never the same signature twice)', () => {
    const k = generateSm2KeyPair();
    const sigs = new Set(Array.from({ length: 20 }, () => b64uEncode(sm2Sign(message, k))));
    expect(sigs.size).toBe(20);
  });
});

describe('the verdict (one function for every way of verifying)', () => {
  const base: VerdictFacts = {
    found: true,
    authentic: true,
    communityKnown: true,
    inScope: true,
    state: 'IN_EFFECT',
    validFrom: '2026-01-01',
    validUntil: '2026-12-31',
    provisionalUntil: null,
    today: '2026-06-01',
    now: '2026-06-01T00:00:00.000Z',
  };

  it('reaches every verdict', () => {
    expect(decideVerdict(base)).toBe('VALID');
    expect(decideVerdict({ ...base, found: false })).toBe('UNKNOWN_NUMBER');
    expect(decideVerdict({ ...base, found: false, notFound: 'MALFORMED_PAYLOAD' })).toBe('MALFORMED_PAYLOAD');
    expect(decideVerdict({ ...base, authentic: false })).toBe('SIGNATURE_INVALID');
    expect(decideVerdict({ ...base, authentic: false, failure: 'CODE_MISMATCH' })).toBe('CODE_MISMATCH');
    expect(decideVerdict({ ...base, communityKnown: false })).toBe('UNKNOWN_COMMUNITY');
    expect(decideVerdict({ ...base, state: 'REVOKED' })).toBe('REVOKED');
    expect(decideVerdict({ ...base, state: 'COMPLETED' })).toBe('COMPLETED');
    expect(decideVerdict({ ...base, today: '2027-01-01' })).toBe('EXPIRED');
    expect(decideVerdict({ ...base, today: '2025-12-31' })).toBe('NOT_YET_VALID');
    expect(decideVerdict({ ...base, state: 'PROVISIONAL', provisionalUntil: '2026-05-30T00:00:00.000Z' })).toBe('EMERGENCY_OVERDUE');
    expect(decideVerdict({ ...base, state: 'PROVISIONAL', provisionalUntil: '2026-06-03T00:00:00.000Z' })).toBe('VALID');
    expect(decideVerdict({ ...base, state: 'NOT_IN_EFFECT' })).toBe('NOT_IN_EFFECT');
    expect(decideVerdict({ ...base, inScope: false })).toBe('OUT_OF_SCOPE');
    expect(decideVerdict({ ...base, authentic: null })).toBe('CODE_REQUIRED');
  });

  it('over 20,000 generated cases: VALID exactly when every check passed, and a failed authenticity is never anything but its failure', () => {
    let seed = 42;
    const rnd = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const pick = <T>(xs: T[]) => xs[Math.floor(rnd() * xs.length)];
    for (let i = 0; i < 20000; i++) {
      const f: VerdictFacts = {
        found: rnd() > 0.1,
        authentic: pick([true, false, null]),
        failure: pick([null, 'SIGNATURE_INVALID', 'CODE_MISMATCH', 'UNKNOWN_KEY', 'RECORD_MISMATCH'] as const),
        communityKnown: rnd() > 0.1,
        inScope: rnd() > 0.2,
        state: pick(['IN_EFFECT', 'PROVISIONAL', 'REVOKED', 'COMPLETED', 'NOT_IN_EFFECT'] as const),
        validFrom: pick(['2026-01-01', '2026-06-01', '2026-07-01']),
        validUntil: pick([null, '2026-05-31', '2026-06-01', '2026-12-31']),
        provisionalUntil: pick([null, '2026-05-31T00:00:00.000Z', '2026-06-02T00:00:00.000Z']),
        today: '2026-06-01',
        now: '2026-06-01T08:00:00.000Z',
      };
      const v = decideVerdict(f);
      const allGood =
        f.found &&
        f.authentic === true &&
        f.communityKnown &&
        f.inScope &&
        (f.state === 'IN_EFFECT' || (f.state === 'PROVISIONAL' && !(f.provisionalUntil && f.provisionalUntil < f.now))) &&
        f.validFrom <= f.today &&
        (!f.validUntil || f.validUntil >= f.today);
      expect([i, v === 'VALID']).toEqual([i, allGood]);
      if (f.found && f.authentic === false) expect(v).toBe(f.failure || 'SIGNATURE_INVALID');
    }
  });

  it('never reads a tampered payload as valid: every single-byte change of the text or the signature fails', () => {
    const k = generateSm2KeyPair();
    const fields = {
      number: '青社工准〔2026〕12号',
      county: '511828',
      countyName: '青衣县',
      department: '青衣县民政局',
      departmentCode: '',
      title: '低保复核',
      scope: 'C',
      scopeHash: sm3Hex('511828001001'),
      validFrom: '2026-01-01',
      validUntil: '',
      provisionalUntil: '',
      issuedAt: '2026-01-01T00:00:00.000Z',
      keyId: '511828-20260101-abcd',
    };
    const canonical = buildCanonical(fields);
    const payload = encodePayload(canonical, sm2Sign(canonical, k));
    const keys = [{ keyId: fields.keyId, county: '511828', publicKey: k.publicKeyHex }];
    const check = (p: string) =>
      offlineVerdict({ payload: p, communityCode: '511828001001', keys, lists: [], today: '2026-06-01', now: '2026-06-01T00:00:00.000Z' }, sm2Verify).result;
    expect(check(payload)).toBe('VALID');
    const [, body, sig] = payload.split('.');
    const bytes = b64uDecode(body)!;
    for (let i = 0; i < bytes.length; i += 7) {
      const t = Uint8Array.from(bytes);
      t[i] ^= 0x01;
      expect(check(`ZR1.${b64uEncode(t)}.${sig}`)).not.toBe('VALID');
    }
    const s = b64uDecode(sig)!;
    for (let i = 0; i < 64; i += 5) {
      const t = Uint8Array.from(s);
      t[i] ^= 0x80;
      expect(check(`ZR1.${body}.${b64uEncode(t)}`)).toBe('SIGNATURE_INVALID');
    }
    // Another county's key, or a key never published, cannot sign for this county.
    const other = generateSm2KeyPair();
    expect(check(encodePayload(canonical, sm2Sign(canonical, other)))).toBe('SIGNATURE_INVALID');
    expect(
      check(
        encodePayload(
          buildCanonical({ ...fields, keyId: '511828-20260101-ffff' }),
          sm2Sign(buildCanonical({ ...fields, keyId: '511828-20260101-ffff' }), other),
        ),
      ),
    ).toBe('UNKNOWN_KEY');
    expect(check('not a payload')).toBe('MALFORMED_PAYLOAD');
    expect(parsePayload(payload)!.fields).toEqual(fields);
  });
});

// ---------------------------------------------------------------------------------------
// The platform
// ---------------------------------------------------------------------------------------

let t: TestApi;
let c: TestCounty;
let sql: Client;
const tokens: Record<string, string> = {};

const DOC = `number validFrom validUntil provisional title departmentName scope keyId verificationCode signature payload pdfUrl validToday county { code }`;
const APP = `id status approvalDocument { id ${DOC} }`;
const PASS = { opinion: 'PASS' };
const approve = (ack: string[] = []) => ({
  legality: PASS,
  feasibility: PASS,
  reasonableness: PASS,
  recommendation: 'APPROVE',
  comment: '同意',
  acknowledgedWarnings: ack,
});
const VERIFY = `query($n: String!, $c: String!, $v: String, $s: String) { verifyApprovalDocument(number: $n, communityCode: $c, verificationCode: $v, signature: $s) { valid result message messageEn codeMatches signatureValid document { number verificationCode signature payload } } }`;
const VERIFY_PAYLOAD = `query($p: String!, $c: String!) { verifyApprovalPayload(payload: $p, communityCode: $c) { valid result message messageEn signatureValid } }`;

const { ok } = client(() => t);

const input = (over: Record<string, unknown> = {}) => ({
  title: '协助开展困难群众动态排查',
  description: '每月协助民政部门入户排查低保边缘家庭和困难群众生活状况，及时发现并报告。',
  kind: 'TEMPORARY',
  category: 'SOCIAL_ASSISTANCE',
  legalBasis: ['《社会救助暂行办法》第十一条'],
  scopeType: 'COUNTY',
  periodStart: chinaDate(),
  periodEnd: `${Number(chinaDate().slice(0, 4)) + 1}-12-31`,
  fundingAmount: 36000,
  fundingFlow: '按村（社区）数量每季度拨付至村（社区）工作经费账户',
  trainingSupport: '民政局每季度组织一次业务培训',
  ledgers: [],
  ...over,
});

async function approved(over: Record<string, unknown> = {}, dept = 'civil'): Promise<any> {
  const created = (
    await ok(`mutation($i: ApplicationInput!) { createApplication(input: $i) { id findings { code severity } } }`, { i: input(over) }, tokens[dept])
  ).createApplication;
  await ok(`mutation($id: ID!) { submitApplication(id: $id) { status } }`, { id: created.id }, tokens[dept]);
  await ok(`mutation($id: ID!) { startReview(id: $id) { status } }`, { id: created.id }, tokens.reviewer);
  const warnings = [...new Set(created.findings.filter((f: any) => f.severity === 'WARNING').map((f: any) => f.code))];
  return (
    await ok(
      `mutation($id: ID!, $i: ReviewInput!) { reviewApplication(id: $id, input: $i) { ${APP} } }`,
      { id: created.id, i: approve(warnings as string[]) },
      tokens.reviewer,
    )
  ).reviewApplication;
}

beforeAll(async () => {
  t = await startTestApi({ DOCUMENT_KEYS_DIR: path.join(tmp, 'keys') });
  c = await createTestCounty(t.orm);
  for (const [key, username] of Object.entries(c.users)) tokens[key] = await t.signIn(username, TEST_PASSWORD);
  tokens.admin = await t.signIn('admin');
  tokens.qyReviewer = await t.signIn('reviewer'); // 青衣县: another county
  tokens.community = await t.signIn('community');
  sql = new Client({ connectionString: t.databaseUrl });
  await sql.connect();
});
afterAll(async () => {
  await sql?.end();
  await t?.close();
});

describe('issuing, showing and verifying a signed document', () => {
  let app: any;
  let doc: any;
  const community = () => c.communities[0].code;

  beforeAll(async () => {
    app = await approved();
    doc = app.approvalDocument;
  });

  it('signs the document at approval with the county’s key, made on first use', async () => {
    expect(doc.keyId).toMatch(new RegExp(`^${c.countyCode}-\\d{8}-[0-9a-f]{4}$`));
    expect(fs.existsSync(path.join(tmp, 'keys', `${doc.keyId}.pem`))).toBe(true);
    expect((fs.statSync(path.join(tmp, 'keys', `${doc.keyId}.pem`)).mode & 0o777).toString(8)).toBe('600');
    expect(doc.verificationCode).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/);
    expect(doc.signature.replace(/-/g, '')).toHaveLength(103);
    const parsed = parsePayload(doc.payload)!;
    expect(parsed.fields).toMatchObject({
      number: doc.number,
      county: c.countyCode,
      title: input().title,
      department: doc.departmentName,
      scope: 'C',
      validFrom: doc.validFrom,
      validUntil: doc.validUntil,
      keyId: doc.keyId,
    });
    const keys = (
      await ok(`query($c: String) { documentSigningKeys(countyCode: $c) { keyId publicKey publicKeyPem fingerprint retiredAt county { code } } }`, {
        c: c.countyCode,
      })
    ).documentSigningKeys;
    expect(keys).toEqual([expect.objectContaining({ keyId: doc.keyId, retiredAt: null, county: { code: c.countyCode } })]);
    expect(sm2Verify(parsed.canonical, parsed.signature, keys[0].publicKey)).toBe(true);
    expect(doc.validToday).toBe(true);
  });

  it('shows code, signature, payload and PDF only to the issuing county’s staff and the applying department', async () => {
    const secretsFor = async (token?: string) =>
      (
        await ok(
          `query($n: String!) { verifyApprovalDocument(number: $n, communityCode: "${community()}") { document { verificationCode signature payload pdfUrl } } }`,
          { n: doc.number },
          token,
        )
      ).verifyApprovalDocument.document;
    const none = { verificationCode: null, signature: null, payload: null, pdfUrl: null };
    expect(await secretsFor()).toEqual(none); // anonymous
    expect(await secretsFor(tokens.housing)).toEqual(none); // another department of the county
    expect(await secretsFor(tokens.qyReviewer)).toEqual(none); // another county's reviewer
    expect(await secretsFor(tokens.community)).toEqual(none);
    for (const holder of [tokens.civil, tokens.reviewer, tokens.secretary, tokens.admin])
      expect((await secretsFor(holder)).verificationCode).toBe(doc.verificationCode);
  });

  it('answers VALID only with the right code, signature or payload — and never for a wrong one', async () => {
    const v = async (vars: Record<string, unknown>, token?: string) =>
      (await ok(VERIFY, { n: doc.number, c: community(), ...vars }, token)).verifyApprovalDocument;
    expect(await v({ v: doc.verificationCode })).toMatchObject({ valid: true, result: 'VALID', codeMatches: true, signatureValid: true });
    const typed = doc.verificationCode.replace(/-/g, ' ').toLowerCase().replace(/0/g, 'o').replace(/1/g, 'l');
    expect((await v({ v: typed })).result).toBe('VALID');
    const wrong = await v({ v: '0000-0000-0000-0000' });
    expect(wrong).toMatchObject({ valid: false, result: 'CODE_MISMATCH', codeMatches: false });
    expect(wrong.message).toMatch(/伪造|篡改/);
    expect(wrong.messageEn).toMatch(/forged|altered/);
    expect(await v({})).toMatchObject({ valid: false, result: 'CODE_REQUIRED' });
    expect(await v({ s: doc.signature })).toMatchObject({ valid: true, result: 'VALID', signatureValid: true });
    const badSig = doc.signature.slice(0, 10) + (doc.signature[10] === 'A' ? 'B' : 'A') + doc.signature.slice(11);
    expect(await v({ s: badSig })).toMatchObject({ valid: false, result: 'SIGNATURE_INVALID', signatureValid: false });
    expect(await v({ s: 'nonsense' })).toMatchObject({ valid: false, result: 'SIGNATURE_INVALID' });
    expect((await ok(VERIFY_PAYLOAD, { p: doc.payload, c: community() })).verifyApprovalPayload).toMatchObject({
      valid: true,
      result: 'VALID',
      signatureValid: true,
    });
    // A payload whose text was changed (the validity stretched by a year) and re-encoded: the signature fails.
    const parsed = parsePayload(doc.payload)!;
    const forged = encodePayload(
      parsed.canonical.replace(`validUntil:${doc.validUntil}`, `validUntil:${Number(doc.validUntil.slice(0, 4)) + 1}${doc.validUntil.slice(4)}`),
      parsed.signature,
    );
    expect((await ok(VERIFY_PAYLOAD, { p: forged, c: community() })).verifyApprovalPayload).toMatchObject({ valid: false, result: 'SIGNATURE_INVALID' });
    expect((await ok(VERIFY_PAYLOAD, { p: 'ZR1.abc.def', c: community() })).verifyApprovalPayload).toMatchObject({ valid: false, result: 'MALFORMED_PAYLOAD' });
    // Out of scope and unknown communities, by every path.
    expect((await ok(VERIFY_PAYLOAD, { p: doc.payload, c: '511828001001' })).verifyApprovalPayload.result).toBe('OUT_OF_SCOPE');
    expect((await v({ v: doc.verificationCode, c: '511829999999' })).result).toBe('UNKNOWN_COMMUNITY');
    expect((await ok(VERIFY, { n: '示社工准〔2099〕1号', c: community(), v: doc.verificationCode })).verifyApprovalDocument).toMatchObject({
      result: 'UNKNOWN_NUMBER',
      codeMatches: false,
    });
  });

  it('notices a record altered in the database: the stored signature no longer verifies', async () => {
    await sql.query(`update approval_document set valid_until = valid_until + interval '3 years' where number = $1`, [doc.number]);
    try {
      const v = (await ok(VERIFY, { n: doc.number, c: community(), v: doc.verificationCode })).verifyApprovalDocument;
      expect(v).toMatchObject({ valid: false, result: 'SIGNATURE_INVALID', codeMatches: true, signatureValid: false });
      expect((await ok(VERIFY_PAYLOAD, { p: doc.payload, c: community() })).verifyApprovalPayload).toMatchObject({ valid: false, result: 'RECORD_MISMATCH' });
    } finally {
      await sql.query(`update approval_document set valid_until = valid_until - interval '3 years' where number = $1`, [doc.number]);
    }
    expect((await ok(VERIFY, { n: doc.number, c: community(), v: doc.verificationCode })).verifyApprovalDocument.result).toBe('VALID');
  });

  it('dates: NOT_YET_VALID before the period, EXPIRED after it (same verdict online, by number and by payload)', async () => {
    const later = await approved({ title: '秋季入户走访', periodStart: `${Number(chinaDate().slice(0, 4)) + 1}-03-01` });
    const d = later.approvalDocument;
    expect((await ok(VERIFY, { n: d.number, c: community(), v: d.verificationCode })).verifyApprovalDocument.result).toBe('NOT_YET_VALID');
    expect(later.approvalDocument.validToday).toBe(false);
    const em = t.orm.em.fork();
    const after = new Date(Date.UTC(Number(chinaDate().slice(0, 4)) + 3, 0, 1));
    expect((await verifyApproval({ em, config: t.config }, { number: doc.number, communityCode: community(), code: doc.verificationCode }, after)).result).toBe(
      'EXPIRED',
    );
    expect((await verifyApproval({ em, config: t.config }, { payload: doc.payload, communityCode: community() }, after)).result).toBe('EXPIRED');
  });

  it('COMPLETED once the item is done (no longer "valid today"), REVOKED once revoked', async () => {
    const done = await approved({ title: '冬季困难群众走访' });
    const d = done.approvalDocument;
    await ok(`mutation($id: ID!) { enterCommunities(id: $id) { status } }`, { id: done.id }, tokens.civil);
    await ok(`mutation($id: ID!) { completeApplication(id: $id, input: { reason: "走访完成" }) { status } }`, { id: done.id }, tokens.civil);
    const v = (await ok(VERIFY, { n: d.number, c: community(), v: d.verificationCode })).verifyApprovalDocument;
    expect(v).toMatchObject({ valid: false, result: 'COMPLETED' });
    expect((await ok(`query($n: String!) { approvalDocument(number: $n) { validToday } }`, { n: d.number }, tokens.civil)).approvalDocument.validToday).toBe(
      false,
    );
    await ok(`mutation($id: ID!) { revokeApplication(id: $id, input: { reason: "工作完成，事项退出" }) { status } }`, { id: done.id }, tokens.reviewer);
    expect((await ok(VERIFY_PAYLOAD, { p: d.payload, c: community() })).verifyApprovalPayload.result).toBe('REVOKED');
  });

  it('EMERGENCY_OVERDUE: a provisional document past its approval deadline, until the approval comes', async () => {
    const created = (
      await ok(
        `mutation($i: ApplicationInput!) { createApplication(input: $i) { id } }`,
        { i: input({ title: '汛期隐患点紧急巡查', emergency: true, emergencyReason: '强降雨橙色预警', category: 'EMERGENCY_MANAGEMENT' }) },
        tokens.emergency,
      )
    ).createApplication;
    const entered = (
      await ok(`mutation($id: ID!) { declareEmergencyEntry(id: $id) { approvalDeadline approvalDocument { ${DOC} } } }`, { id: created.id }, tokens.emergency)
    ).declareEmergencyEntry;
    const d = entered.approvalDocument;
    expect(parsePayload(d.payload)!.fields.provisionalUntil).toBe(new Date(entered.approvalDeadline).toISOString());
    const em = t.orm.em.fork();
    const late = new Date(new Date(entered.approvalDeadline).getTime() + 3600_000);
    expect((await verifyApproval({ em, config: t.config }, { number: d.number, communityCode: community(), code: d.verificationCode })).result).toBe('VALID');
    expect((await verifyApproval({ em, config: t.config }, { number: d.number, communityCode: community(), code: d.verificationCode }, late)).result).toBe(
      'EMERGENCY_OVERDUE',
    );
    // Offline, from the payload and the county's list, the same.
    const keys = (await ok(`{ documentSigningKeys { keyId publicKey county { code } } }`, {})).documentSigningKeys.map((k: any) => ({
      keyId: k.keyId,
      publicKey: k.publicKey,
      county: k.county.code,
    }));
    const list = async () =>
      verifiedLists([(await fetch(`${t.url}/approval-documents/revocations/${c.countyCode}.json`).then((r) => r.json())) as any], keys, sm2Verify);
    const offline = async (now: Date) =>
      offlineVerdict({ payload: d.payload, communityCode: community(), keys, lists: await list(), today: chinaDate(now), now: now.toISOString() }, sm2Verify)
        .result;
    expect(await offline(late)).toBe('EMERGENCY_OVERDUE');
    // Approved after the fact: online it is in effect; the list says CONFIRMED, so offline agrees.
    const findings = (await ok(`query($id: ID!) { application(id: $id) { findings { code severity } } }`, { id: created.id }, tokens.reviewer)).application
      .findings;
    const approvedLate = await ok(
      `mutation($id: ID!, $i: ReviewInput!) { reviewApplication(id: $id, input: $i) { status } }`,
      { id: created.id, i: approve(findings.filter((x: any) => x.severity === 'WARNING').map((x: any) => x.code)) },
      tokens.reviewer,
    );
    expect(approvedLate.reviewApplication.status).toBe('IN_EFFECT');
    expect(
      (await verifyApproval({ em: t.orm.em.fork(), config: t.config }, { number: d.number, communityCode: community(), code: d.verificationCode }, late))
        .result,
    ).toBe('VALID');
    expect(await offline(late)).toBe('VALID');
  });

  it('keeps old documents verifying after the key is rotated; new ones use the new key', async () => {
    const rotated = (await ok(`mutation($c: String!) { rotateDocumentSigningKey(countyCode: $c) { keyId retiredAt } }`, { c: c.countyCode }, tokens.admin))
      .rotateDocumentSigningKey;
    expect(rotated.keyId).not.toBe(doc.keyId);
    expect(
      (await t.gql(`mutation($c: String!) { rotateDocumentSigningKey(countyCode: $c) { keyId } }`, { c: c.countyCode }, { token: tokens.reviewer })).body
        .errors[0].extensions.code,
    ).toBe('FORBIDDEN');
    const fresh = (await approved({ title: '春季困难群众走访' })).approvalDocument;
    expect(fresh.keyId).toBe(rotated.keyId);
    expect((await ok(VERIFY_PAYLOAD, { p: doc.payload, c: community() })).verifyApprovalPayload.result).toBe('VALID');
    expect((await ok(VERIFY_PAYLOAD, { p: fresh.payload, c: community() })).verifyApprovalPayload.result).toBe('VALID');
    const keys = (await fetch(`${t.url}/approval-documents/keys.json`).then((r) => r.json())) as any;
    expect(keys).toMatchObject({ algorithm: 'SM2', hash: 'SM3', signerId: '1234567812345678' });
    const mine = keys.keys.filter((k: any) => k.county === c.countyCode);
    expect(mine.map((k: any) => [k.keyId, !!k.retiredAt])).toEqual([
      [doc.keyId, true],
      [rotated.keyId, false],
    ]);
    const pem = await fetch(`${t.url}/approval-documents/keys/${rotated.keyId}.pem`);
    expect(pem.status).toBe(200);
    expect(await pem.text()).toContain('BEGIN PUBLIC KEY');
    const audit = await sql.query(`select action from audit_event where action = 'signingKey.rotate'`);
    expect(audit.rowCount).toBe(1);
  });

  it('prints an A4 PDF whose QR code decodes back to a payload that verifies', async () => {
    const anonymous = await fetch(`${t.url}${doc.pdfUrl}`);
    expect(anonymous.status).toBe(401);
    expect(((await anonymous.json()) as any).errors[0].extensions).toMatchObject({ code: 'UNAUTHENTICATED', messageEn: expect.any(String) });
    const other = await fetch(`${t.url}${doc.pdfUrl}`, { headers: { authorization: `Bearer ${tokens.housing}` } });
    expect(other.status).toBe(404); // another department: the document is not theirs to print
    await other.arrayBuffer();
    const worker = await fetch(`${t.url}${doc.pdfUrl}`, { headers: { authorization: `Bearer ${tokens.community}` } });
    expect(worker.status).toBe(404);
    await worker.arrayBuffer();
    const res = await fetch(`${t.url}${doc.pdfUrl}`, { headers: { authorization: `Bearer ${tokens.civil}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    const pdf = Buffer.from(await res.arrayBuffer());
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(payloadFromPdf(pdf)).toBe(doc.payload);
    const file = path.join(tmp, 'doc.pdf');
    fs.writeFileSync(file, pdf);
    const info = spawnSync('pdfinfo', [file], { encoding: 'utf8' });
    if (info.status !== 0) {
      console.warn('poppler-utils (pdftoppm) missing: the QR decode is skipped; .ci/run installs it');
      return;
    }
    expect(info.stdout).toMatch(/Pages:\s+1/);
    expect(info.stdout).toMatch(/Page size:\s+595\.\d* x 841\.\d*/); // A4
    const fonts = spawnSync('pdffonts', [file], { encoding: 'utf8' }).stdout;
    expect(fonts).toMatch(/NotoSerifSC/);
    expect(fonts).toMatch(/yes\s+yes/); // embedded, subset
    const text = spawnSync('pdftotext', [file, '-'], { encoding: 'utf8' }).stdout;
    expect(text).toContain(doc.number);
    expect(text).toContain(doc.verificationCode);
    expect(spawnSync('pdftoppm', ['-r', '200', '-png', '-singlefile', file, path.join(tmp, 'page')]).status).toBe(0);
    const png = PNG.sync.read(fs.readFileSync(path.join(tmp, 'page.png')));
    const qr = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
    expect(qr?.data).toBe(doc.payload);
    // The decoded text verifies (the resolver's own function; the API may have closed idle connections meanwhile).
    expect(await verifyApproval({ em: t.orm.em.fork(), config: t.config }, { payload: qr!.data, communityCode: community() })).toMatchObject({
      valid: true,
      result: 'VALID',
    });
  });

  it('the command line verifies a PDF or a payload, online and offline', async () => {
    const file = path.join(tmp, 'cli.pdf');
    fs.writeFileSync(file, Buffer.from(await (await fetch(`${t.url}${doc.pdfUrl}`, { headers: { authorization: `Bearer ${tokens.civil}` } })).arrayBuffer()));
    fs.writeFileSync(path.join(tmp, 'keys.json'), await (await fetch(`${t.url}/approval-documents/keys.json`)).text());
    fs.writeFileSync(path.join(tmp, 'list.json'), await (await fetch(`${t.url}/approval-documents/revocations/${c.countyCode}.json`)).text());
    const run = (args: string[], env: Record<string, string> = {}) =>
      spawnSync(process.execPath, [path.resolve(__dirname, '../scripts/run.js'), path.resolve(__dirname, '../src/cli/document.ts'), 'verify', ...args], {
        encoding: 'utf8',
        env: { ...process.env, ...env },
      });
    const offline = run([
      file,
      '--offline',
      '--keys',
      path.join(tmp, 'keys.json'),
      '--revocations',
      path.join(tmp, 'list.json'),
      '--community',
      community(),
      '--json',
    ]);
    expect(offline.status).toBe(0);
    expect(JSON.parse(offline.stdout)).toMatchObject({ result: 'VALID', listsVerified: 1, document: { number: doc.number } });
    const tampered = run([
      doc.payload.slice(0, -3) + (doc.payload.endsWith('AAA') ? 'BBB' : 'AAA'),
      '--offline',
      '--keys',
      path.join(tmp, 'keys.json'),
      '--community',
      community(),
      '--json',
    ]);
    expect(tampered.status).toBe(1);
    expect(JSON.parse(tampered.stdout).result).toBe('SIGNATURE_INVALID');
    const online = run([file, '--community', community(), '--json'], {
      DATABASE_URL: t.databaseUrl,
      NODE_ENV: 'test',
      LOG_LEVEL: 'silent',
      DOCUMENT_KEYS_DIR: path.join(tmp, 'keys'),
    });
    expect(JSON.parse(online.stdout)).toMatchObject({ result: 'VALID' });
    expect(online.status).toBe(0);
  });
});

describe('signed revocation lists', () => {
  it('lists revoked and completed documents, signed, refreshed by the job; the offline check says REVOKED as of its date', async () => {
    const a = await approved({ title: '入户核查临时任务' });
    const d = a.approvalDocument;
    const before = (await fetch(`${t.url}/approval-documents/revocations/${c.countyCode}.json`).then((r) => r.json())) as any;
    expect(JSON.parse(before.body).entries.map((e: any) => e.number)).not.toContain(d.number);
    await ok(`mutation($id: ID!) { revokeApplication(id: $id, input: { reason: "部门职责调整，撤销" }) { status } }`, { id: a.id }, tokens.reviewer);
    const res = await fetch(`${t.url}/approval-documents/revocations/${c.countyCode}.json`);
    expect(res.status).toBe(200);
    const signed = (await res.json()) as any;
    const keys = (await fetch(`${t.url}/approval-documents/keys.json`).then((r) => r.json())) as any;
    const lists = verifiedLists([signed], keys.keys, sm2Verify);
    expect(lists).toHaveLength(1);
    expect(lists[0].entries).toContainEqual(expect.objectContaining({ number: d.number, status: 'REVOKED', reason: '部门职责调整，撤销' }));
    // A list whose text was changed no longer verifies and is ignored.
    expect(verifiedLists([{ ...signed, body: signed.body.replace('"REVOKED"', '"CONFIRMED"') }], keys.keys, sm2Verify)).toHaveLength(0);
    const now = new Date();
    const out = offlineVerdict(
      { payload: d.payload, communityCode: c.communities[0].code, keys: keys.keys, lists, today: chinaDate(now), now: now.toISOString() },
      sm2Verify,
    );
    expect(out).toMatchObject({ result: 'REVOKED', listDate: lists[0].listDate });
    // The scheduled job re-issues every county's list.
    const refreshed = await refreshRevocationLists(t.orm.em.fork(), t.config);
    expect(refreshed.counties).toBeGreaterThanOrEqual(2); // the demo county and this one
    const gql = (await ok(`query($c: String!) { approvalRevocationList(countyCode: $c) { listDate entryCount keyId url } }`, { c: c.countyCode }))
      .approvalRevocationList;
    expect(new Date(gql.listDate).getTime()).toBeGreaterThanOrEqual(new Date(lists[0].listDate).getTime());
    expect(gql.url).toBe(`/approval-documents/revocations/${c.countyCode}.json`);
  });
});

describe('validity windows are never inverted', () => {
  it('refuses at submission an application whose period is over, with a clear finding', async () => {
    const created = (
      await ok(
        `mutation($i: ApplicationInput!) { createApplication(input: $i) { id hasBlockingFindings findings { code severity message messageEn } } }`,
        { i: input({ title: '2020年度人口普查入户登记', periodStart: '2020-01-01', periodEnd: '2020-06-30' }) },
        tokens.civil,
      )
    ).createApplication;
    const finding = created.findings.find((f: any) => f.code === 'PERIOD_INVALID');
    expect(finding).toMatchObject({ severity: 'BLOCKING', message: expect.stringContaining('2020-06-30') });
    const refused = await t.gql(`mutation($id: ID!) { submitApplication(id: $id) { status } }`, { id: created.id }, { token: tokens.civil });
    expect(refused.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    const refusedEmergency = await t.gql(`mutation($id: ID!) { declareEmergencyEntry(id: $id) { status } }`, { id: created.id }, { token: tokens.civil });
    expect(refusedEmergency.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    // An inverted period is refused already when written.
    const inverted = await t.gql(
      `mutation($i: ApplicationInput!) { createApplication(input: $i) { id } }`,
      { i: input({ periodStart: '2027-06-30', periodEnd: '2027-01-01' }) },
      { token: tokens.civil },
    );
    expect(inverted.body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', details: [expect.objectContaining({ field: 'periodEnd' })] });
  });

  it('refuses the approval when the period ran out while the application waited', async () => {
    const created = (
      await ok(
        `mutation($i: ApplicationInput!) { createApplication(input: $i) { id findings { code severity } } }`,
        { i: input({ title: '季度入户排查', periodStart: chinaDate(), periodEnd: chinaDate() }) },
        tokens.civil,
      )
    ).createApplication;
    await ok(`mutation($id: ID!) { submitApplication(id: $id) { status } }`, { id: created.id }, tokens.civil);
    await ok(`mutation($id: ID!) { startReview(id: $id) { status } }`, { id: created.id }, tokens.reviewer);
    await sql.query(
      `update admission_application set period_start = '2020-01-01', period_end = '2020-03-31' where id = (select id from admission_application where title = '季度入户排查')`,
    );
    const r = await t.gql(
      `mutation($id: ID!, $i: ReviewInput!) { reviewApplication(id: $id, input: $i) { status } }`,
      { id: created.id, i: approve(['NO_FUNDING']) },
      { token: tokens.reviewer },
    );
    expect(r.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    const { rows } = await sql.query(
      `select count(*)::int as n from approval_document d join admission_application a on a.id = d.application_id where a.title = '季度入户排查'`,
    );
    expect(rows[0].n).toBe(0);
  });
});

describe('HTTP routes answer bad parameters with 400 and the bilingual error model', () => {
  it.each([
    ['/approval-documents/keys/not-a-key.pem', 'keyId'],
    ['/approval-documents/revocations/5118.json', 'county'],
    ['/approval-documents/revocations/511829.xml', 'county'],
    ['/approval-documents/not-an-id/document.pdf', 'id'],
    ['/verify?county=abc', 'county'],
    ['/verify?county=511829&county=511828', 'county'],
    ['/verify?foo=1', 'foo'],
    ['/approval-documents/keys.json?x=1', 'x'],
  ])('%s', async (url, field) => {
    const r = await fetch(`${t.url}${url}`, { headers: { authorization: `Bearer ${tokens.civil}` } });
    expect(r.status).toBe(400);
    const body = (await r.json()) as any;
    // The API's error model on every route (src/http/routes.ts): { errors: [{ message, extensions: { code, messageEn, details } }] }
    expect(body.errors[0].message).toMatch(/[\u4e00-\u9fa5]/);
    expect(body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', messageEn: expect.any(String), details: [expect.objectContaining({ field })] });
  });

  it('404 for a county or key that does not exist', async () => {
    expect((await fetch(`${t.url}/approval-documents/revocations/999999.json`)).status).toBe(404);
    expect((await fetch(`${t.url}/approval-documents/keys/511829-20200101-abcd.pem`)).status).toBe(404);
    expect((await fetch(`${t.url}/verify?county=999999`)).status).toBe(404);
  });
});
