/**
 * The approval document's verification core: the signed text, the compact payload the QR
 * code carries, the scope check and THE verdict — one set of functions for every way of
 * verifying. The server (GraphQL `verifyApprovalDocument` / `verifyApprovalPayload`, the
 * PDF, `npm run document:verify`) imports them; the offline verification page embeds the very
 * same functions as JavaScript (`CORE_FUNCTIONS`, serialized with `Function.prototype.toString`),
 * so the browser decides exactly as the server does.
 *
 * Rules for this file: no imports, no module-level state; every function stands alone or
 * calls only the other functions listed in CORE_FUNCTIONS; plain data in and out.
 *
 * ## The signed text (canonical form, version 1)
 *
 * UTF-8, lines separated by LF, no trailing newline, fields in this order:
 *
 *     ZHUNRU-APPROVAL/1
 *     number:青社工准〔2026〕12号
 *     county:511828
 *     countyName:青衣县
 *     department:青衣县民政局
 *     departmentCode:11511828MB1234567X        (unified social credit code; empty when unknown)
 *     title:城乡低保年度复核入户调查
 *     scope:T:511828001000,511828002000      (C = whole county; T: townships; V: communities; 12-digit codes)
 *     scopeHash:<SM3 hex of the sorted 12-digit community codes joined by ",">
 *     validFrom:2026-01-05
 *     validUntil:2026-12-31                  (empty: standing item)
 *     provisionalUntil:2026-01-12T02:00:00.000Z   (emergency entry: approval deadline; else empty)
 *     issuedAt:2026-01-05T03:04:05.000Z
 *     keyId:511828-20260105-3fa2
 *
 * No value contains a line break (they are replaced by spaces when the document is issued).
 *
 * ## The compact payload (what the QR code carries)
 *
 *     ZR1.<base64url of the signed text's UTF-8 bytes>.<base64url of the SM2 signature, r ‖ s, 64 bytes>
 */

export interface DocumentFields {
  number: string;
  county: string;
  countyName: string;
  department: string;
  departmentCode: string;
  title: string;
  scope: string;
  scopeHash: string;
  validFrom: string;
  validUntil: string;
  provisionalUntil: string;
  issuedAt: string;
  keyId: string;
}

/** Every verdict. VALID only when every check passed. */
export type VerdictCode =
  | 'VALID'
  | 'UNKNOWN_NUMBER'
  | 'MALFORMED_PAYLOAD'
  | 'UNKNOWN_KEY'
  | 'SIGNATURE_INVALID'
  | 'CODE_MISMATCH'
  | 'RECORD_MISMATCH'
  | 'UNKNOWN_COMMUNITY'
  | 'REVOKED'
  | 'COMPLETED'
  | 'EXPIRED'
  | 'NOT_YET_VALID'
  | 'EMERGENCY_OVERDUE'
  | 'NOT_IN_EFFECT'
  | 'OUT_OF_SCOPE'
  | 'CODE_REQUIRED';

/** Where the item stands: from the application (online) or the signed revocation list (offline). */
export type DocumentState = 'IN_EFFECT' | 'PROVISIONAL' | 'REVOKED' | 'COMPLETED' | 'NOT_IN_EFFECT';

/** What the verdict is decided from. */
export interface VerdictFacts {
  /** The document exists (online), or the payload is well formed (offline). */
  found: boolean;
  /** Why not found, when it is not the number (MALFORMED_PAYLOAD). */
  notFound?: VerdictCode | null;
  /** Signature / code checked: true or false; null when none was given. */
  authentic: boolean | null;
  /** Why not authentic: SIGNATURE_INVALID, CODE_MISMATCH, UNKNOWN_KEY or RECORD_MISMATCH. */
  failure?: VerdictCode | null;
  communityKnown: boolean;
  inScope: boolean;
  state: DocumentState;
  validFrom: string;
  validUntil: string | null;
  /** Approval deadline of a provisional (emergency) document, ISO time. */
  provisionalUntil: string | null;
  /** Today in China Standard Time, YYYY-MM-DD. */
  today: string;
  /** Now, ISO time. */
  now: string;
}

export const CANONICAL_HEADER = 'ZHUNRU-APPROVAL/1';
export const PAYLOAD_PREFIX = 'ZR1';
export const FIELD_ORDER = [
  'number',
  'county',
  'countyName',
  'department',
  'departmentCode',
  'title',
  'scope',
  'scopeHash',
  'validFrom',
  'validUntil',
  'provisionalUntil',
  'issuedAt',
  'keyId',
] as const;

