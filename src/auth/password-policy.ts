import type { FieldProblem } from '../kernel/errors';

/**
 * The password policy, applied whenever a password is set (changePassword,
 * resetPassword): at least `minLength` characters, at most 72 bytes (bcrypt ignores the
 * rest), three of the four classes (lower case, upper case, digits, other), and not the
 * username (nor containing it). The demo password `Zhunru@2026` passes.
 */
export interface PasswordPolicy {
  minLength: number;
}

export const PASSWORD_MAX_BYTES = 72;

export function passwordClasses(password: string): number {
  return [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((re) => re.test(password)).length;
}

export function checkPassword(password: string, username: string, policy: PasswordPolicy, field = 'newPassword'): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const chars = [...password].length;
  if (chars < policy.minLength) {
    problems.push({
      field,
      constraint: 'minLength',
      message: `密码至少 ${policy.minLength} 个字符`,
      messageEn: `must be at least ${policy.minLength} characters`,
    });
  }
  if (Buffer.byteLength(password, 'utf8') > PASSWORD_MAX_BYTES) {
    problems.push({
      field,
      constraint: 'maxLength',
      message: `密码不能超过 ${PASSWORD_MAX_BYTES} 字节`,
      messageEn: `must be at most ${PASSWORD_MAX_BYTES} bytes`,
    });
  }
  if (passwordClasses(password) < 3) {
    problems.push({
      field,
      constraint: 'passwordClasses',
      message: '密码须包含小写字母、大写字母、数字、符号中的至少三类',
      messageEn: 'must mix at least three of: lower case, upper case, digits, symbols',
    });
  }
  const name = username.trim().toLowerCase();
  if (name.length >= 3 && password.toLowerCase().includes(name)) {
    problems.push({ field, constraint: 'notUsername', message: '密码不能包含登录名', messageEn: 'must not contain the username' });
  }
  return problems;
}
