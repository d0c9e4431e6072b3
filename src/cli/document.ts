/**
 * Command line for approval documents.
 *
 *   npm run document:verify -- <payload | file.pdf | file.txt> [--community <12-digit code>] [--json]
 *       [--offline --keys keys.json [--revocations 511828.json …]]
 *   npm run document:keys -- list | create --county <code> | rotate --county <code> | import --county <code> --file key.pem
 *
 * `document:verify` reads the payload (a PDF rendered by the platform carries it in its
 * document information), then decides with the same verdict function as the API: online
 * against the database (DATABASE_URL, or the embedded PostgreSQL under DATA_DIR), or with
 * `--offline` from downloaded files only (/approval-documents/keys.json and
 * /approval-documents/revocations/<county>.json), as the offline page does. Without
 * `--community` the scope is not checked (the answer says so). Exit code 0 when VALID,
 * 1 otherwise, 2 on bad usage.
 */
import fs from 'node:fs';
import { loadConfig } from '../config';
import { openDatabase } from '../db/prepare';
import { chinaDate } from '../kernel/dates';
import { Region, RegionLevel } from '../geography';
import { payloadFromPdf } from '../admission';
import { sm2Verify, keyFingerprint } from '../kernel/gm';
import { addCountyKey, publicKeys } from '../admission';
import { DocumentSigningKey } from '../admission';
import { verifyApproval } from '../admission';
import { offlineVerdict, verdictMessages, verifiedLists, type PublishedKey, type SignedList } from '../admission';

const usage = () => {
  console.error('usage: document:verify -- <payload|file.pdf> [--community <code>] [--json] [--offline --keys keys.json [--revocations list.json …]]');
  console.error('       document:keys -- list | create --county <code> | rotate --county <code> | import --county <code> --file key.pem');
  return 2;
};

function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

function readPayload(arg: string): string | null {
  if (arg.startsWith('ZR1.')) return arg;
  if (!fs.existsSync(arg)) return null;
  const bytes = fs.readFileSync(arg);
  if (bytes.subarray(0, 5).toString('latin1') === '%PDF-') return payloadFromPdf(bytes);
  return bytes.toString('utf8').trim();
}

