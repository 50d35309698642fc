// Real receivers for reminders in tests: an SMTP server (smtp-server) that keeps every message
// it accepts, and an HTTP server standing in for the 企业微信/钉钉 robots that keeps every
// request and can be told to answer 500. No transport is mocked.
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  to: string[];
  raw: string;
}

export async function startSmtpSink(): Promise<{ port: number; mails: ReceivedMail[]; close: () => Promise<void> }> {
  const mails: ReceivedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        mails.push({ to: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks).toString('utf8') });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  return { port, mails, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

export interface SinkRequest {
  path: string;
  query: URLSearchParams;
  body: { msgtype?: string; text?: { content?: string } };
  status: number;
}

export interface WebhookSink {
  port: number;
  url: (path: string) => string;
  requests: SinkRequest[];
  /** The next `n` requests to `path` (-1 = all from now on) answer HTTP 500. */
  fail: (path: string, n: number) => void;
  close: () => Promise<void>;
}

export async function startWebhookSink(): Promise<WebhookSink> {
  const requests: SinkRequest[] = [];
  const failures = new Map<string, number>();
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://sink');
      const left = failures.get(url.pathname) ?? 0;
      const status = left !== 0 ? 500 : 200;
      if (left > 0) failures.set(url.pathname, left - 1);
      requests.push({ path: url.pathname, query: url.searchParams, body: JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}'), status });
      res.writeHead(status, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify(status === 200 ? { errcode: 0, errmsg: 'ok' } : { errcode: -1, errmsg: 'server error' }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    port,
    url: (path) => `http://127.0.0.1:${port}${path}`,
    requests,
    fail: (path, n) => void failures.set(path, n),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
