import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { ArgumentValidationError, AuthenticationError as TgUnauthenticated, AuthorizationError as TgForbidden } from 'type-graphql';
import { UniqueConstraintViolationException, ForeignKeyConstraintViolationException, NotFoundError as OrmNotFound } from '@mikro-orm/core';
import type { ValidationError } from 'class-validator';
import { ScalarInputError } from './scalars';
import { isServiceUnavailable } from './unavailable';

/**
 * One error model for the whole API. Every error a client sees carries a stable
 * `extensions.code` from this list, a message in Chinese (`message`) and the same in
 * English (`extensions.messageEn`), and — for bad input — field-level `details`.
 */
export const ERROR_CODES = ['BAD_USER_INPUT', 'NOT_FOUND', 'FORBIDDEN', 'UNAUTHENTICATED', 'CONFLICT', 'INTERNAL'] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface FieldProblem {
  /** Path of the offending field inside the argument (e.g. `name`, `ledgers.0.minutes`), or the argument (`after`). */
  field: string;
  message: string;
  messageEn: string;
  /** The validation constraint that failed, when known (class-validator's name). */
  constraint?: string;
}

export class AppError extends GraphQLError {
  constructor(code: ErrorCode, message: string, messageEn: string, extra: Record<string, unknown> = {}) {
    super(message, { extensions: { code, messageEn, ...extra } });
    this.name = 'AppError';
  }
  get code(): ErrorCode {
    return this.extensions.code as ErrorCode;
  }
}

export const badInput = (message: string, messageEn: string, details: FieldProblem[] = []) =>
  new AppError('BAD_USER_INPUT', message, messageEn, details.length ? { details } : {});
export const notFound = (what: string, whatEn: string) => new AppError('NOT_FOUND', `未找到${what}`, `${whatEn} not found`);
/**
 * Why a call is FORBIDDEN, in `extensions.reason` — always given, so that a client can
 * tell a role that may not act (ROLE) from a place or record outside the actor's
 * jurisdiction (JURISDICTION), a data element outside its sharing scope (SHARING_SCOPE),
 * another person's account (OWN_ACCOUNT), an action that needs an actor bound to the
 * place it concerns (BINDING: a community's own worker files its ledgers — not even an
 * administrator), or a guard of the record's state (GUARD).
 */
export type ForbiddenReason = 'ROLE' | 'JURISDICTION' | 'SHARING_SCOPE' | 'OWN_ACCOUNT' | 'BINDING' | 'GUARD';
export const forbidden = (reason: ForbiddenReason, message = '无权执行此操作', messageEn = 'You are not allowed to do this') =>
  new AppError('FORBIDDEN', message, messageEn, { reason });
/** A place, department or record outside the actor's jurisdiction. */
export const outsideJurisdiction = (message = '不在您的管辖范围内', messageEn = 'Outside your jurisdiction') => forbidden('JURISDICTION', message, messageEn);
export const unauthenticated = (message = '请先登录', messageEn = 'Sign in first') => new AppError('UNAUTHENTICATED', message, messageEn);
export const conflict = (message: string, messageEn: string) => new AppError('CONFLICT', message, messageEn);

/** Chinese messages for the class-validator constraints we use; English comes from class-validator. */
const CONSTRAINT_ZH: Record<string, string> = {
  isNotEmpty: '不能为空',
  minLength: '长度过短',
  maxLength: '长度超出上限',
  length: '长度不符合要求',
  matches: '格式不正确',
  min: '数值过小',
  max: '数值过大',
  isInt: '必须为整数',
  isPositive: '必须为正数',
  isEnum: '取值不在允许范围内',
  arrayMaxSize: '条目过多',
  arrayMinSize: '条目过少',
  isDate: '日期无效',
  isEmail: '邮箱格式不正确',
  whitelistValidation: '不允许的字段',
};

function flattenValidation(errors: ValidationError[], prefix: string): FieldProblem[] {
  const out: FieldProblem[] = [];
  for (const e of errors) {
    const field = prefix ? `${prefix}.${e.property}` : e.property;
    for (const [constraint, messageEn] of Object.entries(e.constraints ?? {})) {
      out.push({ field, constraint, messageEn, message: `${field}：${CONSTRAINT_ZH[constraint] ?? '取值无效'}` });
    }
    if (e.children?.length) out.push(...flattenValidation(e.children, field));
  }
  return out;
}

