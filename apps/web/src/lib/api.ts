import type { ErrorBody, ErrorCode, LoginResponseDto } from '@passerelle/domain';
import { endpoint, type Endpoint } from './endpoints';

/** An error answered by the API (or a network failure, with status 0), carrying the shared error code. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode | 'network',
    message: string,
    readonly fields?: string[],
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export const isApiError = (error: unknown): error is ApiError => error instanceof ApiError;

export type SessionListener = (session: LoginResponseDto | null) => void;

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  body?: unknown;
  /** Query parameters; undefined and empty values are left out. */
  query?: Record<string, string | undefined>;
  /** Send the access token and renew it on 401 (default true). */
  auth?: boolean;
  signal?: AbortSignal;
}

export interface ApiClientOptions {
  baseUrl?: string;
  fetch?: typeof fetch;
  /** The interface language, sent as Accept-Language so the API can answer in it. */
  language?: () => string;
}

async function readError(response: Response): Promise<ApiError> {
  let body: Partial<ErrorBody> & { message?: string | string[] } = {};
  try {
    body = (await response.json()) as typeof body;
  } catch {
    // A proxy or a crashed server may answer without JSON; the status alone still says what happened.
  }
  const message = Array.isArray(body.message) ? body.message.join(', ') : (body.message ?? response.statusText);
  const code = body.code ?? codeForStatus(response.status);
  return new ApiError(response.status, code, message || String(response.status), body.fields);
}

function codeForStatus(status: number): ErrorCode {
  switch (status) {
    case 400:
      return 'bad_request';
    case 401:
      return 'unauthorized';
    case 403:
      return 'forbidden';
    case 404:
      return 'not_found';
    case 409:
      return 'conflict';
    case 413:
      return 'too_large';
    case 429:
      return 'rate_limited';
    case 503:
      return 'unavailable';
    default:
      return 'internal';
  }
}

/**
 * The typed fetch client of the web app. The access token lives only in memory; the refresh token is
 * an httpOnly cookie, so a 401 triggers one call to /auth/refresh (shared by every request waiting on
 * it, because the server rotates the cookie) and the request is retried once with the new token.
 */
export class ApiClient {
  private accessToken: string | null = null;
  private refreshing: Promise<LoginResponseDto | null> | null = null;
  private readonly listeners = new Set<SessionListener>();
  private readonly baseUrl: string;
  private readonly fetchFn: typeof fetch;
  private readonly language?: () => string;

  constructor(options: ApiClientOptions = {}) {
    this.baseUrl = options.baseUrl ?? '/api';
    this.fetchFn = options.fetch ?? ((...args) => globalThis.fetch(...args));
    this.language = options.language;
  }

  getAccessToken(): string | null {
    return this.accessToken;
  }

  /** Called with the new session after a sign-in or a refresh, and with null once the session is gone. */
  onSession(listener: SessionListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  setSession(session: LoginResponseDto | null): void {
    this.accessToken = session?.accessToken ?? null;
    this.listeners.forEach((listener) => listener(session));
  }

  /** Renews the access token from the refresh cookie; null when there is no valid session. */
  refresh(): Promise<LoginResponseDto | null> {
    const { method, path } = endpoint('auth.refresh');
    this.refreshing ??= this.send(path, { method }, null)
      .then(async (response) => {
        if (!response.ok) {
          this.setSession(null);
          return null;
        }
        const session = (await response.json()) as LoginResponseDto;
        this.setSession(session);
        return session;
      })
      .finally(() => {
        this.refreshing = null;
      });
    return this.refreshing;
  }

  async request<T>(path: string, options: RequestOptions = {}): Promise<T> {
    const auth = options.auth ?? true;
    let response = await this.send(path, options, auth ? this.accessToken : null);
    if (response.status === 401 && auth) {
      const session = await this.refresh();
      if (session) response = await this.send(path, options, session.accessToken);
    }
    if (!response.ok) throw await readError(response);
    if (response.status === 204) return undefined as T;
    const text = await response.text();
    return (text ? JSON.parse(text) : undefined) as T;
  }

  /** Calls one entry of the endpoint table (`endpoint(name, params)` of lib/endpoints.ts): how features reach the API. */
  call<T>(target: Endpoint, options: Omit<RequestOptions, 'method'> = {}): Promise<T> {
    return this.request<T>(target.path, { ...options, method: target.method });
  }

  get<T>(path: string, query?: RequestOptions['query'], signal?: AbortSignal): Promise<T> {
    return this.request<T>(path, { query, signal });
  }

  post<T>(path: string, body?: unknown, options: Omit<RequestOptions, 'method' | 'body'> = {}): Promise<T> {
    return this.request<T>(path, { ...options, method: 'POST', body });
  }

  patch<T>(path: string, body: unknown): Promise<T> {
    return this.request<T>(path, { method: 'PATCH', body });
  }

  private async send(path: string, options: RequestOptions, token: string | null): Promise<Response> {
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (options.body !== undefined) headers['Content-Type'] = 'application/json';
    if (token) headers.Authorization = `Bearer ${token}`;
    const language = this.language?.();
    if (language) headers['Accept-Language'] = language;
    try {
      return await this.fetchFn(this.url(path, options.query), {
        method: options.method ?? 'GET',
        headers,
        body: options.body === undefined ? undefined : JSON.stringify(options.body),
        credentials: 'same-origin',
        signal: options.signal,
      });
    } catch (error) {
      if ((error as Error)?.name === 'AbortError') throw error;
      throw new ApiError(0, 'network', (error as Error)?.message ?? 'network error');
    }
  }

  private url(path: string, query?: RequestOptions['query']): string {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(query ?? {})) if (value) params.set(key, value);
    const search = params.toString();
    return `${this.baseUrl}${path}${search ? `?${search}` : ''}`;
  }
}

/** The one client of the app; features call it through their own small API modules. */
export const api = new ApiClient({
  language: () => (typeof document === 'undefined' ? '' : document.documentElement.lang),
});