async function verifyCommand(args: string[]): Promise<number> {
  const json = args.includes('--json');
  const offline = args.includes('--offline');
  const community = option(args, '--community') ?? '';
  const target = args.find((a, i) => !a.startsWith('--') && !['--community', '--keys', '--revocations'].includes(args[i - 1] ?? ''));
  if (!target) return usage();
  const payload = readPayload(target);
  if (!payload) {
    console.error(`读不到二维码内容：${target} (no payload found)`);
    return 2;
  }
  const checkScope = community !== '';
  let result: string;
  let detail: Record<string, unknown> = {};
  if (offline) {
    const keysFile = option(args, '--keys');
    if (!keysFile) return usage();
    // eslint-disable-next-line @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-call, @typescript-eslint/no-unsafe-member-access -- JSON read from a file or a column; its shape is checked where it is used
    const keys: PublishedKey[] = JSON.parse(fs.readFileSync(keysFile, 'utf8')).keys.map((k: PublishedKey) => ({
      keyId: k.keyId,
      county: k.county,
      publicKey: k.publicKey,
    }));
    // eslint-disable-next-line @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-return -- JSON read from a file or a column; its shape is checked where it is used
    const raw: SignedList[] = args.flatMap((a, i) => (args[i - 1] === '--revocations' ? [JSON.parse(fs.readFileSync(a, 'utf8'))] : []));
    const verify = (text: string, sig: Uint8Array, pub: string) => sm2Verify(text, sig, pub);
    const lists = verifiedLists(raw, keys, verify);
    const now = new Date();
    const out = offlineVerdict({ payload, communityCode: checkScope ? community : '', keys, lists, today: chinaDate(now), now: now.toISOString() }, verify);
    result = out.result;
    detail = { document: out.fields, listDate: out.listDate, revocation: out.entry, listsVerified: lists.length, listsGiven: raw.length };
  } else {
    const config = loadConfig();
    const db = await openDatabase(config, { migrate: false });
    try {
      const out = await verifyApproval({ em: db.orm.em.fork(), config }, { payload, communityCode: community });
      result = out.result;
      detail = {
        document: out.document
          ? {
              number: out.document.number,
              title: out.document.title,
              department: out.document.departmentName,
              validFrom: out.document.validFrom,
              validUntil: out.document.validUntil,
              keyId: out.document.keyId,
            }
          : null,
        signatureValid: out.signatureValid,
      };
    } finally {
      await db.close();
    }
  }
  // Without a community the scope cannot be checked: OUT_OF_SCOPE / UNKNOWN_COMMUNITY then only mean "give --community".
  const scopeOnly = !checkScope && (result === 'OUT_OF_SCOPE' || result === 'UNKNOWN_COMMUNITY');
  const [zh, en] = verdictMessages()[result as keyof ReturnType<typeof verdictMessages>];
  if (json) {
    console.log(JSON.stringify({ result, valid: result === 'VALID', scopeChecked: checkScope, message: zh, messageEn: en, ...detail }, null, 2));
  } else {
    console.log(`${result === 'VALID' ? '✔' : scopeOnly ? '…' : '✘'} ${result}`);
    console.log(
      scopeOnly ? '签名与状态无误；未给 --community，未核对批准范围。Signature and status in order; give --community to check the scope.' : `${zh}\n${en}`,
    );
    if (detail.listDate) console.log(`离线核验截至撤销清单日期 ${String(detail.listDate)}。Valid as of the list dated ${String(detail.listDate)}.`);
    const d = detail.document as Record<string, string> | null;
    if (d) console.log(`文号 ${d.number}　${d.department}　${d.title}　有效期 ${d.validFrom} 至 ${d.validUntil || '长期'}　密钥 ${d.keyId}`);
  }
  return result === 'VALID' ? 0 : 1;
}

async function keysCommand(args: string[]): Promise<number> {
  const [action] = args;
  const code = option(args, '--county');
  const config = loadConfig();
  if (!['list', 'create', 'rotate', 'import'].includes(action) || (action !== 'list' && !/^\d{6}$/.test(code ?? ''))) return usage();
  const db = await openDatabase(config, { migrate: false });
  try {
    const em = db.orm.em.fork();
    if (action === 'list') {
      for (const k of await publicKeys(em))
        console.log(`${k.keyId}\t${k.county.getEntity().name}\t${k.retiredAt ? `停用 ${k.retiredAt.toISOString()}` : '当前'}\t${keyFingerprint(k.publicKey)}`);
      return 0;
    }
    const county = await em.findOne(Region, { code, level: RegionLevel.COUNTY });
    if (!county) {
      console.error(`未找到县 ${code}`);
      return 2;
    }
    const file = option(args, '--file');
    if (action === 'import' && !file) return usage();
    if (action === 'create' && (await em.count(DocumentSigningKey, { county: county.id, retiredAt: null }))) {
      console.error(`${county.name}已有当前密钥；轮换请用 rotate (the county has a current key: use rotate)`);
      return 2;
    }
    const key = await em.transactional((tx) => addCountyKey(tx, config, county, file ? fs.readFileSync(file, 'utf8') : undefined));
    console.log(`${key.keyId}\t${county.name}\t${keyFingerprint(key.publicKey)}\t私钥 private key: ${config.documentKeysDir}/${key.keyId}.pem`);
    return 0;
  } finally {
    await db.close();
  }
}

const [command, ...rest] = process.argv.slice(2);
(command === 'verify' ? verifyCommand(rest) : command === 'keys' ? keysCommand(rest) : Promise.resolve(usage()))
  .then((code) => process.exit(code))
  .catch((err) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(2);
  });
