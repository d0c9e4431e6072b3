/**
 * Hand-written validators for the records of the one-stop platform's contract
 * (openapi.yaml, components/schemas). A record either passes completely, and comes
 * back as a NEW object holding exactly the fields of types.ts (unknown fields dropped,
 * times normalised to UTC ISO 8601 with milliseconds), or is rejected with every
 * problem found, in Chinese with English. Nothing is ever half-imported.
 */
import { isValidUscc } from '../../src/organisation';
import type { PlatformAdmissionPush, PlatformBusinessApp, PlatformCollectedValue, PlatformTerminal, PlatformTerminalStatus, RejectedRecord } from './types';

export const COMMUNITY_CODE = /^\d{12}$/;
export const COUNTY_CODE = /^\d{6}$/;
/** `2026-10` (month), `2026Q3` (quarter) or `2026` (year). */
export const PERIOD = /^\d{4}(?:-(?:0[1-9]|1[0-2])|Q[1-4])?$/;
export const DATA_ELEMENT_CODE = /^[A-Za-z0-9._-]{1,64}$/;
export const TERMINAL_STATUSES: readonly PlatformTerminalStatus[] = ['ACTIVE', 'CONSOLIDATED', 'DECOMMISSIONED'];
export const ADMISSION_PUSH_STATUSES: readonly PlatformAdmissionPush['status'][] = ['IN_EFFECT', 'REVOKED', 'COMPLETED'];

export const MAX_ID_LENGTH = 128;
export const MAX_TEXT_LENGTH = 200;
export const MAX_VALUE_LENGTH = 4000;

const ISO_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?(Z|([+-])(\d{2}):(\d{2}))$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

const daysIn = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/**
 * Milliseconds since the epoch of a strict ISO 8601 date-time with an explicit zone
 * (`Z` or `±hh:mm`), or NaN. Impossible dates (2026-02-30, hour 24) are NaN.
 */
export function parseIsoTime(value: string): number {
  const m = ISO_TIME.exec(value);
  if (!m) return NaN;
  const [year, month, day, hour, minute, second] = [m[1], m[2], m[3], m[4], m[5], m[6]].map(Number) as [number, number, number, number, number, number];
  if (month < 1 || month > 12 || day < 1 || day > daysIn(year, month) || hour > 23 || minute > 59 || second > 59) return NaN;
  const ms = m[7] ? Number(m[7].slice(0, 3).padEnd(3, '0')) : 0;
  let offset = 0;
  if (m[8] !== 'Z') {
    const oh = Number(m[10]);
    const om = Number(m[11]);
    if (oh > 14 || om > 59) return NaN;
    offset = (m[9] === '-' ? -1 : 1) * (oh * 60 + om) * 60_000;
  }
  const utc = Date.UTC(year, month - 1, day, hour, minute, second, ms) - offset;
  return Number.isFinite(utc) ? utc : NaN;
}

/** A date-time as above, or a plain date `YYYY-MM-DD` (midnight UTC). */
export function parseIsoDateOrTime(value: string): number {
  const d = ISO_DATE.exec(value);
  if (!d) return parseIsoTime(value);
  const [year, month, day] = [Number(d[1]), Number(d[2]), Number(d[3])];
  if (month < 1 || month > 12 || day < 1 || day > daysIn(year, month)) return NaN;
  return Date.UTC(year, month - 1, day);
}

const typeName = (v: unknown) => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v);
const show = (v: unknown) => {
  const s = typeof v === 'string' ? JSON.stringify(v) : typeName(v);
  return s.length > 60 ? `${s.slice(0, 57)}…` : s;
};

/**
 * Reads the fields of one raw record and collects every problem. Each getter returns a
 * placeholder when the field is bad; the record is only used when `problems` is empty.
 */
class FieldReader {
  readonly problems: string[] = [];
  constructor(readonly raw: Record<string, unknown>) {}

  private missing(field: string): boolean {
    if (this.raw[field] === undefined) {
      this.problems.push(`缺少字段 ${field} (missing field ${field})`);
      return true;
    }
    return false;
  }

  private wrongType(field: string, zhType: string, enType: string): void {
    this.problems.push(`字段 ${field} 应为${zhType} (${field} must be ${enType}), 实际为 (got) ${typeName(this.raw[field])}`);
  }

