import { AsyncLocalStorage } from 'node:async_hooks';
import type { NextFunction, Request, Response } from 'express';

/** Where a request came from, as the audit log and the session list record it. */
export interface ClientInfo {
  /** req.ip: the client behind a trusted (loopback) proxy, else the socket's peer. */
  address: string;
  userAgent: string;
}

const storage = new AsyncLocalStorage<ClientInfo>();

export function clientOf(req: Request): ClientInfo {
  const address = (req.ip ?? req.socket?.remoteAddress ?? '').replace(/^::ffff:/, '');
  return { address: address.slice(0, 64), userAgent: String(req.headers['user-agent'] ?? '').slice(0, 255) };
}

/**
 * Keeps the caller's address and user agent for the rest of the request, so that every audit
 * entry carries them without each service passing them down.
 */
export function requestContextMiddleware(req: Request, _res: Response, next: NextFunction) {
  storage.run(clientOf(req), next);
}

/** The current request's client; null outside a request (jobs, seeding). */
export const currentClient = (): ClientInfo | null => storage.getStore() ?? null;
