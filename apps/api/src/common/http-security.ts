import type { NextFunction, Request, RequestHandler, Response } from 'express';
import helmet from 'helmet';
import type { ErrorBody } from '@app/contracts';
import { SESSION_COOKIE } from '../auth/session-token.service';
import type { AppConfig } from '../config/app-config';

/**
 * Security headers for the API, the web app (dist/web) and the API docs. The CSP fits the
 * Vue/Element Plus/ECharts build: scripts only from our own files, inline styles allowed
 * (Element Plus sets them at run time), images also as data:/blob: URLs (pasted screenshots,
 * chart exports). No `upgrade-insecure-requests`: plain-HTTP installs on a district LAN are
 * common, and the browser would turn every asset request into a failing https one.
 * Referrer-Policy is `same-origin`, not helmet's `no-referrer`: under no-referrer browsers send
 * `Origin: null` even on same-origin writes, which the CSRF check below must refuse.
 */
export function securityHeaders(): RequestHandler[] {
  const headers = helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        'default-src': ["'self'"],
        'script-src': ["'self'"],
        'script-src-attr': ["'none'"],
        'style-src': ["'self'", "'unsafe-inline'"],
        'img-src': ["'self'", 'data:', 'blob:'],
        'font-src': ["'self'", 'data:'],
        'connect-src': ["'self'"],
        'object-src': ["'none'"],
        'base-uri': ["'self'"],
        'form-action': ["'self'"],
        'frame-ancestors': ["'none'"],
      },
    },
    xFrameOptions: { action: 'deny' },
    referrerPolicy: { policy: 'same-origin' },
    // Sent only over TLS (below): over plain HTTP the header is meaningless, and a district
    // that tries HTTPS on the same host name must not be locked into it by accident.
    strictTransportSecurity: false,
  });
  const hsts = helmet.strictTransportSecurity({ maxAge: 180 * 24 * 3600, includeSubDomains: false });
  return [headers, (req, res, next) => (req.secure ? hsts(req, res, next) : next())];
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * CSRF defence: a write carried by the session cookie (no Bearer header) must come from one of
 * PUBLIC_ORIGIN's origins, or from the request's own origin when none is configured. The
 * Origin header decides, else the Referer's origin. With neither the write is refused: every
 * current browser sends Origin on POST/PUT/PATCH/DELETE (same-origin too), so only non-browser
 * clients lack both — and those authenticate with the Bearer token.
 */
export function csrfOriginCheck(config: AppConfig): RequestHandler {
  const configured = config.http.publicOrigins;
  return (req: Request, res: Response, next: NextFunction) => {
    if (SAFE_METHODS.has(req.method)) return next();
    if (req.headers.authorization?.startsWith('Bearer ')) return next();
    if (!req.cookies?.[SESSION_COOKIE]) return next();
    const from = originOf(req.headers.origin) ?? (req.headers.origin === undefined ? originOf(req.headers.referer) : undefined);
    const allowed = configured.length ? configured : [originOf(`${req.protocol}://${req.host}`)];
    if (from && allowed.includes(from)) return next();
    const body: ErrorBody = { statusCode: 403, code: 'csrf_origin', message: '请求来源不是本系统页面，已拒绝（跨站请求防护）。请在本系统页面中重新操作', errors: {} };
    res.status(403).json(body);
  };
}

/** The normalised origin of a URL (scheme, host, port; default ports dropped), or undefined. */
function originOf(value: string | undefined): string | undefined {
  if (!value || value === 'null') return undefined;
  try {
    const url = new URL(value);
    return /^https?:$/.test(url.protocol) ? url.origin : undefined;
  } catch {
    return undefined;
  }
}
