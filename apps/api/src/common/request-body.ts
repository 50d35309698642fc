import type { NextFunction, Request, Response } from 'express';

/**
 * The deepest JSON a client may send. The deepest real body (an article with its units) is
 * three levels; 5,000 levels used to reach class-transformer, which recurses per level and
 * ended in a 500 (issue #11).
 */
export const MAX_JSON_DEPTH = 32;

/** A request-body error for body-parser: its status and type reach ErrorFilter. */
function bodyError(status: number, type: string, message: string) {
  return Object.assign(new Error(message), { status, type });
}

/**
 * body-parser's `verify` hook for JSON, run on the raw bytes before they are parsed: refuses a
 * charset other than UTF-8 (RFC 8259), nesting deeper than MAX_JSON_DEPTH, and strings holding
 * control characters (other than tab, line feed, carriage return) or unpaired surrogates — no
 * field takes them, and MariaDB, the DOCX/XLSX writers and the browser each treat them
 * differently. One pass over the text, outside strings counting brackets, inside them reading
 * escapes (raw control characters in a string are already a JSON syntax error).
 */
export function verifyJsonBody(_req: unknown, _res: unknown, buf: Buffer, encoding: string | null) {
  if (encoding && encoding.toLowerCase() !== 'utf-8' && encoding.toLowerCase() !== 'utf8') {
    throw bodyError(415, 'charset.unsupported', `unsupported charset ${encoding}`);
  }
  const text = buf.toString('utf8');
  let depth = 0;
  let inString = false;
  let highSurrogatePending = false;
  const hex = (at: number) => parseInt(text.slice(at, at + 4), 16);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (!inString) {
      if (c === 0x22) inString = true;
      else if (c === 0x5b || c === 0x7b) {
        if (++depth > MAX_JSON_DEPTH) throw bodyError(400, 'entity.too.deep', 'JSON nested too deep');
      } else if (c === 0x5d || c === 0x7d) depth--;
      continue;
    }
    let code = c;
    if (c === 0x22) {
      inString = false;
      code = -1;
    } else if (c === 0x5c) {
      const next = text[++i];
      if (next === 'u') {
        code = hex(i + 1);
        i += 4;
      } else code = next === 'b' ? 0x08 : next === 'f' ? 0x0c : 0x20;
    }
    const isLow = code >= 0xdc00 && code <= 0xdfff;
    if (highSurrogatePending !== isLow || (code >= 0 && code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d)) {
      throw bodyError(400, 'entity.invalid.characters', 'control character or unpaired surrogate in a string');
    }
    highSurrogatePending = code >= 0xd800 && code <= 0xdbff;
  }
}

const BODY_TYPES = ['application/json', 'application/*+json', 'multipart/form-data'];

/**
 * Write requests carry JSON (or a multipart upload). A form or plain-text body would otherwise
 * reach the handlers as an empty or string-typed DTO and run the action with its defaults.
 */
export function requireJsonBody(req: Request, res: Response, next: NextFunction) {
  const hasBody = Number(req.headers['content-length'] ?? 0) > 0 || req.headers['transfer-encoding'] !== undefined;
  if (!hasBody || req.method === 'GET' || req.method === 'HEAD' || req.is(BODY_TYPES)) return next();
  next(bodyError(415, 'unsupported.media.type', `unsupported content type ${req.headers['content-type'] ?? ''}`));
}
