import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import QRCode from 'qrcode';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startTestApi, type TestApi } from './support/api';
import { client } from './support/client';
import { createTestCounty, TEST_PASSWORD, type TestCounty } from './support/county';
import { chinaDate } from '../src/kernel/dates';

/**
 * The offline verification page (issue 11, item 5a) in Debian's Chromium: saved to a file
 * and opened with the network off, it checks a pasted payload, a photo of the QR code and a
 * typed number + signature entirely in the browser, with the same verdicts as the server.
 * Skipped with a message where /usr/bin/chromium is missing (.ci/run installs it).
 */

const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const haveChromium = fs.existsSync(CHROMIUM);
if (!haveChromium) console.warn(`${CHROMIUM} missing: the offline page test is skipped (apt-get install -y chromium)`);
const suite = haveChromium ? describe : describe.skip;

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'zr-verify-page-'));
let t: TestApi;
let c: TestCounty;
let browser: Browser;
const tokens: Record<string, string> = {};

const { ok } = client(() => t);

const PASS = { opinion: 'PASS' };
async function approvedDocument(title: string): Promise<{ id: string; doc: any }> {
  const i = {
    title,
    description: '每月协助民政部门入户排查低保边缘家庭和困难群众生活状况，及时发现并报告。',
    kind: 'TEMPORARY',
    category: 'SOCIAL_ASSISTANCE',
    legalBasis: ['《社会救助暂行办法》第十一条'],
    scopeType: 'TOWNSHIPS',
    townshipIds: [c.townshipIds[0]],
    periodStart: chinaDate(),
    periodEnd: `${Number(chinaDate().slice(0, 4)) + 1}-12-31`,
    fundingAmount: 36000,
    fundingFlow: '按村（社区）数量拨付',
    ledgers: [],
  };
  const created = (await ok(`mutation($i: ApplicationInput!) { createApplication(input: $i) { id findings { code severity } } }`, { i }, tokens.civil))
    .createApplication;
  await ok(`mutation($id: ID!) { submitApplication(id: $id) { status } }`, { id: created.id }, tokens.civil);
  await ok(`mutation($id: ID!) { startReview(id: $id) { status } }`, { id: created.id }, tokens.reviewer);
  const ack = created.findings.filter((f: any) => f.severity === 'WARNING').map((f: any) => f.code);
  const r = await ok(
    `mutation($id: ID!, $i: ReviewInput!) { reviewApplication(id: $id, input: $i) { approvalDocument { number payload signature } } }`,
    { id: created.id, i: { legality: PASS, feasibility: PASS, reasonableness: PASS, recommendation: 'APPROVE', comment: '同意', acknowledgedWarnings: ack } },
    tokens.reviewer,
  );
  return { id: created.id, doc: r.reviewApplication.approvalDocument };
}