/** The verdict. Authenticity first (a wrong code or signature is never anything better), then the document's state, dates and scope. */
export function decideVerdict(f: VerdictFacts): VerdictCode {
  if (!f.found) return f.notFound || 'UNKNOWN_NUMBER';
  if (f.authentic === false) return f.failure || 'SIGNATURE_INVALID';
  if (!f.communityKnown) return 'UNKNOWN_COMMUNITY';
  if (f.state === 'REVOKED') return 'REVOKED';
  if (f.state === 'COMPLETED') return 'COMPLETED';
  if (f.validUntil && f.validUntil < f.today) return 'EXPIRED';
  if (f.validFrom > f.today) return 'NOT_YET_VALID';
  if (f.state === 'PROVISIONAL' && f.provisionalUntil && f.provisionalUntil < f.now) return 'EMERGENCY_OVERDUE';
  if (f.state === 'NOT_IN_EFFECT') return 'NOT_IN_EFFECT';
  if (!f.inScope) return 'OUT_OF_SCOPE';
  if (f.authentic !== true) return 'CODE_REQUIRED';
  return 'VALID';
}

/** Chinese and English explanation of each verdict. */
export function verdictMessages(): Record<VerdictCode, [string, string]> {
  return {
    VALID: ['批准文书真实有效，该事项今日可以进入本村（社区）。', 'The document is genuine and valid: the item may enter this community today.'],
    UNKNOWN_NUMBER: ['查无此批准文书文号，可拒绝执行并举报。', 'No such document number: the community may refuse and report.'],
    MALFORMED_PAYLOAD: [
      '二维码内容不是本平台的批准文书，可能系伪造，可拒绝执行并举报。',
      'The QR code is not an approval document of this platform; it may be forged: refuse and report.',
    ],
    UNKNOWN_KEY: [
      '文书所用签名密钥未经发布，文书可能系伪造，可拒绝执行并举报。',
      'The document names a signing key that was never published; it may be forged: refuse and report.',
    ],
    SIGNATURE_INVALID: [
      '电子签名验证失败：文书内容被篡改或系伪造，可拒绝执行并举报。',
      'The SM2 signature does not verify: the document was altered or forged; refuse and report.',
    ],
    CODE_MISMATCH: [
      '核验码与该文书不符：文书可能系伪造或被篡改，可拒绝执行并举报。',
      'The verification code does not match this document: it may be forged or altered; refuse and report.',
    ],
    RECORD_MISMATCH: [
      '文书签名真实，但与平台登记的内容不一致，请联系县委社会工作部核实。',
      'The signature is genuine but the document differs from the platform record: ask the county to check.',
    ],
    UNKNOWN_COMMUNITY: ['村（社区）代码不存在。', 'No community with this code.'],
    REVOKED: ['批准文书已撤销，事项应退出，可拒绝执行。', 'The document was revoked: the item must leave; the community may refuse.'],
    COMPLETED: ['该事项已完成，不应再要求村（社区）办理，可拒绝执行。', 'The item is completed: it may no longer be demanded of the community.'],
    EXPIRED: ['批准文书已过有效期，事项应退出，可拒绝执行。', 'The document has expired: the item must leave; the community may refuse.'],
    NOT_YET_VALID: ['批准文书尚未生效，暂不能进入。', 'The document is not valid yet: the item may not enter yet.'],
    EMERGENCY_OVERDUE: [
      '紧急事项（先进后批）已超过补批期限仍未获批，不能继续进入，可拒绝执行并报告。',
      'Emergency entry past its approval deadline without approval: it may not continue; refuse and report.',
    ],
    NOT_IN_EFFECT: ['该事项尚未批准实施，不应要求村（社区）办理。', 'The item is not approved and in effect.'],
    OUT_OF_SCOPE: ['本村（社区）不在批准范围内，可拒绝执行。', 'This community is outside the approved scope: it may refuse.'],
    CODE_REQUIRED: [
      '文书登记状态正常，但须输入文书上的核验码或签名（或扫描二维码）才能确认真伪。',
      'The record is in order, but give the verification code or signature printed on the document (or scan its QR code) to confirm it is genuine.',
    ],
  };
}

