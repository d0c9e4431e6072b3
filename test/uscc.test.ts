import { USCC_CHARSET, isValidUscc, makeUscc, orgCodeCheckChar, usccCheckDigit } from '../src/organisation/uscc';

/**
 * Real, published codes of well-known companies (shown on their business licences and in
 * the national enterprise credit information system). Each passing the MOD-31 check is
 * itself strong evidence they are quoted right: a wrong character would pass only 1 in 31.
 *
 * Worked example, 华为技术有限公司 914403001922038216:
 *   chars   9  1  4   4  0   3  0  0   1   9   2   2  0   3   8   2   1
 *   weights 1  3  9  27 19  26 16 17  20  29  25  13  8  24  10  30  28
 *   product 9  3 36 108  0  78  0  0  20 261  50  26  0  72  80  60  28   sum = 831
 *   831 mod 31 = 25 (31 × 26 = 806); 31 − 25 = 6 → check character '6'. ✓
 * Its organisation code 19220382-1: 1·3+9·7+2·9+2·10+0·5+3·8+8·4+2·2 = 164,
 *   164 mod 11 = 10, 11 − 10 = 1 → '1'. ✓
 */
const REAL_CODES: Array<[string, string]> = [
  ['华为技术有限公司', '914403001922038216'],
  ['深圳市腾讯计算机系统有限公司', '91440300708461136T'],
  ['小米科技有限责任公司', '91110108551385082Q'],
  ['阿里巴巴（中国）有限公司', '91330100799655058B'],
];

describe('usccCheckDigit', () => {
  it.each(REAL_CODES)('computes the check character of %s', (_name, code) => {
    expect(usccCheckDigit(code.slice(0, 17))).toBe(code[17]);
  });

  it('maps a remainder of 0 to check character 0 (31 → "0")', () => {
    // Find a body whose weighted sum is a multiple of 31 by varying the last character.
    const prefix = '1151182800000000';
    const body = [...USCC_CHARSET]
      .map((c) => prefix + c)
      .find((b) => {
        let sum = 0;
        for (let i = 0; i < 17; i++) sum += USCC_CHARSET.indexOf(b[i]) * [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28][i];
        return sum % 31 === 0;
      });
    expect(body).toBeDefined();
    expect(usccCheckDigit(body!)).toBe('0');
  });

  it('rejects a body of the wrong length or with forbidden characters', () => {
    expect(() => usccCheckDigit('91440300192203821')).not.toThrow();
    expect(() => usccCheckDigit('9144030019220382')).toThrow(RangeError);
    expect(() => usccCheckDigit('9144030019220382I')).toThrow(RangeError);
  });
});

describe('isValidUscc', () => {
  it.each(REAL_CODES)('accepts the real code of %s', (_name, code) => {
    expect(isValidUscc(code)).toBe(true);
  });

  it('rejects a wrong check character', () => {
    expect(isValidUscc('914403001922038217')).toBe(false);
    expect(isValidUscc('91440300708461136U')).toBe(false);
    // Two transposed characters in the body.
    expect(isValidUscc('914403009122038216')).toBe(false);
  });

  it('rejects a wrong length', () => {
    expect(isValidUscc('')).toBe(false);
    expect(isValidUscc('91440300192203821')).toBe(false);
    expect(isValidUscc('9144030019220382166')).toBe(false);
  });

  it('rejects characters outside the charset (I, O, S, V, Z, lower case, punctuation)', () => {
    for (const bad of ['I', 'O', 'S', 'V', 'Z', 't', '-', ' ']) {
      expect(isValidUscc('91440300708461136' + bad)).toBe(false);
    }
    expect(isValidUscc('91440300708461136t')).toBe(false);
    expect(isValidUscc('9144030O1922038216')).toBe(false);
  });

  it('rejects unknown authority / type combinations and a non-numeric division code', () => {
    // Same body, recomputed check character, so only the structural rule can fail.
    const withCheck = (first17: string) => first17 + usccCheckDigit(first17);
    expect(isValidUscc(withCheck('B1440300192203821'))).toBe(false); // no authority B
    expect(isValidUscc(withCheck('94440300192203821'))).toBe(false); // 工商 has no type 4
    expect(isValidUscc(withCheck('Y2440300192203821'))).toBe(false); // Y only has type 1
    expect(isValidUscc(withCheck('9144A300192203821'))).toBe(false); // division code not digits
    expect(isValidUscc(withCheck('91440300192203821'))).toBe(true);
  });
});

describe('makeUscc', () => {
  it('rebuilds the real codes from their parts', () => {
    for (const [, code] of REAL_CODES) {
      expect(makeUscc(code[0], code[1], code.slice(2, 8), code.slice(8, 17))).toBe(code);
    }
  });

  it('builds valid codes for government bodies, public institutions and mass organisations', () => {
    for (const [authority, type] of [
      ['1', '1'],
      ['1', '2'],
      ['1', '3'],
      ['5', '1'],
      ['N', '2'],
    ]) {
      const code = makeUscc(authority, type, '511828', '00891234X');
      expect(code).toHaveLength(18);
      expect(code.startsWith(authority + type + '511828')).toBe(true);
      expect(isValidUscc(code)).toBe(true);
    }
  });

  it('refuses malformed parts', () => {
    expect(() => makeUscc('B', '1', '511828', '008912341')).toThrow(RangeError);
    expect(() => makeUscc('9', '9', '511828', '008912341')).toThrow(RangeError);
    expect(() => makeUscc('1', '1', '51182', '008912341')).toThrow(RangeError);
    expect(() => makeUscc('1', '1', '511828', '00891234')).toThrow(RangeError);
    expect(() => makeUscc('1', '1', '511828', '0089123IO')).toThrow(RangeError);
  });
});

describe('orgCodeCheckChar (GB 11714)', () => {
  it('matches the organisation codes embedded in real USCCs', () => {
    expect(orgCodeCheckChar('19220382')).toBe('1'); // 华为
    expect(orgCodeCheckChar('70846113')).toBe('6'); // 腾讯
    expect(orgCodeCheckChar('55138508')).toBe('2'); // 小米
    expect(orgCodeCheckChar('79965505')).toBe('8'); // 阿里巴巴
  });
});
