import 'reflect-metadata';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { SwaggerModule } from '@nestjs/swagger';
import cookieParser from 'cookie-parser';
import { json, type NextFunction, type Request, type Response } from 'express';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module';
import type { Clock } from './common/clock';
import { csrfOriginCheck, securityHeaders } from './common/http-security';
import { buildOpenApiDocument } from './common/openapi';
import { requireJsonBody, verifyJsonBody } from './common/request-body';
import { createValidationPipe } from './common/validation';
import type { AppConfig } from './config/app-config';
import { repoRoot } from './config/paths';
import { mountQueueDashboard } from './jobs/queue-dashboard';
import { DemoSeedService, type SeedResult } from './seed/demo-seed.service';

export interface StartedApp {
  app: NestExpressApplication;
  seed: SeedResult | null;
}

/** Builds the HTTP application: the same for `npm start`, the tests and the benchmarks. */
export async function createHttpApp(config: AppConfig, options: { bufferLogs?: boolean; clock?: Clock } = {}): Promise<StartedApp> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config, options.clock), {
    bufferLogs: options.bufferLogs ?? true,
    ...(config.logLevel === 'silent' ? { logger: false } : {}),
  });
  app.useLogger(app.get(Logger));
  app.enableShutdownHooks();
  app.set('trust proxy', config.http.trustProxy);
  app.disable('x-powered-by');
  app.use(...securityHeaders());
  app.use(cookieParser());
  app.use(csrfOriginCheck(config));
  app.use(requireJsonBody);
  // express.json itself rather than useBodyParser, whose options type reserves `verify`.
  app.use(json({ limit: '2mb', verify: verifyJsonBody }));
  app.setGlobalPrefix('api');
  app.useGlobalPipes(createValidationPipe());
  mountQueueDashboard(app, config);
  SwaggerModule.setup('api/docs', app, buildOpenApiDocument(app));
  serveWebApp(app);
  await app.init();
  const seed = config.demo.seed ? await app.get(DemoSeedService).seedIfEmpty() : null;
  return { app, seed };
}

/** Serves the built web app (dist/web) at / with a fallback to index.html for client-side routes. */
function serveWebApp(app: NestExpressApplication) {
  const webDir = path.join(repoRoot(), 'dist', 'web');
  const index = path.join(webDir, 'index.html');
  if (!fs.existsSync(index)) return;
  // Not app.useStaticAssets: as app-wide middleware it would stat a file under dist/web for
  // every API request as well (a failed fs.stat per call).
  app.use((req: Request, res: Response, next: NextFunction) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || req.path.startsWith('/api')) return next();
    // `root` confines the path to dist/web (send answers 403 to `..`).
    res.sendFile(req.path, { root: webDir, index: false, maxAge: '1h' }, (error?: Error & { status?: number }) => {
      if (!error || res.headersSent) return;
      // Not a file there (missing, a directory, outside the root): client-side routes get the page.
      if ((error.status ?? 404) >= 500) return next(error);
      if (req.method === 'GET' && req.accepts('html')) return res.sendFile(index);
      next();
    });
  });
}
