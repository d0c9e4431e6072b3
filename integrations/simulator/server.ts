/**
 * The one-stop platform simulator (省一体化政务服务平台模拟器): an HTTP service that
 * implements integrations/platform/openapi.yaml over an in-memory data set, and injects
 * faults on demand. It STANDS IN for the province platform in development and tests.
 *
 * Contract endpoints (signed, see integrations/platform/signing.ts):
 *   GET  /api/v1/business-apps | /api/v1/terminals | /api/v1/collected-values
 *   POST /api/v1/admission-items
 *   GET  /healthz (unsigned)
 *
 * Test and development endpoints, NOT part of the contract and unsigned:
 *   GET/POST /__sim/faults   read / replace the faults (fields of `Faults`; omitted → off)
 *   POST /__sim/reset        rebuild the data set from its seed, clear faults, stats, pushes, nonces
 *   POST /__sim/touch        { kind, count? | externalIds?, set? } mark records changed now
 *   POST /__sim/delete       { kind, count? | externalIds? } remove records
 *   GET  /__sim/stats        requests served, faults injected, pushes received
 *   GET  /__sim/pushed       the admission items pushed, one per documentNumber
 *
 * Faults act on /api/v1 only, in this order: latency, 429, 5xx, (signature check),
 * malformed page; then, on a listing page: malformed records, duplicates, out-of-order,
 * changes mid-sync. Random faults draw from a PRNG seeded from the data set's seed.
 */
import { createHash } from 'node:crypto';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { NonceCache, verifyRequest } from '../platform/signing';
import type { PlatformAdmissionPush } from '../platform/types';
import { COMMUNITY_CODE, TERMINAL_STATUSES, parseIsoTime, validateAdmissionPush } from '../platform/validation';
import { Dataset, RECORD_KINDS, SETTABLE_FIELDS, type AnyRecord, type DatasetOptions, type RecordKind } from './dataset';
import { Prng } from './prng';
import type { Position } from './store';

export const DEFAULT_APP_KEY = 'zhunru-demo';
export const DEFAULT_APP_SECRET = 'zhunru-demo-secret-change-me';
export const CONTRACT_DEFAULT_PAGE_SIZE = 100;
export const MAX_PAGE_SIZE = 1000;
export const MAX_COMMUNITY_CODES = 500;
const MAX_BODY_BYTES = 1 << 20;
/** Lists of injected records kept in the stats are capped at this length. */
const MAX_TRACKED = 10_000;

export interface Faults {
  /** Delay before answering each API request (ms). */
  latencyMs: number;
  /** When > 0, latencyMs applies to the next n API requests only, then latency is off. */
  latencyNext: number;
  /** Probability that an API request fails with 500/502/503. */
  errorRate: number;
  /** The next n API requests fail with 503. */
  status5xxNext: number;
  /** The next n API requests get 429 with Retry-After: retryAfterSeconds. */
  rateLimitNext: number;
  retryAfterSeconds: number;
  /** Probability that each record served is corrupted (missing field, bad code, bad time…). */
  malformedRate: number;
  /** The next n records served are corrupted. */
  malformedNext: number;
  /** The next n listing answers are broken as a whole (HTML instead of JSON, or no items array). */
  malformedPageNext: number;
  /** Per record of a full page: probability that it is served again on the next page (the cursor is set back). */
  duplicateRate: number;
  /** Shuffle the items within each page. */
  outOfOrder: boolean;
  /** Records not yet served that each page touches (moves to the end with updatedAt = now); 0 = off. */
  changeMidSync: number;
}

export const NO_FAULTS: Readonly<Faults> = Object.freeze({
  latencyMs: 0,
  latencyNext: 0,
  errorRate: 0,
  status5xxNext: 0,
  rateLimitNext: 0,
  retryAfterSeconds: 1,
  malformedRate: 0,
  malformedNext: 0,
  malformedPageNext: 0,
  duplicateRate: 0,
  outOfOrder: false,
  changeMidSync: 0,
});

export interface InjectedRecord {
  kind: RecordKind;
  externalId: string;
  defect?: string;
}

