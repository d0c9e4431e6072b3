/** Recognising errors that mean the database or Redis cannot be reached (src/http/availability.ts answers them 503). */
const NET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'ECONNABORTED']);
/** PostgreSQL: shutting down, starting up, too many connections; class 08 is "connection exception". */
const PG_CODES = new Set(['57P01', '57P02', '57P03', '53300']);
const MESSAGES = [
  /Connection terminated/i,
  /Timeout acquiring a connection/i,
  /timeout exceeded when trying to connect/i,
  /Client has encountered a connection error/i,
  /the database system is (starting up|shutting down|in recovery mode)/i,
  /terminating connection due to administrator command/i,
  /Connection is closed/i,
  /Reached the max retries per request limit/i,
  /connect ECONNREFUSED/i,
];

/** Whether `err` (or what it wraps) says the database or Redis cannot be reached. */
export function isServiceUnavailable(err: unknown, depth = 0): boolean {
  if (!err || typeof err !== 'object' || depth > 6) return false;
  const e = err as {
    name?: string;
    code?: unknown;
    sqlState?: unknown;
    message?: unknown;
    cause?: unknown;
    originalError?: unknown;
    extensions?: { reason?: unknown };
    errors?: unknown;
  };
  if (e.extensions?.reason === 'SERVICE_UNAVAILABLE') return true;
  if (e.name === 'ConnectionException' || e.name === 'MaxRetriesPerRequestError') return true;
  const code = typeof e.code === 'string' ? e.code : typeof e.sqlState === 'string' ? e.sqlState : '';
  if (NET_CODES.has(code) || PG_CODES.has(code) || /^08/.test(code)) return true;
  if (typeof e.message === 'string' && MESSAGES.some((re) => re.test(e.message as string))) return true;
  if (Array.isArray(e.errors) && e.errors.some((x) => isServiceUnavailable(x, depth + 1))) return true; // AggregateError (dual-stack connect)
  return isServiceUnavailable(e.cause, depth + 1) || isServiceUnavailable(e.originalError, depth + 1);
}
