import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { Response } from 'express';
import type { ErrorBody } from '@app/contracts';
import { AppError } from './app-error';
import { isDatabaseUnavailable, isForeignKeyViolation, isUniqueViolation } from './db-errors';
import { MAX_JSON_DEPTH } from './request-body';

const DEFAULT_CODES: Record<number, [string, string]> = {
  400: ['bad_request', '请求有误'],
  401: ['unauthorized', '请先登录'],
  403: ['forbidden', '无权执行此操作'],
  404: ['not_found', '请求的资源不存在'],
  405: ['method_not_allowed', '不支持的请求方式'],
  409: ['conflict', '与现有数据冲突'],
  413: ['payload_too_large', '上传内容过大'],
  415: ['unsupported_media_type', '请求内容的类型不受支持，请以 JSON（UTF-8）提交'],
  422: ['validation_failed', '提交的内容有误'],
  429: ['too_many_requests', '请求过于频繁，请稍后再试'],
  503: ['unavailable', '服务暂不可用，请稍后再试'],
};

/** Turns every error into the one error body; unknown errors are logged and answered 500 without a stack. */
@Catch()
export class ErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('ErrorFilter');

  catch(exception: unknown, host: ArgumentsHost) {
    const response = host.switchToHttp().getResponse<Response>();
    const body = this.toBody(exception);
    if (body.statusCode >= 500 && body.statusCode !== 503) this.logger.error(exception instanceof Error ? exception.stack : String(exception));
    // Operators need to hear of an outage even though the user only sees "retry later".
    if (body.code === 'database_unavailable') this.logger.warn(`database unavailable: ${exception instanceof Error ? exception.message : String(exception)}`);
    if (exception instanceof AppError) response.set(exception.headers);
    // A download route's @Header (an .xlsx type, an attachment name) is set before its pipes
    // run; an error body must not go out labelled as that file.
    response.removeHeader('Content-Disposition');
    response.status(body.statusCode).type('application/json').json(body);
  }

  toBody(exception: unknown): ErrorBody {
    if (exception instanceof AppError) {
      return { statusCode: exception.getStatus(), code: exception.code, message: exception.message, errors: exception.fieldErrors };
    }
    // body-parser's errors carry a status and a type (entity.parse.failed, entity.too.large).
    // Nest's Express adapter wraps them in an HttpException with the original as its cause.
    const raw = (exception instanceof HttpException && exception.cause ? exception.cause : exception) as { status?: number; type?: string };
    if (raw?.type === 'entity.parse.failed') {
      return { statusCode: 400, code: 'malformed_json', message: '请求体不是有效的 JSON', errors: {} };
    }
    if (raw?.type === 'entity.too.large') {
      return { statusCode: 413, code: 'payload_too_large', message: '请求体过大', errors: {} };
    }
    if (raw?.type === 'entity.too.deep') {
      return { statusCode: 400, code: 'too_deep', message: `请求体嵌套过深（最多 ${MAX_JSON_DEPTH} 层）`, errors: {} };
    }
    if (raw?.type === 'entity.invalid.characters') {
      return { statusCode: 400, code: 'invalid_characters', message: '提交的文字中含有控制字符或无效字符，请删除后重试', errors: {} };
    }
    if (raw?.type === 'charset.unsupported' || raw?.type === 'unsupported.media.type') {
      const [code, message] = DEFAULT_CODES[415];
      return { statusCode: 415, code, message, errors: {} };
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const [code, message] = DEFAULT_CODES[status] ?? ['error', '请求失败'];
      return { statusCode: status, code, message, errors: {} };
    }
    if (isUniqueViolation(exception)) {
      return { statusCode: HttpStatus.CONFLICT, code: 'duplicate', message: '已存在相同的记录', errors: {} };
    }
    if (isForeignKeyViolation(exception)) {
      return { statusCode: HttpStatus.CONFLICT, code: 'referenced', message: '该记录已被引用，不能删除，请改为停用', errors: {} };
    }
    if (isDatabaseUnavailable(exception)) {
      return { statusCode: HttpStatus.SERVICE_UNAVAILABLE, code: 'database_unavailable', message: '数据库暂时无法连接或正忙，请稍后再试', errors: {} };
    }
    return { statusCode: 500, code: 'internal_error', message: '服务器内部错误，请联系管理员', errors: {} };
  }
}
