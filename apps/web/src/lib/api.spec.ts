import { mockFetch } from '../test/fetch';
import { ApiClient, ApiError } from './api';

const session = (token: string) => ({
  accessToken: token,
  expiresIn: 900,
  user: { id: 'u1', email: 'editor.lyon@passerelle.test', name: 'Editor', role: 'member' },
});

describe('ApiClient', () => {
  it('sends the access token as a Bearer header', async () => {
    const { calls } = mockFetch({ 'GET /api/me': { status: 200, body: { id: 'u1' } } });
    const client = new ApiClient();
    client.setSession(session('token-1') as never);
    await client.get('/me');
    expect(calls[0].headers.Authorization).toBe('Bearer token-1');
  });

  it('on 401 refreshes the session once, then retries the request with the new token', async () => {
    const { calls } = mockFetch({
      'GET /api/me': (req) =>
        req.headers.Authorization === 'Bearer fresh'
          ? { status: 200, body: { id: 'u1', name: 'Editor' } }
          : { status: 401, body: { statusCode: 401, code: 'unauthorized', message: 'Token expired' } },
      'POST /api/auth/refresh': { status: 200, body: session('fresh') },
    });
    const client = new ApiClient();
    client.setSession(session('stale') as never);

    await expect(client.get('/me')).resolves.toEqual({ id: 'u1', name: 'Editor' });
    expect(calls.map((c) => `${c.method} ${c.url} ${c.headers.Authorization ?? ''}`.trim())).toEqual([
      'GET /api/me Bearer stale',
      'POST /api/auth/refresh',
      'GET /api/me Bearer fresh',
    ]);
    expect(client.getAccessToken()).toBe('fresh');
  });

  it('shares one refresh between requests that fail together', async () => {
    const { calls } = mockFetch({
      'GET /api/me': (req) =>
        req.headers.Authorization === 'Bearer fresh' ? { status: 200, body: {} } : { status: 401 },
      'GET /api/cities': (req) =>
        req.headers.Authorization === 'Bearer fresh' ? { status: 200, body: [] } : { status: 401 },
      'POST /api/auth/refresh': { status: 200, body: session('fresh') },
    });
    const client = new ApiClient();
    await Promise.all([client.get('/me'), client.get('/cities')]);
    expect(calls.filter((c) => c.url === '/api/auth/refresh')).toHaveLength(1);
  });

  it('gives up after one refresh: a second 401 is thrown and the session ends', async () => {
    const { calls } = mockFetch({
      'GET /api/me': { status: 401, body: { statusCode: 401, code: 'unauthorized', message: 'Account deactivated' } },
      'POST /api/auth/refresh': { status: 200, body: session('fresh') },
    });
    const client = new ApiClient();
    const error = await client.get('/me').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 401, code: 'unauthorized', message: 'Account deactivated' });
    expect(calls).toHaveLength(3);
  });

  it('ends the session when the refresh is refused', async () => {
    mockFetch({
      'GET /api/me': { status: 401 },
      'POST /api/auth/refresh': { status: 401, body: { statusCode: 401, code: 'unauthorized', message: 'No session' } },
    });
    const client = new ApiClient();
    client.setSession(session('stale') as never);
    const ended = jest.fn();
    client.onSession(ended);
    await expect(client.get('/me')).rejects.toMatchObject({ status: 401 });
    expect(ended).toHaveBeenCalledWith(null);
    expect(client.getAccessToken()).toBeNull();
  });

  it('does not refresh for calls made without authentication (sign-in)', async () => {
    const { calls } = mockFetch({
      'POST /api/auth/login': {
        status: 401,
        body: { statusCode: 401, code: 'unauthorized', message: 'Invalid email or password' },
      },
    });
    const client = new ApiClient();
    await expect(client.post('/auth/login', { email: 'a', password: 'b' }, { auth: false })).rejects.toMatchObject({
      message: 'Invalid email or password',
    });
    expect(calls).toHaveLength(1);
  });

  it('turns an error body into an ApiError with code, message and fields', async () => {
    mockFetch({
      'PATCH /api/me': {
        status: 400,
        body: { statusCode: 400, code: 'validation_failed', message: 'name must be shorter', fields: ['name'] },
      },
    });
    const client = new ApiClient();
    await expect(client.patch('/me', { name: 'x' })).rejects.toMatchObject({
      status: 400,
      code: 'validation_failed',
      message: 'name must be shorter',
      fields: ['name'],
    });
  });

  it('reports a network failure as an ApiError with the network code', async () => {
    globalThis.fetch = jest.fn().mockRejectedValue(new TypeError('Failed to fetch')) as unknown as typeof fetch;
    await expect(new ApiClient().get('/cities')).rejects.toMatchObject({ status: 0, code: 'network' });
  });
});
