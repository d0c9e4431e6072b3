import { GraphQLScalarType, Kind, print, type ValueNode } from 'graphql';
import { DateTimeISOResolver } from 'graphql-scalars';

/**
 * Calendar days and months as GraphQL scalars, so that a value that is not one never
 * reaches a resolver, let alone SQL (issue 12: `periodFrom: "2026-99-99"` used to end in
 * PostgreSQL's "date/time field value out of range").
 *
 * - `LocalDate`: `YYYY-MM-DD`, a day that exists (no 2026-02-30), years 1900–9999 — the
 *   format of graphql-scalars' LocalDate, with a range PostgreSQL and the statistics can
 *   hold (year 0000 is no date in PostgreSQL; nothing in this domain precedes 1900).
 * - `Month`: `YYYY-MM`, months 01–12, the same years.
 *
 * Both are strings in JSON and in resolvers. A wrong value is refused while the request
 * is validated: `BAD_USER_INPUT` with reason `INVALID_DATE` / `INVALID_MONTH` and the
 * argument's path in `details` (src/kernel/errors.ts recognises ScalarInputError).
 */
export const MIN_YEAR = 1900;
export const MAX_YEAR = 9999;

/** A value refused by one of this project's scalars: bilingual, with its constraint. */
export class ScalarInputError extends Error {
  constructor(
    readonly messageZh: string,
    readonly messageEn: string,
    readonly constraint: 'isDate' | 'isMonth' | 'isDateTime',
    readonly reason: 'INVALID_DATE' | 'INVALID_MONTH' | 'INVALID_DATE_TIME',
  ) {
    super(messageEn);
    this.name = 'ScalarInputError';
  }
}

function daysIn(year: number, month: number): number {
  return [31, year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
}

const show = (v: unknown) => (typeof v === 'string' ? JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v) : String(v));

/** `value` if it is a calendar day `YYYY-MM-DD` within the range; else throws ScalarInputError. */
export function parseLocalDate(value: unknown): string {
  const m = typeof value === 'string' ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(value) : null;
  const [y, mo, d] = m ? [Number(m[1]), Number(m[2]), Number(m[3])] : [0, 0, 0];
  if (!m || y < MIN_YEAR || y > MAX_YEAR || mo < 1 || mo > 12 || d < 1 || d > daysIn(y, mo)) {
    throw new ScalarInputError(
      `日期无效：${show(value)}，应为 YYYY-MM-DD 格式的真实日期（${MIN_YEAR}–${MAX_YEAR} 年）`,
      `Invalid date ${show(value)}: expected a calendar day YYYY-MM-DD (years ${MIN_YEAR}–${MAX_YEAR})`,
      'isDate',
      'INVALID_DATE',
    );
  }
  return value as string;
}

/** `value` if it is a month `YYYY-MM` within the range; else throws ScalarInputError. */
export function parseMonth(value: unknown): string {
  const m = typeof value === 'string' ? /^(\d{4})-(\d{2})$/.exec(value) : null;
  const [y, mo] = m ? [Number(m[1]), Number(m[2])] : [0, 0];
  if (!m || y < MIN_YEAR || y > MAX_YEAR || mo < 1 || mo > 12) {
    throw new ScalarInputError(
      `月份无效：${show(value)}，应为 YYYY-MM 格式（${MIN_YEAR}–${MAX_YEAR} 年，01–12 月）`,
      `Invalid month ${show(value)}: expected YYYY-MM (years ${MIN_YEAR}–${MAX_YEAR}, months 01–12)`,
      'isMonth',
      'INVALID_MONTH',
    );
  }
  return value as string;
}

function literal(parse: (v: unknown) => string) {
  return (ast: ValueNode): string => parse(ast.kind === Kind.STRING ? ast.value : print(ast));
}

export const LocalDateScalar = new GraphQLScalarType<string, string>({
  name: 'LocalDate',
  description: '日期 YYYY-MM-DD（不含时区，北京时间的日历日），如 2026-12-01。A calendar day YYYY-MM-DD, no time zone, e.g. 2026-12-01.',
  specifiedByURL: 'https://tools.ietf.org/html/rfc3339#section-5.6',
  serialize: (v) => parseLocalDate(v),
  parseValue: parseLocalDate,
  parseLiteral: literal(parseLocalDate),
  extensions: { codegenScalarType: 'string', jsonSchema: { type: 'string', format: 'date' } },
});

export const MonthScalar = new GraphQLScalarType<string, string>({
  name: 'Month',
  description: '月份 YYYY-MM，如 2026-11。A month YYYY-MM, e.g. 2026-11.',
  serialize: (v) => parseMonth(v),
  parseValue: parseMonth,
  parseLiteral: literal(parseMonth),
  extensions: { codegenScalarType: 'string', jsonSchema: { type: 'string', pattern: '^\\d{4}-(0[1-9]|1[0-2])$' } },
});

/** A time within the years PostgreSQL's timestamptz and this domain hold (JavaScript's own reach ±275760 is wider). */
function withinYears(value: Date, shown: unknown): Date {
  const y = value.getUTCFullYear();
  if (Number.isNaN(value.getTime()) || y < MIN_YEAR || y > MAX_YEAR) {
    throw new ScalarInputError(
      `时间无效：${show(shown)}，应为 ISO 8601 时间（${MIN_YEAR}–${MAX_YEAR} 年），如 2026-11-25T09:30:00+08:00`,
      `Invalid date-time ${show(shown)}: expected ISO 8601 within years ${MIN_YEAR}–${MAX_YEAR}, e.g. 2026-11-25T09:30:00+08:00`,
      'isDateTime',
      'INVALID_DATE_TIME',
    );
  }
  return value;
}

/**
 * graphql-scalars' `DateTimeISO` (the schema's time scalar, for every `Date` property),
 * refusing times outside years 1900–9999 as input: `0000-01-01T00:00:00Z` is a valid
 * JavaScript date that PostgreSQL does not store.
 */
export const DateTimeScalar = new GraphQLScalarType<Date, string>({
  ...DateTimeISOResolver.toConfig(),
  parseValue: (v) => withinYears(DateTimeISOResolver.parseValue(v), v),
  parseLiteral: (ast, variables) => withinYears(DateTimeISOResolver.parseLiteral(ast, variables), ast.kind === Kind.STRING ? ast.value : print(ast)),
}) as GraphQLScalarType;
