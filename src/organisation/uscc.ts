/**
 * Unified social credit code (统一社会信用代码), GB 32100-2015.
 *
 * Layout of the 18 characters:
 *   1      registration-authority code (登记管理部门代码), e.g. 1 机构编制, 5 民政, 9 工商
 *   2      organisation-type code (机构类别代码), meaning depends on position 1
 *   3–8    six-digit administrative division code of the registering authority (GB/T 2260)
 *   9–17   subject identifier (主体标识码), i.e. the organisation code (组织机构代码, GB 11714)
 *   18     check character (ISO 7064 MOD 31-3 style, weights below)
 *
 * The character set is the digits and the upper-case Latin letters without I, O, S, V, Z.
 */

/** The 31 characters a USCC may contain; a character's value is its index here. */
export const USCC_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/** Weights for positions 1–17 (3^(i) mod 31). */
export const USCC_WEIGHTS: readonly number[] = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/**
 * Registration-authority code → the organisation-type codes it may issue (GB 32100-2015, table 1).
 * 1 机构编制: 1 机关, 2 事业单位, 3 中央编办直接管理机构编制的群众团体, 9 其他
 * 2 外交: 1 外国常住新闻机构, 9 其他
 * 3 司法行政: 1 律师执业机构, 2 公证处, 3 基层法律服务所, 4 司法鉴定机构, 5 仲裁委员会, 9 其他
 * 4 文化: 1 外国在华文化中心, 9 其他
 * 5 民政: 1 社会团体, 2 民办非企业单位, 3 基金会, 9 其他
 * 6 旅游: 1 外国旅游部门常驻代表机构, 2 港澳台地区旅游部门常驻内地(大陆)代表机构, 9 其他
 * 7 宗教: 1 宗教活动场所, 2 宗教院校, 9 其他
 * 8 工会: 1 基层工会, 9 其他
 * 9 工商 (市场监管): 1 企业, 2 个体工商户, 3 农民专业合作社
 * A 中央军委改革和编制办公室: 1 军队事业单位, 9 其他
 * N 农业: 1 组级集体经济组织, 2 村级集体经济组织, 3 乡镇级集体经济组织, 9 其他
 * Y 其他: 1 (not subdivided)
 */
export const USCC_AUTHORITY_TYPES: Readonly<Record<string, string>> = {
  '1': '1239',
  '2': '19',
  '3': '123459',
  '4': '19',
  '5': '1239',
  '6': '129',
  '7': '129',
  '8': '19',
  '9': '123',
  A: '19',
  N: '1239',
  Y: '1',
};

const CHARSET_RE = /^[0-9A-HJ-NP-RTUW-Y]+$/;

/** Computes the 18th character from the first 17. Throws on bad length or characters. */
export function usccCheckDigit(first17: string): string {
  if (first17.length !== 17) {
    throw new RangeError(`USCC body must be 17 characters, got ${first17.length}`);
  }
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const value = USCC_CHARSET.indexOf(first17[i]);
    if (value < 0) throw new RangeError(`invalid USCC character '${first17[i]}' at position ${i + 1}`);
    sum += value * USCC_WEIGHTS[i];
  }
  const check = 31 - (sum % 31);
  return USCC_CHARSET[check === 31 ? 0 : check];
}

/**
 * True when `code` is a well-formed USCC: 18 characters from the charset, a known
 * registration authority, a type code that authority issues, a six-digit division code
 * in positions 3–8 and a correct check character. Lower-case input is rejected (the
 * standard only uses upper case; normalise before calling if needed).
 */
export function isValidUscc(code: string): boolean {
  if (typeof code !== 'string' || code.length !== 18 || !CHARSET_RE.test(code)) return false;
  const types = USCC_AUTHORITY_TYPES[code[0]];
  if (!types || !types.includes(code[1])) return false;
  if (!/^\d{6}$/.test(code.slice(2, 8))) return false;
  return usccCheckDigit(code.slice(0, 17)) === code[17];
}

/**
 * Builds a full USCC from its parts and appends the check character.
 * Throws when a part is malformed, so that seed data can never hold a bad code.
 */
export function makeUscc(authority: string, type: string, divisionCode: string, orgCode9: string): string {
  const types = USCC_AUTHORITY_TYPES[authority];
  if (authority.length !== 1 || !types) throw new RangeError(`unknown registration authority '${authority}'`);
  if (type.length !== 1 || !types.includes(type)) {
    throw new RangeError(`type '${type}' is not issued by registration authority '${authority}'`);
  }
  if (!/^\d{6}$/.test(divisionCode)) throw new RangeError(`division code must be six digits, got '${divisionCode}'`);
  if (orgCode9.length !== 9 || !CHARSET_RE.test(orgCode9)) {
    throw new RangeError(`organisation code must be 9 USCC characters, got '${orgCode9}'`);
  }
  const first17 = authority + type + divisionCode + orgCode9;
  return first17 + usccCheckDigit(first17);
}

/**
 * Check character of a legacy organisation code (组织机构代码, GB 11714-1997): eight body
 * characters (digits; letters count A=10 … Z=35) with weights 3,7,9,10,5,8,4,2;
 * check = 11 - (sum mod 11), where 10 → 'X' and 11 → '0'.
 * Note: identifiers assigned after 2015 (e.g. 'MA…' by market regulation, 'MB…' by
 * 机构编制) do not necessarily follow this rule, so isValidUscc does not apply it.
 */
export function orgCodeCheckChar(body8: string): string {
  if (!/^[0-9A-Z]{8}$/.test(body8)) throw new RangeError(`organisation code body must be 8 characters, got '${body8}'`);
  const weights = [3, 7, 9, 10, 5, 8, 4, 2];
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += parseInt(body8[i], 36) * weights[i];
  const check = 11 - (sum % 11);
  return check === 10 ? 'X' : check === 11 ? '0' : String(check);
}
