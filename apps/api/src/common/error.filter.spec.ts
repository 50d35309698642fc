import { BadRequestException, HttpException, NotFoundException, PayloadTooLargeException } from '@nestjs/common';
import { conflict, invalid } from './app-error';
import { ErrorFilter } from './error.filter';

/** What body-parser throws, as Nest 12's Express adapter hands it on (wrapped, original as cause). */
function bodyParserError(type: string, status: number): HttpException {
  const cause = Object.assign(new SyntaxError('Unexpected end of JSON input'), { status, statusCode: status, type, expose: true });
  return new HttpException(cause.message, status, { cause });
}

describe('ErrorFilter.toBody', () => {
  const sut = new ErrorFilter();

  it('keeps an AppError as it is: status, code, Chinese message, field errors', () => {
    expect(sut.toBody(invalid({ name: '必填' }))).toEqual({ statusCode: 422, code: 'validation_failed', message: '提交的内容有误，请按提示修改', errors: { name: '必填' } });
    expect(sut.toBody(conflict('stale_version', '已被修改'))).toEqual({ statusCode: 409, code: 'stale_version', message: '已被修改', errors: {} });
  });

  it('names malformed JSON, wrapped by Nest or raw', () => {
    const expected = { statusCode: 400, code: 'malformed_json', message: '请求体不是有效的 JSON', errors: {} };
    expect(sut.toBody(bodyParserError('entity.parse.failed', 400))).toEqual(expected);
    expect(sut.toBody(Object.assign(new SyntaxError('bad'), { status: 400, type: 'entity.parse.failed' }))).toEqual(expected);
  });

  it('names an over-large body', () => {
    expect(sut.toBody(bodyParserError('entity.too.large', 413))).toMatchObject({ statusCode: 413, code: 'payload_too_large', message: '请求体过大' });
    expect(sut.toBody(new PayloadTooLargeException('File too large'))).toMatchObject({ statusCode: 413, code: 'payload_too_large' });
  });

  it("replaces Nest's English messages with a Chinese one per status", () => {
    expect(sut.toBody(new NotFoundException('Cannot GET /api/nothing'))).toEqual({ statusCode: 404, code: 'not_found', message: '请求的资源不存在', errors: {} });
    expect(sut.toBody(new BadRequestException('Validation failed (numeric string is expected)'))).toMatchObject({ statusCode: 400, code: 'bad_request', message: '请求有误' });
  });

  it('maps unique and foreign-key violations of both drivers to 409', () => {
    for (const code of ['ER_DUP_ENTRY', 'SQLITE_CONSTRAINT_UNIQUE']) {
      expect(sut.toBody(Object.assign(new Error('dup'), { driverError: { code } }))).toMatchObject({ statusCode: 409, code: 'duplicate' });
    }
    for (const code of ['ER_ROW_IS_REFERENCED_2', 'SQLITE_CONSTRAINT_FOREIGNKEY']) {
      expect(sut.toBody(Object.assign(new Error('fk'), { driverError: { code } }))).toMatchObject({ statusCode: 409, code: 'referenced' });
    }
  });

  it('names JSON that is too deep, holds control characters, or is not JSON at all', () => {
    expect(sut.toBody(bodyParserError('entity.too.deep', 400))).toMatchObject({ statusCode: 400, code: 'too_deep' });
    expect(sut.toBody(bodyParserError('entity.invalid.characters', 400))).toMatchObject({ statusCode: 400, code: 'invalid_characters' });
    expect(sut.toBody(bodyParserError('charset.unsupported', 415))).toMatchObject({ statusCode: 415, code: 'unsupported_media_type' });
    expect(sut.toBody(bodyParserError('unsupported.media.type', 415))).toMatchObject({ statusCode: 415, code: 'unsupported_media_type' });
  });

  it.each([
    ['refused connection (mysql2)', Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:3306'), { code: 'ECONNREFUSED', fatal: true })],
    ['lost connection (mysql2)', Object.assign(new Error('Connection lost'), { code: 'PROTOCOL_CONNECTION_LOST', fatal: true })],
    ['server shutting down, in a QueryFailedError', Object.assign(new Error('shutdown'), { driverError: { code: 'ER_SERVER_SHUTDOWN' } })],
    ['SQLite locked past busy_timeout', Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY' })],
    ['a closed mysql2 pool', new Error('Pool is closed.')],
  ])('answers 503 database_unavailable to a database out of reach: %s', (_name, error) => {
    expect(sut.toBody(error)).toEqual({ statusCode: 503, code: 'database_unavailable', message: '数据库暂时无法连接或正忙，请稍后再试', errors: {} });
  });

  it('keeps SQL errors that are not about the connection a 500', () => {
    expect(sut.toBody(Object.assign(new Error('syntax'), { code: 'ER_PARSE_ERROR', fatal: false }))).toMatchObject({ statusCode: 500 });
    expect(sut.toBody(Object.assign(new Error('no such table'), { driverError: { code: 'SQLITE_ERROR' } }))).toMatchObject({ statusCode: 500 });
  });

  it('answers anything else 500 without a stack or the internal message', () => {
    const body = sut.toBody(new TypeError("Cannot read properties of undefined (reading 'id') at /srv/app.js:1"));
    expect(body).toEqual({ statusCode: 500, code: 'internal_error', message: '服务器内部错误，请联系管理员', errors: {} });
    expect(sut.toBody('a string')).toMatchObject({ statusCode: 500 });
  });
});