export interface SimulatorStats {
  scale: string;
  seed: string;
  records: Record<RecordKind, number>;
  requests: {
    total: number;
    api: number;
    byRoute: Record<string, number>;
    byStatus: Record<string, number>;
    unauthorized: number;
    /** API requests whose client had gone (e.g. timed out) before the answer. */
    abandoned: number;
  };
  pushes: { received: number; distinct: number };
  injected: {
    latency: number;
    rateLimited: number;
    status5xx: number;
    malformedPages: number;
    malformedRecords: number;
    duplicates: number;
    outOfOrderPages: number;
    changedMidSync: number;
    malformed: InjectedRecord[];
    duplicated: InjectedRecord[];
    changed: InjectedRecord[];
  };
}

export interface PushedItem {
  platformId: string;
  item: PlatformAdmissionPush;
  pushCount: number;
  firstReceivedAt: string;
  lastReceivedAt: string;
}

export interface SimulatorOptions {
  /** Default 0 (a free port). */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  appKey?: string;
  appSecret?: string;
  /** A built data set, or how to build one (default: demo scale, seed 'zhunru', now). */
  dataset?: Dataset | DatasetOptions;
  /** JSON log lines: true → stdout, a function → to it. Default off. */
  log?: boolean | ((entry: Record<string, unknown>) => void);
}

export interface RunningSimulator {
  /** e.g. http://127.0.0.1:41234 */
  readonly url: string;
  readonly port: number;
  /** The live fault settings: change fields directly, or call setFaults. */
  readonly faults: Faults;
  /** The current data set (a new one after reset). */
  readonly dataset: Dataset;
  /** Replaces every fault setting (omitted ones are off). */
  setFaults(faults: Partial<Faults>): Faults;
  reset(): void;
  stats(): SimulatorStats;
  pushed(): PushedItem[];
  close(): Promise<void>;
}

class HttpProblem extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

const emptyStats = (ds: Dataset): SimulatorStats => ({
  scale: ds.scale,
  seed: ds.seed,
  records: ds.counts(),
  requests: { total: 0, api: 0, byRoute: {}, byStatus: {}, unauthorized: 0, abandoned: 0 },
  pushes: { received: 0, distinct: 0 },
  injected: {
    latency: 0,
    rateLimited: 0,
    status5xx: 0,
    malformedPages: 0,
    malformedRecords: 0,
    duplicates: 0,
    outOfOrderPages: 0,
    changedMidSync: 0,
    malformed: [],
    duplicated: [],
    changed: [],
  },
});

const track = (list: InjectedRecord[], entry: InjectedRecord) => {
  if (list.length < MAX_TRACKED) list.push(entry);
};

/** Ways to corrupt a served record, per kind (cycled through). */
type Wire = Record<string, unknown>;
const DEFECTS: Record<RecordKind, Array<{ defect: string; apply: (o: Wire) => void }>> = {
  'business-apps': [
    { defect: '缺少字段 name (missing name)', apply: (o) => delete o.name },
    { defect: 'integrated 类型错误 (integrated not a boolean)', apply: (o) => (o.integrated = 'yes') },
    { defect: 'updatedAt 非法 (bad updatedAt)', apply: (o) => (o.updatedAt = '2026-13-45T25:61:00Z') },
    { defect: 'departmentUscc 非法 (bad departmentUscc)', apply: (o) => (o.departmentUscc = 'NOT-A-CREDIT-CODE!') },
  ],
  terminals: [
    { defect: 'communityCode 只有11位 (communityCode of 11 digits)', apply: (o) => (o.communityCode = String(o.communityCode).slice(0, 11)) },
    { defect: 'status 未知 (unknown status)', apply: (o) => (o.status = 'BROKEN') },
    { defect: '缺少字段 model (missing model)', apply: (o) => delete o.model },
    { defect: 'appExternalIds 不是数组 (appExternalIds not an array)', apply: (o) => (o.appExternalIds = (o.appExternalIds as string[]).join(',')) },
    { defect: 'lastSeenAt 非法 (bad lastSeenAt)', apply: (o) => (o.lastSeenAt = '昨天') },
  ],
  'collected-values': [
    { defect: 'communityCode 含字母 (communityCode with letters)', apply: (o) => (o.communityCode = `XX${String(o.communityCode).slice(2)}`) },
    { defect: 'value 不是字符串 (value not a string)', apply: (o) => (o.value = Number(o.value)) },
    { defect: 'period 非法 (bad period)', apply: (o) => (o.period = '2026-13') },
    { defect: '缺少字段 dataElementCode (missing dataElementCode)', apply: (o) => delete o.dataElementCode },
    { defect: 'updatedAt 非法 (bad updatedAt)', apply: (o) => (o.updatedAt = 'not-a-time') },
  ],
};

