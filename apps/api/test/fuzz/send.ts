import type { TestApp } from '../utils/test-app';
import type { Response } from './oracle';
import { wellFormed, type RestCase } from './openapi';

/** Percent-encodes what a URL cannot carry raw, keeping %-sequences that are there on purpose. */
export const rawPath = (url: string): string =>
  wellFormed(url).replace(/[^A-Za-z0-9\-._~%!$&'()*+,;=:@/?]/gu, (c) => encodeURIComponent(c));

/** Sends a request and reads the whole answer as text (binary answers too: they are searched for leaks). */
export async function send(
  t: TestApp,
  method: RestCase['operation']['method'],
  url: string,
  options: { token?: string; body?: string | Buffer; contentType?: string; headers?: Record<string, string> } = {},
): Promise<Response> {
  let req = t.http()[method](rawPath(url));
  if (options.token) req = req.set('Authorization', `Bearer ${options.token}`);
  for (const [name, value] of Object.entries(options.headers ?? {})) req = req.set(name, value);
  if (options.body !== undefined) {
    // Sent as they are: superagent would otherwise serialise a Buffer as JSON.
    req = req
      .set('Content-Type', options.contentType ?? 'application/json')
      .serialize((body: unknown) => body as string)
      .send(options.body);
  }
  const res = await req.buffer(true).parse((stream, done) => {
    const chunks: Buffer[] = [];
    const input = stream as unknown as NodeJS.ReadableStream;
    input.on('data', (chunk: Buffer) => chunks.push(chunk));
    input.on('end', () => done(null, Buffer.concat(chunks)));
    input.on('error', (error: Error) => done(error, null));
  });
  return {
    status: res.status,
    headers: res.headers as Response['headers'],
    text: (res.body as Buffer).toString('utf8'),
  };
}

/** The request a fuzz case describes. */
export function sendCase(t: TestApp, c: RestCase, token?: string): Promise<Response> {
  if (c.raw) return send(t, c.operation.method, c.url, { token, body: c.raw.text, contentType: c.raw.contentType });
  return send(t, c.operation.method, c.url, { token, body: c.body === undefined ? undefined : JSON.stringify(c.body) });
}

/** "400 validation_failed", "201", …: how an answer is counted. */
export function outcomeOf(res: Response): string {
  if (res.status < 400) return String(res.status);
  try {
    const code = (JSON.parse(res.text) as { code?: unknown }).code;
    return typeof code === 'string' ? `${res.status} ${code}` : String(res.status);
  } catch {
    return String(res.status);
  }
}
