/** What a fake endpoint answers: a status and a JSON body (none for 204). */
export interface FakeAnswer {
  status: number;
  body?: unknown;
}

export interface FakeRequest {
  url: string;
  method: string;
  headers: Record<string, string>;
  body: unknown;
}

type Handler = (request: FakeRequest) => FakeAnswer | undefined;

/**
 * Replaces global fetch (jsdom has none) with routes of `METHOD /path` → answer or handler. Unknown
 * routes answer 404 so that a test never hangs on a request it did not plan for.
 */
export function mockFetch(routes: Record<string, FakeAnswer | Handler>) {
  const calls: FakeRequest[] = [];
  const fn = jest.fn(async (input: string, init: RequestInit = {}) => {
    const method = init.method ?? 'GET';
    const request: FakeRequest = {
      url: input,
      method,
      headers: (init.headers ?? {}) as Record<string, string>,
      body: typeof init.body === 'string' ? JSON.parse(init.body) : undefined,
    };
    calls.push(request);
    const path = input.split('?')[0];
    const route = routes[`${method} ${path}`] ?? routes[`${method} ${input}`];
    const answer = (typeof route === 'function' ? route(request) : route) ?? {
      status: 404,
      body: { message: 'Not Found' },
    };
    const text = answer.body === undefined ? '' : JSON.stringify(answer.body);
    return {
      ok: answer.status >= 200 && answer.status < 300,
      status: answer.status,
      statusText: String(answer.status),
      json: async () => JSON.parse(text),
      text: async () => text,
    } as unknown as Response;
  });
  globalThis.fetch = fn as unknown as typeof fetch;
  return { fn, calls };
}
