import { type CallHandler, type ExecutionContext, HttpStatus, Injectable, type NestInterceptor } from '@nestjs/common';
import { ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import type { Request } from 'express';
import { AppError } from './app-error';

/** Nest's RouteParamtypes.FILE (the enum is not exported): the key of an @UploadedFile() parameter. */
const FILE_PARAM = 8;

/**
 * A multipart form is read only by the upload routes (those taking an @UploadedFile()). Sent to
 * any other route it would arrive as an empty DTO and run the action with its defaults (close a
 * quarter, start a recompute), so it is refused like any other body that is not JSON.
 */
@Injectable()
export class MultipartOnlyForUploadsInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler) {
    const request = context.switchToHttp().getRequest<Request>();
    if (request.is?.('multipart/form-data')) {
      const args = Reflect.getMetadata(ROUTE_ARGS_METADATA, context.getClass(), context.getHandler().name) as Record<string, unknown> | undefined;
      const takesFile = Object.keys(args ?? {}).some((key) => Number(key.split(':')[0]) === FILE_PARAM);
      if (!takesFile) throw new AppError(HttpStatus.UNSUPPORTED_MEDIA_TYPE, 'unsupported_media_type', '此操作不接受上传表单，请以 JSON（UTF-8）提交');
    }
    return next.handle();
  }
}