const KIND_ALIASES: Record<string, RecordKind> = {
  'business-apps': 'business-apps',
  businessApps: 'business-apps',
  terminals: 'terminals',
  'collected-values': 'collected-values',
  collectedValues: 'collected-values',
};

function encodeCursor(kind: RecordKind, r: AnyRecord): string {
  return Buffer.from(JSON.stringify({ k: kind, u: r.u, i: r.externalId })).toString('base64url');
}

function decodeCursor(kind: RecordKind, cursor: string): Position {
  try {
    const c = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as { k?: unknown; u?: unknown; i?: unknown };
    if (c.k === kind && typeof c.u === 'number' && Number.isFinite(c.u) && typeof c.i === 'string') return { u: c.u, id: c.i };
  } catch {
    // fall through
  }
  throw new HttpProblem(400, 'INVALID_CURSOR', `cursor 无效或不属于此列表 (invalid cursor, or a cursor of another listing)`);
}

function validateFaults(input: unknown): Faults {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw new HttpProblem(400, 'INVALID_BODY', '故障设置应为 JSON 对象 (faults must be a JSON object)');
  }
  const out: Faults = { ...NO_FAULTS };
  for (const [key, value] of Object.entries(input)) {
    if (!(key in NO_FAULTS))
      throw new HttpProblem(400, 'INVALID_BODY', `未知的故障 (unknown fault) "${key}"; 可用 (known): ${Object.keys(NO_FAULTS).join(', ')}`);
    const k = key as keyof Faults;
    if (k === 'outOfOrder') {
      if (typeof value !== 'boolean') throw new HttpProblem(400, 'INVALID_BODY', 'outOfOrder 应为布尔值 (must be a boolean)');
      out.outOfOrder = value;
    } else if (k === 'changeMidSync' && typeof value === 'boolean') {
      out.changeMidSync = value ? 3 : 0;
    } else if (k === 'errorRate' || k === 'malformedRate' || k === 'duplicateRate') {
      if (typeof value !== 'number' || !(value >= 0 && value <= 1))
        throw new HttpProblem(400, 'INVALID_BODY', `${k} 应为 0 到 1 之间的数 (must be a number from 0 to 1)`);
      out[k] = value;
    } else {
      if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > 3_600_000) {
        throw new HttpProblem(400, 'INVALID_BODY', `${k} 应为非负整数 (must be a non-negative integer)`);
      }
      out[k] = value;
    }
  }
  return out;
}

function parseJson(body: Buffer): unknown {
  if (body.length === 0) return {};
  try {
    return JSON.parse(body.toString('utf8'));
  } catch {
    throw new HttpProblem(400, 'INVALID_JSON', '请求体不是有效的 JSON (request body is not valid JSON)');
  }
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new HttpProblem(413, 'BODY_TOO_LARGE', `请求体超过 ${MAX_BODY_BYTES} 字节 (body larger than ${MAX_BODY_BYTES} bytes)`));
        req.resume();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