  string(field: string, maxLength = MAX_TEXT_LENGTH, allowEmpty = false): string {
    if (this.missing(field)) return '';
    const v = this.raw[field];
    if (typeof v !== 'string') {
      this.wrongType(field, '字符串', 'a string');
      return '';
    }
    if (!allowEmpty && v.trim() === '') this.problems.push(`字段 ${field} 不能为空 (${field} must not be empty)`);
    else if (v.length > maxLength) this.problems.push(`字段 ${field} 超过 ${maxLength} 个字符 (${field} is longer than ${maxLength} characters)`);
    return v;
  }

  /** A string that may be null (but must be present). */
  nullableString(field: string, maxLength = MAX_TEXT_LENGTH): string | null {
    if (this.missing(field)) return null;
    return this.raw[field] === null ? null : this.string(field, maxLength);
  }

  pattern(field: string, re: RegExp, zh: string, en: string, maxLength = MAX_TEXT_LENGTH): string {
    const before = this.problems.length;
    const v = this.string(field, maxLength);
    if (this.problems.length === before && !re.test(v)) {
      this.problems.push(`字段 ${field} 应为${zh} (${field} must be ${en}), 实际为 (got) ${show(v)}`);
    }
    return v;
  }

  communityCode(field = 'communityCode'): string {
    return this.pattern(field, COMMUNITY_CODE, '12位统计用区划代码', 'a 12-digit statistical division code', 12 * 4);
  }

  boolean(field: string): boolean {
    if (this.missing(field)) return false;
    const v = this.raw[field];
    if (typeof v !== 'boolean') {
      this.wrongType(field, '布尔值', 'a boolean');
      return false;
    }
    return v;
  }

  optionalBoolean(field: string): boolean | undefined {
    return this.raw[field] === undefined || this.raw[field] === null ? undefined : this.boolean(field);
  }

  /** ISO 8601 date-time with zone, normalised to `toISOString()`. */
  time(field: string): string {
    const before = this.problems.length;
    const v = this.string(field, 64);
    if (this.problems.length > before) return '';
    const ms = parseIsoTime(v);
    if (Number.isNaN(ms)) {
      this.problems.push(`字段 ${field} 不是带时区的 ISO 8601 时间 (${field} is not an ISO 8601 date-time with zone): ${show(v)}`);
      return '';
    }
    return new Date(ms).toISOString();
  }

  nullableTime(field: string): string | null {
    if (this.missing(field)) return null;
    return this.raw[field] === null ? null : this.time(field);
  }

  oneOf<T extends string>(field: string, allowed: readonly T[]): T {
    const before = this.problems.length;
    const v = this.string(field, 64);
    if (this.problems.length === before && !(allowed as readonly string[]).includes(v)) {
      this.problems.push(`字段 ${field} 的取值未知 (unknown ${field}) ${show(v)}, 应为 (expected) ${allowed.join(' | ')}`);
    }
    return v as T;
  }

  stringArray(field: string, maxItems: number, check: (item: string) => boolean, zh: string, en: string): string[] {
    if (this.missing(field)) return [];
    const v = this.raw[field];
    if (!Array.isArray(v)) {
      this.wrongType(field, '字符串数组', 'an array of strings');
      return [];
    }
    if (v.length > maxItems) {
      this.problems.push(`字段 ${field} 超过 ${maxItems} 项 (${field} has more than ${maxItems} items)`);
      return [];
    }
    for (let i = 0; i < v.length; i++) {
      // eslint-disable-next-line @typescript-eslint/no-unsafe-assignment -- validating untyped JSON from the platform is this function's job
      const item = v[i];
      if (typeof item !== 'string' || !check(item)) {
        this.problems.push(`字段 ${field}[${i}] 应为${zh} (${field}[${i}] must be ${en}), 实际为 (got) ${show(item)}`);
        return [];
      }
    }
    return v.slice() as string[];
  }
}

export type Validated<T> = { ok: true; value: T } | { ok: false; rejected: RejectedRecord };

/** Validates one raw record with `read`; rejects non-objects and anything `read` found wrong. */
function validateRecord<T>(raw: unknown, read: (r: FieldReader) => T): Validated<T> {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return { ok: false, rejected: { externalId: null, reason: `记录不是 JSON 对象 (record is not a JSON object): ${typeName(raw)}`, raw } };
  }
  const obj = raw as Record<string, unknown>;
  const reader = new FieldReader(obj);
  const value = read(reader);
  if (reader.problems.length === 0) return { ok: true, value };
  const id = obj.externalId;
  const externalId = typeof id === 'string' && id.trim() !== '' && id.length <= MAX_ID_LENGTH ? id : null;
  return { ok: false, rejected: { externalId, reason: reader.problems.join('；'), raw } };
}