/** Apollo's own request-level codes, all of which mean the client sent something unusable. */
const REQUEST_ERRORS: Record<string, string> = {
  GRAPHQL_PARSE_FAILED: 'GraphQL 语法错误',
  GRAPHQL_VALIDATION_FAILED: '查询与模式不符',
  BAD_USER_INPUT: '输入参数无效',
  BAD_REQUEST: '请求格式不正确',
  PERSISTED_QUERY_NOT_FOUND: '未找到持久化查询',
  PERSISTED_QUERY_NOT_SUPPORTED: '不支持持久化查询',
  OPERATION_RESOLUTION_FAILURE: '无法确定要执行的操作',
};

/**
 * Turns any error into the public model. Unknown errors become INTERNAL with a generic
 * message (the original goes to the log via `onInternal`); stack traces are kept only
 * when `includeStack` (development).
 */
export function formatError(
  formatted: GraphQLFormattedError,
  error: unknown,
  opts: { includeStack: boolean; onInternal?: (err: unknown) => void },
): GraphQLFormattedError {
  let original = error;
  while (original instanceof GraphQLError && original.originalError && !(original instanceof AppError)) original = original.originalError;
  const base = { locations: formatted.locations, path: formatted.path };
  const stack = opts.includeStack && original instanceof Error ? { stacktrace: original.stack?.split('\n') } : {};
  const out = (code: ErrorCode, message: string, messageEn: string, extra: Record<string, unknown> = {}): GraphQLFormattedError => ({
    message,
    ...base,
    extensions: { code, messageEn, ...extra, ...stack },
  });

  if (original instanceof AppError) {
    // `http` only steers the status code (e.g. 401); it is not part of the public model.
    const { code, messageEn, http: _http, ...rest } = original.extensions as Record<string, unknown>;
    return out(code as ErrorCode, original.message, String(messageEn), rest);
  }
  if (original instanceof ArgumentValidationError) {
    const details = flattenValidation(original.extensions.validationErrors, '');
    return out('BAD_USER_INPUT', '输入校验失败', 'Input validation failed', { details });
  }
  if (original instanceof ScalarInputError) {
    // graphql-js names where the value was: `Variable "$i" got invalid value … at "i.periodStart"` for
    // variables (reported, like class-validator's details, as the path inside the argument: `periodStart`;
    // a variable that is the value itself as `$name`); a literal has only its location.
    const m = /^Variable "\$(\w+)" got invalid value [\s\S]*? at "([^"]+)";/.exec(formatted.message) ?? /^Variable "\$(\w+)"/.exec(formatted.message);
    const at = formatted.locations?.[0];
    const path = m?.[2]?.replace(/\[(\d+)\]/g, '.$1'); // graphql-js writes list items as [0], class-validator as .0
    const inside = path?.startsWith(`${m![1]}.`) ? path.slice(m![1].length + 1) : path;
    const field = m ? (inside ?? `$${m[1]}`) : at ? `(line ${at.line}, column ${at.column})` : '(argument)';
    return out('BAD_USER_INPUT', original.messageZh, original.messageEn, {
      reason: original.reason,
      details: [{ field, message: original.messageZh, messageEn: original.messageEn, constraint: original.constraint }],
    });
  }
  if (original instanceof TgUnauthenticated) return out('UNAUTHENTICATED', '请先登录', 'Sign in first');
  if (original instanceof TgForbidden) return out('FORBIDDEN', '无权执行此操作', 'You are not allowed to do this');
  if (isServiceUnavailable(original)) {
    return out(
      'INTERNAL',
      '服务暂不可用：数据库或任务队列暂时无法访问，请稍后重试',
      'Service unavailable: the database or the job queue cannot be reached right now; retry shortly',
      { reason: 'SERVICE_UNAVAILABLE', retryAfterSeconds: 5 },
    );
  }
  if (original instanceof UniqueConstraintViolationException) {
    return out('CONFLICT', '记录已存在或与现有记录冲突', 'The record already exists or conflicts with another');
  }
  if (original instanceof ForeignKeyConstraintViolationException) {
    return out('CONFLICT', '记录仍被其他数据引用，或引用的数据不存在', 'The record is still referenced, or references a missing record');
  }
  if (original instanceof OrmNotFound) return out('NOT_FOUND', '未找到记录', 'Record not found');

  const code = formatted.extensions?.code;
  if (typeof code === 'string' && code in REQUEST_ERRORS) {
    // The English text from graphql-js / Apollo says exactly what is wrong; keep it.
    return out('BAD_USER_INPUT', `${REQUEST_ERRORS[code]}：${formatted.message}`, formatted.message, { reason: code });
  }
  opts.onInternal?.(original);
  return out('INTERNAL', '服务器内部错误，请稍后重试', 'Internal server error');
}
