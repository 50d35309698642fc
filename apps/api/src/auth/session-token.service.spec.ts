import { JwtService } from '@nestjs/jwt';
import type { AppConfig } from '../config/app-config';
import { SessionTokenService } from './session-token.service';

describe('SessionTokenService', () => {
  const config = { session: { secret: 'a-test-secret-of-thirty-two-chars!', ttlHours: 1 } } as AppConfig;
  let jwt: JwtService;
  let sut: SessionTokenService;

  beforeEach(() => {
    jest.useFakeTimers({ now: new Date('2026-01-01T00:00:00Z') });
    jwt = new JwtService({});
    sut = new SessionTokenService(jwt, config);
  });

  afterEach(() => {
    jest.useRealTimers();
  });

  it('checks a token\'s signature once, then answers its claims from memory until it expires', () => {
    const token = sut.issue(7, 3, 42);
    const verify = jest.spyOn(jwt, 'verify');
    expect(sut.verify(token)).toMatchObject({ sub: 7, tv: 3, sid: 42 });
    expect(sut.verify(token)).toMatchObject({ sub: 7, tv: 3, sid: 42 });
    expect(verify).toHaveBeenCalledTimes(1);
    jest.setSystemTime(new Date('2026-01-01T01:00:00Z'));
    expect(sut.verify(token)).toBeNull();
  });

  it('refuses a token with a changed payload or signature, even beside a remembered one', () => {
    const token = sut.issue(7, 3, 42);
    expect(sut.verify(token)).not.toBeNull();
    const [header, payload, signature] = token.split('.');
    const forgedPayload = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(payload, 'base64url').toString()), sub: 1 })).toString('base64url');
    expect(sut.verify(`${header}.${forgedPayload}.${signature}`)).toBeNull();
    expect(sut.verify(`${header}.${payload}.${signature.slice(0, -2)}xx`)).toBeNull();
    const other = new SessionTokenService(new JwtService({}), { session: { ...config.session, secret: 'another-secret-of-thirty-two-chars' } } as AppConfig);
    expect(other.verify(token)).toBeNull();
  });
});
