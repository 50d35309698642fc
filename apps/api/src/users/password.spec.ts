import * as bcrypt from 'bcryptjs';
import { hashPassword, passwordProblem, verifyPassword } from './password';

const RULES = { minLength: 10, minClasses: 3 };

describe('passwordProblem', () => {
  it.each([
    ['Good2026pass', 'leader', null],
    ['good2026pass!', 'leader', null],
    ['Ab1!', 'leader', '密码长度不能少于 10 个字符'],
    ['Demo@2026', 'leader', '密码长度不能少于 10 个字符'],
    ['abcdefghij12', 'leader', '密码须包含小写字母、大写字母、数字、符号中的至少 3 类'],
    ['ABCDEFGHIJ!!', 'leader', '密码须包含小写字母、大写字母、数字、符号中的至少 3 类'],
    ['MyLeader2026', 'leader', '密码不能包含用户名'],
    // 4 + 23 × 3 = 73 bytes in 27 characters: bcrypt would silently ignore the last byte.
    [`Aa1!${'汉'.repeat(23)}`, 'leader', '密码不能超过 72 字节（一个汉字按 3 字节计）'],
    [`Aa1!${'汉'.repeat(22)}`, 'leader', null],
    [`Aa1!${'x'.repeat(69)}`, 'leader', '密码不能超过 72 字节（一个汉字按 3 字节计）'],
  ])('%s (user %s) → %s', (plain, username, expected) => {
    expect(passwordProblem(plain, username, RULES)).toBe(expected);
  });

  it('follows the configured length and classes', () => {
    expect(passwordProblem('abcdef12', 'x1', { minLength: 8, minClasses: 2 })).toBeNull();
    expect(passwordProblem('abcdefgh', 'x1', { minLength: 8, minClasses: 2 })).toBe('密码须包含小写字母、大写字母、数字、符号中的至少 2 类');
  });
});

describe('hashPassword', () => {
  it('hashes at the cost it is given (PASSWORD_HASH_COST), and a hash of any cost verifies', async () => {
    const cheap = await hashPassword('Good2026pass', 4);
    const usual = await hashPassword('Good2026pass', 6);
    expect([bcrypt.getRounds(cheap), bcrypt.getRounds(usual)]).toEqual([4, 6]);
    expect(await verifyPassword('Good2026pass', cheap)).toBe(true);
    expect(await verifyPassword('Good2026pass', usual)).toBe(true);
    expect(await verifyPassword('Good2026pasS', usual)).toBe(false);
  });
});