const withDeleted = <T extends object>(value: T, deleted: boolean | undefined): T & { deleted?: boolean } =>
  deleted === undefined ? value : { ...value, deleted };

export function validateBusinessApp(raw: unknown): Validated<PlatformBusinessApp> {
  return validateRecord(raw, (r) => {
    const externalId = r.string('externalId', MAX_ID_LENGTH);
    const name = r.string('name');
    const before = r.problems.length;
    const departmentUscc = r.nullableString('departmentUscc', 18);
    if (departmentUscc !== null && r.problems.length === before && !isValidUscc(departmentUscc)) {
      r.problems.push(`字段 departmentUscc 不是有效的统一社会信用代码 (departmentUscc is not a valid unified social credit code): ${show(departmentUscc)}`);
    }
    const departmentName = r.string('departmentName');
    const integrated = r.boolean('integrated');
    const usedByCommunities = r.boolean('usedByCommunities');
    const updatedAt = r.time('updatedAt');
    const deleted = r.optionalBoolean('deleted');
    return withDeleted<PlatformBusinessApp>({ externalId, name, departmentUscc, departmentName, integrated, usedByCommunities, updatedAt }, deleted);
  });
}

export function validateTerminal(raw: unknown): Validated<PlatformTerminal> {
  return validateRecord(raw, (r) => {
    const externalId = r.string('externalId', MAX_ID_LENGTH);
    const communityCode = r.communityCode();
    const model = r.string('model');
    const appExternalIds = r.stringArray(
      'appExternalIds',
      100,
      (s) => s.trim() !== '' && s.length <= MAX_ID_LENGTH,
      `不超过 ${MAX_ID_LENGTH} 个字符的非空字符串`,
      `a non-empty string of at most ${MAX_ID_LENGTH} characters`,
    );
    const status = r.oneOf('status', TERMINAL_STATUSES);
    const lastSeenAt = r.nullableTime('lastSeenAt');
    const updatedAt = r.time('updatedAt');
    const deleted = r.optionalBoolean('deleted');
    return withDeleted<PlatformTerminal>({ externalId, communityCode, model, appExternalIds, status, lastSeenAt, updatedAt }, deleted);
  });
}

export function validateCollectedValue(raw: unknown): Validated<PlatformCollectedValue> {
  return validateRecord(raw, (r) => {
    const externalId = r.string('externalId', MAX_ID_LENGTH);
    const dataElementCode = r.pattern(
      'dataElementCode',
      DATA_ELEMENT_CODE,
      '数据元标识符（字母、数字、. _ -，最多64位）',
      'a data element code (letters, digits, . _ -, up to 64)',
    );
    const communityCode = r.communityCode();
    const period = r.pattern('period', PERIOD, '统计期（YYYY-MM、YYYYQn 或 YYYY）', 'a period (YYYY-MM, YYYYQn or YYYY)', 16);
    const value = r.string('value', MAX_VALUE_LENGTH, true);
    const source = r.string('source');
    const updatedAt = r.time('updatedAt');
    const deleted = r.optionalBoolean('deleted');
    return withDeleted<PlatformCollectedValue>({ externalId, dataElementCode, communityCode, period, value, source, updatedAt }, deleted);
  });
}

/** Validates a push body (used by the simulator; a real platform does its own). */
export function validateAdmissionPush(raw: unknown): Validated<PlatformAdmissionPush> {
  return validateRecord(raw, (r) => {
    const documentNumber = r.string('documentNumber', MAX_ID_LENGTH);
    const title = r.string('title');
    const departmentName = r.string('departmentName');
    const countyCode = r.pattern('countyCode', COUNTY_CODE, '6位行政区划代码', 'a 6-digit division code', 24);
    const communityCodes = r.stringArray('communityCodes', 5000, (s) => COMMUNITY_CODE.test(s), '12位统计用区划代码', 'a 12-digit statistical division code');
    const date = (field: string, nullable: boolean): string | null => {
      const v = r.raw[field];
      if (nullable && v === null) return null;
      const before = r.problems.length;
      const s = r.string(field, 64);
      if (r.problems.length === before && Number.isNaN(parseIsoDateOrTime(s))) {
        r.problems.push(`字段 ${field} 应为 ISO 8601 日期或时间 (${field} must be an ISO 8601 date or date-time): ${show(s)}`);
      }
      return s;
    };
    const validFrom = date('validFrom', false) as string;
    const validUntil = date('validUntil', true);
    const status = r.oneOf('status', ADMISSION_PUSH_STATUSES);
    return { documentNumber, title, departmentName, countyCode, communityCodes, validFrom, validUntil, status };
  });
}
