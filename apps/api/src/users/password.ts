import * as bcrypt from 'bcryptjs';

const COST = 10;

export const hashPassword = (plain: string) => bcrypt.hash(plain, COST);
export const verifyPassword = (plain: string, hash: string) => bcrypt.compare(plain, hash);

/** Passwords are at least 8 characters with a letter and a digit; returns a Chinese reason or null. */
export function passwordProblem(plain: string): string | null {
  if (plain.length < 8) return '密码长度不能少于 8 个字符';
  if (plain.length > 72) return '密码长度不能超过 72 个字符';
  if (!/[A-Za-z]/.test(plain) || !/\d/.test(plain)) return '密码必须同时包含字母和数字';
  return null;
}