export async function startSimulator(options: SimulatorOptions = {}): Promise<RunningSimulator> {
  const appKey = options.appKey ?? DEFAULT_APP_KEY;
  const appSecret = options.appSecret ?? DEFAULT_APP_SECRET;
  const datasetOptions: DatasetOptions =
    options.dataset instanceof Dataset ? { scale: options.dataset.scale, seed: options.dataset.seed, now: options.dataset.now } : (options.dataset ?? {});
  const log =
    options.log === true
      ? (entry: Record<string, unknown>) => process.stdout.write(`${JSON.stringify(entry)}\n`)
      : typeof options.log === 'function'
        ? options.log
        : null;

  let dataset = options.dataset instanceof Dataset ? options.dataset : new Dataset(datasetOptions);
  // Keep the reference time of a built-in data set, so that reset rebuilds the same records.
  datasetOptions.now = dataset.now;
  const faults: Faults = { ...NO_FAULTS };
  let stats = emptyStats(dataset);
  let pushed = new Map<string, PushedItem>();
  const nonces = new NonceCache();
  let faultPrng = new Prng(`${dataset.seed}:faults`);
  let mutationPrng = new Prng(`${dataset.seed}:mutations`);
  const defectTurn: Record<RecordKind, number> = { 'business-apps': 0, terminals: 0, 'collected-values': 0 };
  const timers = new Set<NodeJS.Timeout>();

  const reset = () => {
    dataset = new Dataset(datasetOptions);
    Object.assign(faults, NO_FAULTS);
    stats = emptyStats(dataset);
    pushed = new Map();
    nonces.clear();
    faultPrng = new Prng(`${dataset.seed}:faults`);
    mutationPrng = new Prng(`${dataset.seed}:mutations`);
    for (const k of RECORD_KINDS) defectTurn[k] = 0;
  };

  const delay = (ms: number) =>
    new Promise<void>((resolve) => {
      const t = setTimeout(() => {
        timers.delete(t);
        resolve();
      }, ms);
      timers.add(t);
    });

  const send = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
    if (res.headersSent || res.destroyed) return;
    const text = typeof body === 'string' ? body : JSON.stringify(body);
    res.writeHead(status, {
      'content-type': typeof body === 'string' ? 'text/html; charset=utf-8' : 'application/json; charset=utf-8',
      'content-length': Buffer.byteLength(text),
      ...headers,
    });
    res.end(text);
  };

  // ------------------------------------------------------------ listing

  const kindOfPath: Record<string, RecordKind> = {
    '/api/v1/business-apps': 'business-apps',
    '/api/v1/terminals': 'terminals',
    '/api/v1/collected-values': 'collected-values',
  };

  const listing = (kind: RecordKind, search: string, res: ServerResponse) => {
    const params = new URLSearchParams(search);
    const sizeText = params.get('pageSize');
    const pageSize = sizeText === null ? CONTRACT_DEFAULT_PAGE_SIZE : Number(sizeText);
    if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > MAX_PAGE_SIZE || (sizeText !== null && !/^\d+$/.test(sizeText))) {
      throw new HttpProblem(
        400,
        'INVALID_PARAMETER',
        `pageSize 应为 1 到 ${MAX_PAGE_SIZE} 之间的整数 (pageSize must be an integer from 1 to ${MAX_PAGE_SIZE})`,
      );
    }
    const sinceText = params.get('updatedSince');
    const since = sinceText === null ? null : parseIsoTime(sinceText);
    if (since !== null && Number.isNaN(since)) {
      throw new HttpProblem(400, 'INVALID_PARAMETER', 'updatedSince 应为带时区的 ISO 8601 时间 (updatedSince must be an ISO 8601 date-time with zone)');
    }
    const cursorText = params.get('cursor');
    const after = cursorText === null ? null : decodeCursor(kind, cursorText);
    const codesText = params.get('communityCodes');
    let communities: string[] | null = null;
    if (codesText !== null) {
      communities = [...new Set(codesText.split(',').filter((c) => c !== ''))];
      if (communities.length === 0 || communities.length > MAX_COMMUNITY_CODES || communities.some((c) => !COMMUNITY_CODE.test(c))) {
        throw new HttpProblem(
          400,
          'INVALID_PARAMETER',
          `communityCodes 应为逗号分隔的 1 到 ${MAX_COMMUNITY_CODES} 个12位代码 (communityCodes must be 1 to ${MAX_COMMUNITY_CODES} comma-separated 12-digit codes)`,
        );
      }
    }

    if (faults.malformedPageNext > 0) {
      faults.malformedPageNext--;
      stats.injected.malformedPages++;
      // alternate: an HTML error page from a gateway, or JSON without the items array
      if (stats.injected.malformedPages % 2 === 1) return send(res, 200, '<html><body><h1>网关错误 Bad Gateway</h1></body></html>');
      return send(res, 200, { data: [], next: null });
    }

    const store = dataset.store(kind);
    const filter = kind === 'business-apps' ? null : communities; // apps belong to no community
    const fetched = store.page(since, after, pageSize + 1, filter);
    const page = fetched.slice(0, pageSize);
    const hasMore = fetched.length > pageSize;
    const items = page.map((r) => dataset.toWire(kind, r) as unknown as Wire);
    const last = page[page.length - 1];

    // duplicates: set the cursor back so the next page serves some of these records again
    let cursorRecord = last;
    if (hasMore && faults.duplicateRate > 0 && page.length > 1) {
      let k = 0;
      for (let i = 0; i < page.length; i++) if (faultPrng.chance(faults.duplicateRate)) k++;
      k = Math.min(k, page.length - 1);
      if (k > 0) {
        cursorRecord = page[page.length - 1 - k]!;
        stats.injected.duplicates += k;
        for (const r of page.slice(page.length - k)) track(stats.injected.duplicated, { kind, externalId: r.externalId });
      }
    }

    // changes mid-sync: records after this page move to the end (served later, changed)
    if (hasMore && faults.changeMidSync > 0 && last) {
      const segments = store.segments(since, { u: last.u, id: last.externalId }, filter);
      let remaining = 0;
      for (const s of segments) remaining += s.arr.length - s.start;
      const chosen = new Set<AnyRecord>();
      const want = Math.min(faults.changeMidSync, remaining);
      for (let guard = 0; chosen.size < want && guard < want * 20; guard++) {
        let n = Math.floor(faultPrng.next() * remaining);
        for (const s of segments) {
          const len = s.arr.length - s.start;
          if (n < len) {
            chosen.add(s.arr[s.start + n]);
            break;
          }
          n -= len;
        }
      }
      if (chosen.size) {
        dataset.touch(kind, [...chosen]);
        stats.injected.changedMidSync += chosen.size;
        for (const r of chosen) track(stats.injected.changed, { kind, externalId: r.externalId });
      }
    }

    // malformed records (the stored record stays intact: only this answer is corrupted)
    if (faults.malformedNext > 0 || faults.malformedRate > 0) {
      for (const item of items) {
        let corrupt = false;
        if (faults.malformedNext > 0) {
          faults.malformedNext--;
          corrupt = true;
        } else if (faults.malformedRate > 0 && faultPrng.chance(faults.malformedRate)) corrupt = true;
        if (!corrupt) continue;
        const defects = DEFECTS[kind];
        const d = defects[defectTurn[kind]++ % defects.length];
        const externalId = item.externalId as string;
        d.apply(item);
        stats.injected.malformedRecords++;
        track(stats.injected.malformed, { kind, externalId, defect: d.defect });
      }
    }

    if (faults.outOfOrder && items.length > 1) {
      const before = items.map((i) => i.externalId).join('\n');
      faultPrng.shuffle(items);
      if (items.map((i) => i.externalId).join('\n') === before) items.reverse();
      stats.injected.outOfOrderPages++;
    }

    send(res, 200, { items, nextCursor: hasMore && cursorRecord ? encodeCursor(kind, cursorRecord) : null });
  };

  // ------------------------------------------------------------ push

  const push = (body: Buffer, res: ServerResponse) => {
    const v = validateAdmissionPush(parseJson(body));
    if (!v.ok) throw new HttpProblem(400, 'INVALID_BODY', `准入事项无效 (invalid admission item): ${v.rejected.reason}`);
    const item = v.value;
    const now = new Date().toISOString();
    const existing = pushed.get(item.documentNumber);
    const platformId = existing?.platformId ?? `PT-${createHash('sha256').update(item.documentNumber).digest('hex').slice(0, 16).toUpperCase()}`;
    pushed.set(item.documentNumber, {
      platformId,
      item,
      pushCount: (existing?.pushCount ?? 0) + 1,
      firstReceivedAt: existing?.firstReceivedAt ?? now,
      lastReceivedAt: now,
    });
    stats.pushes.received++;
    stats.pushes.distinct = pushed.size;
    send(res, 200, { accepted: true, platformId });
  };

  // ------------------------------------------------------------ /__sim

  const chooseRecords = (kind: RecordKind, body: Record<string, unknown>): AnyRecord[] => {
    const store = dataset.store(kind);
    if (body.externalIds !== undefined) {
      if (!Array.isArray(body.externalIds) || body.externalIds.some((id) => typeof id !== 'string')) {
        throw new HttpProblem(400, 'INVALID_BODY', 'externalIds 应为字符串数组 (externalIds must be an array of strings)');
      }
      const found: AnyRecord[] = [];
      for (const id of body.externalIds as string[]) {
        const r = store.get(id);
        if (!r) throw new HttpProblem(404, 'NOT_FOUND', `没有此记录 (no such record): ${id}`);
        found.push(r);
      }
      return found;
    }
    const count = body.count ?? 1;
    if (typeof count !== 'number' || !Number.isInteger(count) || count < 0) {
      throw new HttpProblem(400, 'INVALID_BODY', 'count 应为非负整数 (count must be a non-negative integer)');
    }
    return dataset.pick(kind, count, mutationPrng);
  };

  const kindOf = (body: Record<string, unknown>): RecordKind => {
    const kind = typeof body.kind === 'string' ? KIND_ALIASES[body.kind] : undefined;
    if (!kind) throw new HttpProblem(400, 'INVALID_BODY', `kind 应为 (kind must be) ${RECORD_KINDS.join(' | ')}`);
    return kind;
  };

  const checkSet = (kind: RecordKind, set: unknown): Record<string, unknown> | undefined => {
    if (set === undefined) return undefined;
    if (typeof set !== 'object' || set === null || Array.isArray(set)) throw new HttpProblem(400, 'INVALID_BODY', 'set 应为对象 (set must be an object)');
    const allowed = SETTABLE_FIELDS[kind];
    for (const [field, value] of Object.entries(set)) {
      const type = allowed[field];
      const ok =
        type === 'string'
          ? typeof value === 'string' && value !== '' && (field !== 'communityCode' || COMMUNITY_CODE.test(value))
          : type === 'boolean'
            ? typeof value === 'boolean'
            : type === 'string[]'
              ? Array.isArray(value) && value.every((s) => typeof s === 'string')
              : type === 'status'
                ? (TERMINAL_STATUSES as readonly unknown[]).includes(value)
                : type === 'number'
                  ? Number.isFinite(Number(value)) && String(value).trim() !== ''
                  : false;
      if (!ok)
        throw new HttpProblem(
          400,
          'INVALID_BODY',
          `set.${field} 不可设置或取值无效 (cannot be set, or bad value); 可设置 (settable): ${Object.keys(allowed).join(', ')}`,
        );
    }
    return set as Record<string, unknown>;
  };

  const simRoute = (method: string, path: string, body: Buffer, res: ServerResponse) => {
    const route = `${method} ${path}`;
    switch (route) {
      case 'GET /__sim/faults':
        return send(res, 200, { faults });
      case 'POST /__sim/faults':
        Object.assign(faults, validateFaults(parseJson(body)));
        return send(res, 200, { faults });
      case 'POST /__sim/reset':
        reset();
        return send(res, 200, { ok: true, records: dataset.counts(), buildMs: dataset.buildMs });
      case 'POST /__sim/touch': {
        const b = parseJson(body) as Record<string, unknown>;
        const kind = kindOf(b);
        const set = checkSet(kind, b.set);
        const records = chooseRecords(kind, b);
        const at = dataset.touch(kind, records, set);
        return send(res, 200, { kind, touched: records.map((r) => r.externalId), updatedAt: new Date(at).toISOString() });
      }
      case 'POST /__sim/delete': {
        const b = parseJson(body) as Record<string, unknown>;
        const kind = kindOf(b);
        const records = chooseRecords(kind, b);
        dataset.remove(kind, records);
        stats.records = dataset.counts();
        return send(res, 200, { kind, deleted: records.map((r) => r.externalId) });
      }
      case 'GET /__sim/stats':
        stats.records = dataset.counts();
        return send(res, 200, stats);
      case 'GET /__sim/pushed':
        return send(res, 200, { items: [...pushed.values()] });
      default:
        throw new HttpProblem(404, 'NOT_FOUND', `没有此接口 (no such endpoint): ${route}`);
    }
  };

  // ------------------------------------------------------------ pipeline

  const apiRoute = async (req: IncomingMessage, res: ServerResponse, path: string, search: string, body: Buffer, note: Record<string, unknown>) => {
    stats.requests.api++;
    let gone = false;
    res.on('close', () => {
      if (!res.writableFinished) gone = true;
    });

    if (faults.latencyMs > 0) {
      const ms = faults.latencyMs;
      if (faults.latencyNext > 0 && --faults.latencyNext === 0) faults.latencyMs = 0;
      stats.injected.latency++;
      note.latencyMs = ms;
      await delay(ms);
      if (gone) {
        stats.requests.abandoned++;
        return;
      }
    }
    if (faults.rateLimitNext > 0) {
      faults.rateLimitNext--;
      stats.injected.rateLimited++;
      note.fault = 'rateLimit';
      return send(
        res,
        429,
        { code: 'RATE_LIMITED', message: '请求过于频繁，请稍后重试 (too many requests, retry later)' },
        { 'retry-after': String(faults.retryAfterSeconds) },
      );
    }
    if (faults.status5xxNext > 0 || (faults.errorRate > 0 && faultPrng.chance(faults.errorRate))) {
      const forced = faults.status5xxNext > 0;
      if (forced) faults.status5xxNext--;
      const status = forced ? 503 : faultPrng.pick([500, 502, 503]);
      stats.injected.status5xx++;
      note.fault = `status${status}`;
      return send(res, status, {
        code: status === 500 ? 'INTERNAL' : status === 502 ? 'BAD_GATEWAY' : 'SERVICE_UNAVAILABLE',
        message: '平台暂时不可用 (platform temporarily unavailable)',
      });
    }

    const method = req.method ?? 'GET';
    const verdict = verifyRequest({
      method,
      path,
      query: search,
      headers: req.headers,
      body,
      secretFor: (key) => (key === appKey ? appSecret : undefined),
      nonces,
    });
    if (!verdict.ok) {
      stats.requests.unauthorized++;
      note.fault = verdict.code;
      return send(res, 401, { code: verdict.code, message: verdict.message });
    }

    const kind = kindOfPath[path];
    if (kind) {
      if (method !== 'GET') throw new HttpProblem(405, 'METHOD_NOT_ALLOWED', `${path} 只支持 GET (only GET)`);
      return listing(kind, search, res);
    }
    if (path === '/api/v1/admission-items') {
      if (method !== 'POST') throw new HttpProblem(405, 'METHOD_NOT_ALLOWED', `${path} 只支持 POST (only POST)`);
      return push(body, res);
    }
    throw new HttpProblem(404, 'NOT_FOUND', `没有此接口 (no such endpoint): ${method} ${path}`);
  };

  const KNOWN_ROUTES = new Set(['/healthz', ...Object.keys(kindOfPath), '/api/v1/admission-items']);

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const started = Date.now();
    const url = req.url ?? '/';
    const q = url.indexOf('?');
    const path = q < 0 ? url : url.slice(0, q);
    const search = q < 0 ? '' : url.slice(q + 1);
    const method = req.method ?? 'GET';
    const note: Record<string, unknown> = {};
    stats.requests.total++;
    const routeKey = KNOWN_ROUTES.has(path) || path.startsWith('/__sim/') ? `${method} ${path}` : 'other';
    stats.requests.byRoute[routeKey] = (stats.requests.byRoute[routeKey] ?? 0) + 1;
    res.on('finish', () => {
      stats.requests.byStatus[res.statusCode] = (stats.requests.byStatus[res.statusCode] ?? 0) + 1;
      log?.({
        time: new Date().toISOString(),
        level: 'info',
        msg: 'request',
        method,
        path,
        query: search || undefined,
        status: res.statusCode,
        durationMs: Date.now() - started,
        ...note,
      });
    });
    try {
      const body = await readBody(req);
      if (path === '/healthz') {
        return send(res, 200, { status: 'ok', service: 'zhunru-platform-simulator', scale: dataset.scale, records: dataset.counts() });
      }
      if (path.startsWith('/__sim/')) return simRoute(method, path, body, res);
      if (path.startsWith('/api/')) return await apiRoute(req, res, path, search, body, note);
      throw new HttpProblem(404, 'NOT_FOUND', `没有此接口 (no such endpoint): ${method} ${path}`);
    } catch (e) {
      if (e instanceof HttpProblem) return send(res, e.status, { code: e.code, message: e.message }, e.status === 413 ? { connection: 'close' } : {});
      log?.({ time: new Date().toISOString(), level: 'error', msg: 'unhandled error', method, path, error: String((e as Error)?.stack ?? e) });
      send(res, 500, { code: 'INTERNAL', message: '模拟器内部错误 (simulator internal error)' });
    }
  };

  const server = http.createServer((req, res) => void handle(req, res));
  // Longer than clients' idle keep-alive, so the server never closes a socket a client is about to reuse.
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  const url = `http://${host === '0.0.0.0' || host === '[::]' ? '127.0.0.1' : host}:${address.port}`;

  return {
    url,
    port: address.port,
    faults,
    get dataset() {
      return dataset;
    },
    setFaults(next: Partial<Faults>) {
      Object.assign(faults, validateFaults(next));
      return faults;
    },
    reset,
    stats: () => {
      stats.records = dataset.counts();
      return stats;
    },
    pushed: () => [...pushed.values()],
    close: () =>
      new Promise<void>((resolve) => {
        for (const t of timers) clearTimeout(t);
        timers.clear();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
