import { api } from '../lib/api';

/** Seconds before expiry at which a token is renewed rather than sent. */
const MARGIN_SECONDS = 30;

/** The expiry (seconds since the epoch) of a JWT, or null when the token is not one. */
export function tokenExpiry(token: string): number | null {
  const payload = token.split('.')[1];
  if (!payload) return null;
  try {
    const json = JSON.parse(atob(payload.replace(/-/g, '+').replace(/_/g, '/'))) as { exp?: unknown };
    return typeof json.exp === 'number' ? json.exp : null;
  } catch {
    return null;
  }
}

/**
 * The access token for the collaboration socket's handshake. Access tokens are short-lived and a
 * socket reconnects long after the page got its token: renew it when it is about to expire or when
 * the server refused the last one.
 */
export async function collabToken(refused: boolean, now: () => number = Date.now): Promise<string> {
  const current = api.getAccessToken();
  const expiry = current ? tokenExpiry(current) : null;
  const fresh = current !== null && !refused && (expiry === null || expiry - MARGIN_SECONDS > now() / 1000);
  if (fresh) return current;
  try {
    const session = await api.refresh();
    return session?.accessToken ?? '';
  } catch {
    // Offline: the socket cannot connect anyway; it asks again on its next attempt.
    return current ?? '';
  }
}
