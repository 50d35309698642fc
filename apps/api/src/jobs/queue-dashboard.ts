import { createBullBoard } from '@bull-board/api';
import { BullAdapter } from '@bull-board/api/bullAdapter';
import { ExpressAdapter } from '@bull-board/express';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { getRepositoryToken } from '@nestjs/typeorm';
import type { NextFunction, Request, Response } from 'express';
import type { Repository } from 'typeorm';
import { SESSION_COOKIE, SessionTokenService } from '../auth/session-token.service';
import type { AppConfig } from '../config/app-config';
import { User } from '../users/user.entity';
import { BullJobDriver } from './bull-job.driver';

export const QUEUE_DASHBOARD_PATH = '/api/queues';

/** bull-board at /api/queues in Redis mode, for the office and admins only. */
export function mountQueueDashboard(app: NestExpressApplication, config: AppConfig) {
  if (config.queue.mode !== 'bull') return;
  const adapter = new ExpressAdapter();
  adapter.setBasePath(QUEUE_DASHBOARD_PATH);
  createBullBoard({ queues: [new BullAdapter(app.get(BullJobDriver).queue)], serverAdapter: adapter });
  const tokens = app.get(SessionTokenService);
  const users = app.get<Repository<User>>(getRepositoryToken(User));
  app.use(QUEUE_DASHBOARD_PATH, async (req: Request, res: Response, next: NextFunction) => {
    const header = req.headers.authorization;
    const token = header?.startsWith('Bearer ') ? header.slice(7) : (req.cookies?.[SESSION_COOKIE] as string | undefined);
    const claims = token ? tokens.verify(token) : null;
    const user = claims ? await users.findOne({ where: { id: claims.sub } }) : null;
    if (!user || !user.active || user.tokenVersion !== claims!.tv) {
      return res.status(401).json({ statusCode: 401, code: 'unauthorized', message: '请先登录', errors: {} });
    }
    if (user.role !== 'office' && user.role !== 'admin') {
      return res.status(403).json({ statusCode: 403, code: 'forbidden', message: '无权执行此操作', errors: {} });
    }
    next();
  }, adapter.getRouter());
}
