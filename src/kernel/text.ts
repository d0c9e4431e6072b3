/** Escapes `%`, `_` and `\` for a LIKE pattern. */
export function likeEscape(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** `%value%` for a case-insensitive contains search. */
export function containsPattern(value: string): string {
  return `%${likeEscape(value.trim())}%`;
}
