import { MulterModule } from '@nestjs/platform-express';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/app-config';

/**
 * Multer with the configured size limit, kept in memory (files are checked, hashed and then
 * written by FileStore). One byte over the limit is still read so the check can name it.
 */
export const UploadsModule = MulterModule.registerAsync({
  inject: [APP_CONFIG],
  useFactory: (config: AppConfig) => ({ limits: { fileSize: config.uploads.maxBytes + 1, files: 1 } }),
});
