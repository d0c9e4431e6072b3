/** Escapes `%`, `_` and `\` for a LIKE pattern. */
export function likeEscape(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** `%value%` for a case-insensitive contains search. */
export function containsPattern(value: string): string {
  return `%${likeEscape(value.trim())}%`;
}

/** Characters PostgreSQL cannot store in text: NUL, and UTF-16 surrogates without their pair. */
export const UNSTORABLE_TEXT = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * The same inside JSON text (jsonb parameters arrive serialised): a `\u0000` escape, or a
 * surrogate escape without its pair — an escape, not an escaped backslash before `u`.
 */
const UNSTORABLE_JSON_ESCAPE =
  /(?<!\\)(?:\\\\)*(?:\\u0000|\\u[dD][89abAB][0-9a-fA-F]{2}(?!\\u[dD][c-fC-F][0-9a-fA-F]{2})|(?<!\\u[dD][89abAB][0-9a-fA-F]{2})\\u[dD][c-fC-F][0-9a-fA-F]{2})/;

/** Whether a string, or any string or key inside an array or object, is text PostgreSQL cannot store (JSON text included). */
export function holdsUnstorableText(value: unknown, depth = 0): boolean {
  if (typeof value === 'string') return UNSTORABLE_TEXT.test(value) || (/^\s*[[{"]/.test(value) && UNSTORABLE_JSON_ESCAPE.test(value));
  if (value === null || typeof value !== 'object' || depth > 32 || value instanceof Date || Buffer.isBuffer(value)) return false;
  if (Array.isArray(value)) return value.some((v) => holdsUnstorableText(v, depth + 1));
  for (const [k, v] of Object.entries(value)) if (UNSTORABLE_TEXT.test(k) || holdsUnstorableText(v, depth + 1)) return true;
  return false;
}
