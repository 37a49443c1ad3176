import { LIMITS } from '@passerelle/domain';
import type { CookieOptions, Request, Response } from 'express';
import type { AppConfig } from '../../core/config/config';

export const REFRESH_COOKIE = 'passerelle_refresh';

/**
 * httpOnly so that page scripts never see it; limited to the auth routes so that it travels only
 * to refresh and logout; SameSite=Lax against cross-site posts; Secure in production.
 */
function baseOptions(config: AppConfig): CookieOptions {
  return { httpOnly: true, sameSite: 'lax', secure: config.production, path: '/api/auth' };
}

export function setRefreshCookie(res: Response, token: string, config: AppConfig): void {
  res.cookie(REFRESH_COOKIE, token, { ...baseOptions(config), maxAge: LIMITS.refreshTokenTtlSeconds * 1000 });
}

export function clearRefreshCookie(res: Response, config: AppConfig): void {
  res.clearCookie(REFRESH_COOKIE, baseOptions(config));
}

export function readRefreshCookie(req: Request): string | undefined {
  const value: unknown = (req.cookies as Record<string, unknown> | undefined)?.[REFRESH_COOKIE];
  return typeof value === 'string' && value.length > 0 && value.length <= 200 ? value : undefined;
}
