import type { Repository } from 'typeorm';
import type { UnitOfWork } from '../database/unit-of-work';
import type { AuditService } from '../audit/audit.service';
import { AppError } from '../common/app-error';
import { Clock } from '../common/clock';
import type { User } from '../users/user.entity';
import * as password from '../users/password';
import { AuthService } from './auth.service';
import type { LoginThrottleService } from './login-throttle.service';
import type { PasswordsService } from './passwords.service';
import type { SessionTokenService } from './session-token.service';
import type { SessionsService } from './sessions.service';

jest.mock('../users/password', () => ({
  ...jest.requireActual('../users/password'),
  hashPassword: jest.fn(async (plain: string) => `hash-of-${plain}`),
  verifyPassword: jest.fn(async () => false),
}));

const CLIENT = { address: '203.0.113.1', userAgent: 'spec' };

function setup(user: Partial<User> | null) {
  const mocks = {
    users: { findOne: jest.fn(async () => user), update: jest.fn() },
    throttle: { admit: jest.fn(async () => null), succeeded: jest.fn() },
    audit: { recordEvent: jest.fn() },
  };
  const sut = new AuthService(
    mocks.users as unknown as Repository<User>,
    {} as UnitOfWork,
    {} as SessionTokenService,
    {} as SessionsService,
    mocks.throttle as unknown as LoginThrottleService,
    { hashCost: 4 } as PasswordsService,
    mocks.audit as unknown as AuditService,
    new Clock('Asia/Shanghai'),
  );
  return { sut, mocks };
}

describe('AuthService.login', () => {
  beforeEach(() => jest.mocked(password.verifyPassword).mockClear());

  it('spends one bcrypt compare on an unknown username, against a dummy hash, and answers like a wrong password', async () => {
    const unknown = setup(null);
    const known = setup({ id: 7, username: 'leader', officeId: 1, active: true, passwordHash: 'real-hash' });
    const answers = [];
    for (const { sut } of [unknown, known]) {
      const error = await sut.login({ username: 'leader', password: 'Wrong-12345' }, CLIENT).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(AppError);
      answers.push([(error as AppError).getStatus(), (error as AppError).code, (error as AppError).message]);
    }
    expect(answers[0]).toEqual([401, 'invalid_credentials', '用户名或密码错误']);
    expect(answers[1]).toEqual(answers[0]);
    const compared = jest.mocked(password.verifyPassword).mock.calls.map(([, hash]) => hash);
    expect(compared).toHaveLength(2);
    expect(compared[0]).toMatch(/^hash-of-[0-9a-f]{32}$/);
    expect(compared[1]).toBe('real-hash');
  });

  it('does not compare at all while the address is held off', async () => {
    const { sut, mocks } = setup({ id: 7, username: 'leader', officeId: 1, active: true, passwordHash: 'real-hash' });
    mocks.throttle.admit.mockResolvedValueOnce(new Date(Date.now() + 60_000) as never);
    const error = (await sut.login({ username: 'leader', password: 'x' }, CLIENT).catch((e: unknown) => e)) as AppError;
    expect([error.getStatus(), error.code, error.headers]).toEqual([429, 'login_throttled', { 'Retry-After': '60' }]);
    expect(password.verifyPassword).not.toHaveBeenCalled();
    expect(mocks.audit.recordEvent).toHaveBeenCalledWith(expect.objectContaining({ action: 'login-throttled', userId: 7 }));
  });
});
