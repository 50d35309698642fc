import * as bcrypt from 'bcryptjs';


/** bcrypt reads only this many bytes of a password; longer ones are refused, never cut. */
export const MAX_PASSWORD_BYTES = 72;

/** `cost` is PASSWORD_HASH_COST; a hash carries its cost, so verifying needs none. */
export const hashPassword = (plain: string, cost: number) => bcrypt.hash(plain, cost);
export const verifyPassword = (plain: string, hash: string) => bcrypt.compare(plain, hash);

/** What a password a person sets must satisfy (PASSWORD_MIN_LENGTH, PASSWORD_MIN_CLASSES). */
export interface PasswordRules {
  minLength: number;
  minClasses: number;
}

const CLASSES: [RegExp, string][] = [
  [/\p{Ll}/u, '小写字母'],
  [/\p{Lu}/u, '大写字母'],
  [/\p{Nd}/u, '数字'],
  [/[^\p{Ll}\p{Lu}\p{Nd}]/u, '符号'],
];

/** The first rule `plain` breaks, as a Chinese message for the field; null when it is acceptable. */
export function passwordProblem(plain: string, username: string, rules: PasswordRules): string | null {
  if (Buffer.byteLength(plain, 'utf8') > MAX_PASSWORD_BYTES) return `密码不能超过 ${MAX_PASSWORD_BYTES} 字节（一个汉字按 3 字节计）`;
  if ([...plain].length < rules.minLength) return `密码长度不能少于 ${rules.minLength} 个字符`;
  const classes = CLASSES.filter(([pattern]) => pattern.test(plain)).length;
  if (classes < rules.minClasses) return `密码须包含小写字母、大写字母、数字、符号中的至少 ${rules.minClasses} 类`;
  const name = username.trim().toLowerCase();
  if (name && plain.toLowerCase().includes(name)) return '密码不能包含用户名';
  return null;
}
