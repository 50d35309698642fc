import { HttpException, HttpStatus } from '@nestjs/common';

/**
 * The one way a service says "no": an HTTP status, a stable English code, a Chinese message,
 * and optionally field-level messages. The exception filter turns it into the error body.
 */
export class AppError extends HttpException {
  constructor(
    status: HttpStatus,
    readonly code: string,
    message: string,
    readonly fieldErrors: Record<string, string> = {},
    /** Response headers that go with the answer (Retry-After of a 429). */
    readonly headers: Record<string, string> = {},
  ) {
    super({ code, message, errors: fieldErrors }, status);
  }
}

export const notFound = (what: string) => new AppError(HttpStatus.NOT_FOUND, 'not_found', `${what}不存在`);
export const forbidden = (message = '无权执行此操作') => new AppError(HttpStatus.FORBIDDEN, 'forbidden', message);
export const conflict = (code: string, message: string, errors: Record<string, string> = {}) =>
  new AppError(HttpStatus.CONFLICT, code, message, errors);
export const invalid = (errors: Record<string, string>, message = '提交的内容有误，请按提示修改') =>
  new AppError(HttpStatus.UNPROCESSABLE_ENTITY, 'validation_failed', message, errors);
export const badRequest = (code: string, message: string, errors: Record<string, string> = {}) =>
  new AppError(HttpStatus.BAD_REQUEST, code, message, errors);
