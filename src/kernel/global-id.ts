import { badInput } from './errors';

/** `Region:12` → base64url. */
export function toGlobalId(type: string, id: number | string): string {
  return Buffer.from(`${type}:${id}`, 'utf8').toString('base64url');
}

/** Decodes a global ID; a malformed one (or one of another type, when `expected` is given) is bad input. */
export function fromGlobalId(globalId: string, expected?: string | string[], field = 'id'): { type: string; id: number } {
  const decoded = /^[A-Za-z0-9_-]{1,200}$/.test(globalId) ? Buffer.from(globalId, 'base64url').toString('utf8') : '';
  const match = /^([A-Z][A-Za-z]{0,63}):([1-9][0-9]{0,15})$/.exec(decoded);
  const types = expected === undefined ? undefined : Array.isArray(expected) ? expected : [expected];
  if (!match || (types && !types.includes(match[1]))) {
    const what = types ? types.join(' / ') : '';
    throw badInput(`无效的${what}全局 ID`, `Invalid ${what ? `${what} ` : ''}global ID`, [
      { field, message: `无效的全局 ID：${globalId.slice(0, 64)}`, messageEn: `Invalid global ID: ${globalId.slice(0, 64)}` },
    ]);
  }
  return { type: match[1], id: Number(match[2]) };
}