/** Bytes → base64url without padding. */
export function b64uEncode(bytes: Uint8Array): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
  let out = '';
  let i = 0;
  for (; i + 2 < bytes.length; i += 3) {
    const n = (bytes[i] << 16) | (bytes[i + 1] << 8) | bytes[i + 2];
    out += alphabet[(n >> 18) & 63] + alphabet[(n >> 12) & 63] + alphabet[(n >> 6) & 63] + alphabet[n & 63];
  }
  if (i < bytes.length) {
    const n = (bytes[i] << 16) | ((i + 1 < bytes.length ? bytes[i + 1] : 0) << 8);
    out += alphabet[(n >> 18) & 63] + alphabet[(n >> 12) & 63];
    if (i + 1 < bytes.length) out += alphabet[(n >> 6) & 63];
  }
  return out;
}

/** base64url (no padding) → bytes; null when it is not canonical base64url. */
export function b64uDecode(text: string): Uint8Array | null {
  if (!/^[A-Za-z0-9_-]*$/.test(text) || text.length % 4 === 1) return null;
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
  const out: number[] = [];
  let bits = 0;
  let value = 0;
  for (const c of text) {
    value = (value << 6) | alphabet.indexOf(c);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out.push((value >> bits) & 255);
    }
  }
  const bytes = new Uint8Array(out);
  return b64uEncode(bytes) === text ? bytes : null;
}

