import type { Response } from 'supertest';
import { TEST_PASSWORD, TestApp } from './test-app';

/** Helpers for tests of sign-in, sessions and invitations. */
export const REFRESH_COOKIE = 'passerelle_refresh';

/** The `Set-Cookie` line of the refresh cookie in a response, if any. */
export function refreshSetCookie(res: Response): string | undefined {
  const header = res.headers['set-cookie'] as unknown;
  const lines = Array.isArray(header) ? (header as string[]) : typeof header === 'string' ? [header] : [];
  return lines.find((line) => line.startsWith(`${REFRESH_COOKIE}=`));
}

/** `passerelle_refresh=<token>`, ready to send back as a `Cookie` header. */
export function refreshCookie(res: Response): string {
  const line = refreshSetCookie(res);
  if (!line) throw new Error(`no refresh cookie in ${JSON.stringify(res.headers['set-cookie'])}`);
  return line.split(';')[0];
}

/** Signs in and returns the access token and the refresh cookie. */
export async function signIn(t: TestApp, email: string, password = TEST_PASSWORD) {
  const res = await t.http().post('/api/auth/login').send({ email, password });
  if (res.status !== 200) throw new Error(`login ${email} failed: ${res.status} ${JSON.stringify(res.body)}`);
  return { accessToken: res.body.accessToken as string, cookie: refreshCookie(res), body: res.body };
}

export const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
