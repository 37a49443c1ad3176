import { api, ApiError } from '../../lib/api';
import type { Endpoint } from '../../lib/endpoints';

export interface DownloadedFile {
  blob: Blob;
  /** The name the server suggests (Content-Disposition), when it gives one. */
  filename: string | null;
}

const filenameOf = (disposition: string | null): string | null =>
  disposition?.match(/filename\*?=(?:UTF-8'')?"?([^";]+)"?/i)?.[1] ?? null;

async function errorOf(response: Response): Promise<ApiError> {
  let message = response.statusText;
  try {
    const body = (await response.json()) as { message?: string | string[] };
    if (body.message) message = Array.isArray(body.message) ? body.message.join(', ') : body.message;
  } catch {
    // Not JSON: the status says enough.
  }
  const code = ({ 400: 'bad_request', 403: 'forbidden', 404: 'not_found' } as const)[response.status] ?? 'internal';
  return new ApiError(response.status, code, message);
}

/**
 * Fetches a file the API serves behind the access token (iCalendar, CSV, Word, HTML). A plain link
 * cannot carry the token — it lives in memory only — so the file comes through fetch, with one
 * renewal of the token on 401 as the JSON client does.
 */
export async function fetchFile(
  target: Endpoint,
  query: Record<string, string | undefined> = {},
  fetchFn: typeof fetch = (...args) => globalThis.fetch(...args),
): Promise<DownloadedFile> {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value) params.set(key, value);
  const search = params.toString();
  const url = `/api${target.path}${search ? `?${search}` : ''}`;
  const send = (token: string | null) =>
    fetchFn(url, {
      method: target.method,
      credentials: 'same-origin',
      headers: {
        ...(token ? { Authorization: `Bearer ${token}` } : {}),
        ...(typeof document !== 'undefined' && document.documentElement.lang
          ? { 'Accept-Language': document.documentElement.lang }
          : {}),
      },
    });
  let response: Response;
  try {
    response = await send(api.getAccessToken());
    if (response.status === 401) {
      const session = await api.refresh();
      if (session) response = await send(session.accessToken);
    }
  } catch (error) {
    throw new ApiError(0, 'network', (error as Error)?.message ?? 'network error');
  }
  if (!response.ok) throw await errorOf(response);
  return { blob: await response.blob(), filename: filenameOf(response.headers.get('Content-Disposition')) };
}

/** Hands a fetched file to the browser as a download. */
export function saveFile({ blob, filename }: DownloadedFile, fallbackName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename ?? fallbackName;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  // The browser has started reading the blob by now; keep it a moment for slow machines.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** Fetches and saves in one go: what a "Download" button does. */
export async function downloadFile(
  target: Endpoint,
  query: Record<string, string | undefined>,
  fallbackName: string,
): Promise<void> {
  saveFile(await fetchFile(target, query), fallbackName);
}