/** Crockford base 32 of `bytes` (upper case, no padding). */
export function base32Encode(bytes: Uint8Array): string {
  const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
  let out = '';
  let bits = 0;
  let value = 0;
  for (const b of bytes) {
    value = ((value << 8) | b) & 0xffff;
    bits += 8;
    while (bits >= 5) {
      out += alphabet[(value >> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += alphabet[(value << (5 - bits)) & 31];
  return out;
}

/** A Crockford base-32 text as typed (case, spaces and hyphens ignored; O → 0, I/L → 1) → bytes of `length`; null when it cannot be. */
export function base32Decode(typed: string, length: number): Uint8Array | null {
  const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
  const text = typed
    .toUpperCase()
    .replace(/[\s\-_.]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
  if (text.length !== Math.ceil((length * 8) / 5)) return null;
  const out: number[] = [];
  let bits = 0;
  let value = 0;
  for (const c of text) {
    const v = alphabet.indexOf(c);
    if (v < 0) return null;
    value = ((value << 5) | v) & 0xffff;
    bits += 5;
    if (bits >= 8) {
      bits -= 8;
      out.push((value >> bits) & 255);
    }
  }
  return out.length === length ? new Uint8Array(out) : null;
}

/** Groups of four, as printed: 7KQ2-M9XD-… */
export function groupsOfFour(text: string): string {
  return (text.match(/.{1,4}/g) || []).join('-');
}

/** The signed text of a document. */
export function buildCanonical(fields: DocumentFields): string {
  const order = [
    'number',
    'county',
    'countyName',
    'department',
    'departmentCode',
    'title',
    'scope',
    'scopeHash',
    'validFrom',
    'validUntil',
    'provisionalUntil',
    'issuedAt',
    'keyId',
  ];
  const lines = ['ZHUNRU-APPROVAL/1'];
  for (const k of order) lines.push(k + ':' + String((fields as unknown as Record<string, string>)[k] ?? '').replace(/[\r\n]+/g, ' '));
  return lines.join('\n');
}

/** The fields of a signed text; null unless it is exactly a canonical text of version 1. */
export function parseCanonical(text: string): DocumentFields | null {
  const order = [
    'number',
    'county',
    'countyName',
    'department',
    'departmentCode',
    'title',
    'scope',
    'scopeHash',
    'validFrom',
    'validUntil',
    'provisionalUntil',
    'issuedAt',
    'keyId',
  ];
  const lines = text.split('\n');
  if (lines.length !== order.length + 1 || lines[0] !== 'ZHUNRU-APPROVAL/1') return null;
  const fields: Record<string, string> = {};
  for (let i = 0; i < order.length; i++) {
    const line = lines[i + 1];
    const prefix = order[i] + ':';
    if (line.slice(0, prefix.length) !== prefix) return null;
    fields[order[i]] = line.slice(prefix.length);
  }
  const f = fields as unknown as DocumentFields;
  const date = /^\d{4}-\d{2}-\d{2}$/;
  if (!f.number || !/^\d{6}$/.test(f.county) || !date.test(f.validFrom) || (f.validUntil && !date.test(f.validUntil))) return null;
  if (!/^[0-9a-f]{64}$/.test(f.scopeHash) || !/^(C|[TV]:\d{9,12}(,\d{9,12})*)$/.test(f.scope) || !f.keyId || !f.issuedAt) return null;
  return buildCanonical(f) === text ? f : null;
}

/** The compact payload of a signed text and its signature. */
export function encodePayload(canonical: string, signature: Uint8Array): string {
  return 'ZR1.' + b64uEncode(new TextEncoder().encode(canonical)) + '.' + b64uEncode(signature);
}

/** A payload as scanned or pasted (surrounding text and line breaks tolerated) → its parts; null when malformed. */
export function parsePayload(input: string): { canonical: string; fields: DocumentFields; signature: Uint8Array; payload: string } | null {
  const m = /ZR1\.([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]+)/.exec(String(input || '').replace(/\s+/g, ''));
  if (!m) return null;
  const body = b64uDecode(m[1]);
  const signature = b64uDecode(m[2]);
  if (!body || !signature || signature.length !== 64) return null;
  let canonical: string;
  try {
    canonical = new TextDecoder('utf-8', { fatal: true }).decode(body);
  } catch {
    return null;
  }
  const fields = parseCanonical(canonical);
  if (!fields) return null;
  return { canonical, fields, signature, payload: m[0] };
}

/** Whether a community (12-digit code) lies in a scope descriptor of a county. */
export function scopeIncludes(scope: string, county: string, communityCode: string): boolean {
  if (!/^\d{12}$/.test(communityCode) || communityCode.slice(0, 6) !== county) return false;
  if (scope === 'C') return true;
  const codes = scope.slice(2).split(',');
  // Townships by their statistical code (12 digits, or the 9 that name the township): the community's first 9 digits.
  if (scope[0] === 'T') return codes.some((t) => t.slice(0, 9) === communityCode.slice(0, 9));
  if (scope[0] === 'V') return codes.indexOf(communityCode) >= 0;
  return false;
}

/** The 16-character verification code (核验码) of a signature: SM3 of the signature, first 80 bits, Crockford base 32. `sm3hex` is the SM3 function (hex out). */
export function verificationCodeOf(signature: Uint8Array, sm3hex: (bytes: Uint8Array) => string): string {
  const hex = sm3hex(signature).slice(0, 20);
  const bytes = new Uint8Array(10);
  for (let i = 0; i < 10; i++) bytes[i] = parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return groupsOfFour(base32Encode(bytes));
}

/** A county's signed revocation list as distributed: the exact JSON text signed, its signature and key. */
export interface SignedList {
  body: string;
  signature: string;
  keyId: string;
}

export interface RevocationEntry {
  number: string;
  /** REVOKED: the item must leave; COMPLETED: done; CONFIRMED: an emergency entry approved after the fact. */
  status: 'REVOKED' | 'COMPLETED' | 'CONFIRMED';
  at: string;
  reason?: string;
}

export interface RevocationList {
  format: 'ZHUNRU-REVOCATIONS/1';
  county: string;
  countyName: string;
  listDate: string;
  /** Documents issued from this date on are covered. */
  since: string;
  keyId: string;
  entries: RevocationEntry[];
}

export interface PublishedKey {
  keyId: string;
  county: string;
  publicKey: string;
}

/** The lists whose signatures check out under their county's published keys (others are dropped). */
export function verifiedLists(
  lists: SignedList[],
  keys: PublishedKey[],
  verify: (text: string, signature: Uint8Array, publicKey: string) => boolean,
): RevocationList[] {
  const out: RevocationList[] = [];
  for (const l of lists || []) {
    const key = keys.find((k) => k.keyId === l.keyId);
    const sig = b64uDecode(l.signature || '');
    if (!key || !sig || sig.length !== 64 || !verify(l.body, sig, key.publicKey)) continue;
    let list: RevocationList;
    try {
      // eslint-disable-next-line @typescript-eslint/no-unsafe-assignment -- JSON read from a file or a column; its shape is checked where it is used
      list = JSON.parse(l.body);
    } catch {
      continue;
    }
    if (list.format !== 'ZHUNRU-REVOCATIONS/1' || list.county !== key.county || list.keyId !== l.keyId || !Array.isArray(list.entries)) continue;
    out.push(list);
  }
  return out;
}

/** The item's state as an offline check sees it: from the newest verified list of its county. */
export function stateFromList(fields: DocumentFields, entry: RevocationEntry | null): DocumentState {
  if (entry && entry.status === 'REVOKED') return 'REVOKED';
  if (entry && entry.status === 'COMPLETED') return 'COMPLETED';
  if (fields.provisionalUntil && !(entry && entry.status === 'CONFIRMED')) return 'PROVISIONAL';
  return 'IN_EFFECT';
}

export interface OfflineInput {
  /** A scanned or pasted payload; or `number` with `typedSignature` (found in `register`). */
  payload?: string | null;
  number?: string | null;
  typedSignature?: string | null;
  communityCode: string;
  keys: PublishedKey[];
  /** Verified lists (see verifiedLists). */
  lists: RevocationList[];
  /** Signed texts of documents (a county's register), for typed checks. */
  register?: string[];
  today: string;
  now: string;
}

export interface OfflineOutcome {
  result: VerdictCode;
  fields: DocumentFields | null;
  /** Date of the revocation list the answer relies on; null when there is none for the county. */
  listDate: string | null;
  entry: RevocationEntry | null;
}

/** The offline verdict: signature under the published key, the revocation list, validity and scope — then decideVerdict. */
export function offlineVerdict(input: OfflineInput, verify: (text: string, signature: Uint8Array, publicKey: string) => boolean): OfflineOutcome {
  const base = {
    communityKnown: /^\d{12}$/.test(input.communityCode || ''),
    inScope: false,
    state: 'NOT_IN_EFFECT' as DocumentState,
    validFrom: input.today,
    validUntil: null,
    provisionalUntil: null,
    today: input.today,
    now: input.now,
  };
  let canonical: string | null = null;
  let fields: DocumentFields | null = null;
  let signature: Uint8Array | null = null;
  if (input.payload) {
    const parsed = parsePayload(input.payload);
    if (!parsed)
      return { result: decideVerdict({ ...base, found: false, notFound: 'MALFORMED_PAYLOAD', authentic: null }), fields: null, listDate: null, entry: null };
    canonical = parsed.canonical;
    fields = parsed.fields;
    signature = parsed.signature;
  } else {
    const number = String(input.number || '').trim();
    for (const text of input.register || []) {
      const f = parseCanonical(text);
      if (f && f.number === number) {
        canonical = text;
        fields = f;
      }
    }
    if (!fields) return { result: decideVerdict({ ...base, found: false, authentic: null }), fields: null, listDate: null, entry: null };
    signature = input.typedSignature ? base32Decode(input.typedSignature, 64) : null;
  }
  const f = fields;
  const key = input.keys.find((k) => k.keyId === f.keyId && k.county === f.county);
  let authentic: boolean | null = null;
  let failure: VerdictCode | null = null;
  if (!key) {
    authentic = false;
    failure = 'UNKNOWN_KEY';
  } else if (signature) {
    authentic = verify(canonical as string, signature, key.publicKey);
    failure = authentic ? null : 'SIGNATURE_INVALID';
  } else if (input.typedSignature) {
    authentic = false;
    failure = 'SIGNATURE_INVALID';
  }
  let list: RevocationList | null = null;
  for (const l of input.lists || []) if (l.county === f.county && (!list || l.listDate > list.listDate)) list = l;
  let entry: RevocationEntry | null = null;
  if (list) for (const e of list.entries) if (e.number === f.number) entry = e;
  const result = decideVerdict({
    found: true,
    authentic,
    failure,
    communityKnown: base.communityKnown,
    inScope: scopeIncludes(f.scope, f.county, input.communityCode),
    state: stateFromList(f, entry),
    validFrom: f.validFrom,
    validUntil: f.validUntil || null,
    provisionalUntil: f.provisionalUntil || null,
    today: input.today,
    now: input.now,
  });
  return { result, fields: f, listDate: list ? list.listDate : null, entry };
}

/** The functions the offline page embeds, in dependency order (see src/admission/verify-page.ts). */
export const CORE_FUNCTIONS = [
  decideVerdict,
  verdictMessages,
  b64uEncode,
  b64uDecode,
  base32Encode,
  base32Decode,
  groupsOfFour,
  buildCanonical,
  parseCanonical,
  encodePayload,
  parsePayload,
  scopeIncludes,
  verificationCodeOf,
  verifiedLists,
  stateFromList,
  offlineVerdict,
];