suite('the offline verification page in headless Chromium', () => {
  let valid: any;
  let revoked: any;
  let page: Page;
  const requests: string[] = [];
  const inScope = () => c.communities.find((x) => x.townshipId === c.townshipIds[0])!.code;
  const outOfScope = () => c.communities.find((x) => x.townshipId === c.townshipIds[1])!.code;

  beforeAll(async () => {
    t = await startTestApi({ DOCUMENT_KEYS_DIR: path.join(tmp, 'keys') });
    c = await createTestCounty(t.orm);
    for (const [key, username] of Object.entries(c.users)) tokens[key] = await t.signIn(username, TEST_PASSWORD);
    valid = (await approvedDocument('困难群众动态排查')).doc;
    const r = await approvedDocument('临时入户核查');
    revoked = r.doc;
    await ok(`mutation($id: ID!) { revokeApplication(id: $id, input: { reason: "部门职责调整" }) { status } }`, { id: r.id }, tokens.reviewer);
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('is served self-contained: no external reference, a strict CSP that still lets its own scripts run', async () => {
    const res = await fetch(`${t.url}/verify?county=${c.countyCode}`);
    expect(res.status).toBe(200);
    const csp = res.headers.get('content-security-policy')!;
    expect(csp).toContain("default-src 'none'");
    expect(csp).not.toContain('unsafe-inline');
    const html = await res.text();
    expect(html).not.toMatch(/<(script|link|img)[^>]+(src|href)=/i);
    expect(html).not.toMatch(/@import|url\(\s*['"]?https?:/i);
    fs.writeFileSync(path.join(tmp, 'verify.html'), html);
    // Served over HTTP with its CSP: the scripts run (a CSP violation would leave the page inert).
    const context = await browser.newContext();
    const online = await context.newPage();
    const violations: string[] = [];
    online.on('console', (m) => m.type() === 'error' && violations.push(m.text()));
    await online.goto(`${t.url}/verify?county=${c.countyCode}`);
    await online.fill('#community', inScope());
    await online.fill('#payload', valid.payload);
    await online.click('#verify');
    await online.waitForSelector('#result.show');
    expect(await online.getAttribute('#result', 'data-result')).toBe('VALID');
    expect(violations).toEqual([]);
    await context.close();
  });

  describe('saved and opened with the network off', () => {
    beforeAll(async () => {
      const context = await browser.newContext({ offline: true });
      await context.route('**/*', (route) => {
        const url = route.request().url();
        requests.push(url);
        return url.startsWith('file:') || url.startsWith('blob:') || url.startsWith('data:') ? route.continue() : route.abort();
      });
      page = await context.newPage();
      await page.goto(`file://${path.join(tmp, 'verify.html')}`);
    });

    const verify = async (fill: () => Promise<void>) => {
      await page.evaluate("document.getElementById('result').removeAttribute('data-result')");
      await fill();
      await page.click('#verify');
      await page.waitForFunction("document.getElementById('result').hasAttribute('data-result')");
      return { result: await page.getAttribute('#result', 'data-result'), text: await page.textContent('#result') };
    };
    const pasted = (payload: string, community = inScope()) =>
      verify(async () => {
        await page.click('#mode-qr');
        await page.fill('#community', community);
        await page.fill('#payload', payload);
      });

    it('says what it carries: the county’s key and its revocation list', async () => {
      expect(await page.textContent('#embedded')).toContain(c.countyCode);
      expect(await page.textContent('#embedded')).toContain('撤销清单');
    });

    it('verifies a pasted payload: VALID in scope, OUT_OF_SCOPE elsewhere, and says “valid as of the list dated …”', async () => {
      const r = await pasted(valid.payload);
      expect(r.result).toBe('VALID');
      expect(r.text).toContain('截至撤销清单日期');
      expect(r.text).toContain(valid.number);
      expect((await pasted(valid.payload, outOfScope())).result).toBe('OUT_OF_SCOPE');
    });

    it('never says VALID for a tampered payload or a forged signature', async () => {
      const [, body, sig] = valid.payload.split('.');
      const flipped = sig.slice(0, 5) + (sig[5] === 'A' ? 'B' : 'A') + sig.slice(6);
      expect((await pasted(`ZR1.${body}.${flipped}`)).result).toBe('SIGNATURE_INVALID');
      const text = Buffer.from(body, 'base64url')
        .toString('utf8')
        .replace(/validUntil:(\d{4})/, (_m, y) => `validUntil:${Number(y) + 5}`);
      expect((await pasted(`ZR1.${Buffer.from(text).toString('base64url')}.${sig}`)).result).toBe('SIGNATURE_INVALID');
      expect((await pasted('这不是二维码内容')).result).toBe('MALFORMED_PAYLOAD');
    });

    it('knows a revoked document from the signed list', async () => {
      const r = await pasted(revoked.payload);
      expect(r.result).toBe('REVOKED');
      expect(r.text).toContain('已撤销');
    });

    it('checks a typed number and signature against the county register', async () => {
      const typed = (number: string, signature: string) =>
        verify(async () => {
          await page.click('#mode-typed');
          await page.fill('#community', inScope());
          await page.fill('#number', number);
          await page.fill('#signature', signature);
        });
      expect((await typed(valid.number, valid.signature.toLowerCase().replace(/-/g, ' '))).result).toBe('VALID');
      const wrong = valid.signature.slice(0, 3) + (valid.signature[3] === '7' ? '8' : '7') + valid.signature.slice(4);
      expect((await typed(valid.number, wrong)).result).toBe('SIGNATURE_INVALID');
      expect((await typed('示社工准〔2099〕1号', valid.signature)).result).toBe('UNKNOWN_NUMBER');
    });

    it('reads the QR code from a photo (image file) and verifies it', async () => {
      const file = path.join(tmp, 'qr.png');
      await QRCode.toFile(file, valid.payload, { errorCorrectionLevel: 'M', margin: 4, scale: 6 });
      await page.evaluate("document.getElementById('result').removeAttribute('data-result')");
      await page.fill('#community', inScope());
      await page.setInputFiles('#photo', file);
      await page.waitForFunction("document.getElementById('result').hasAttribute('data-result')");
      expect(await page.getAttribute('#result', 'data-result')).toBe('VALID');
      expect(await page.inputValue('#payload')).toBe(valid.payload);
    });

    it('made no request beyond the saved file', () => {
      expect(requests.filter((u) => !u.startsWith('file:') && !u.startsWith('blob:') && !u.startsWith('data:'))).toEqual([]);
    });
  });
});
