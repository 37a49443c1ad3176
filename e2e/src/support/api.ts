import type { DocumentAction, DocumentKind, DocumentStatus, Language } from '@passerelle/domain';
import { DEMO_PASSWORD } from './browser';
import { baseUrl } from './state';

/** Direct REST calls for a test's setup and checks (the browser is for what people do). */
export interface Session {
  token: string;
  user: { id: string; email: string; name: string; role: string };
}

export interface Doc {
  id: string;
  cityId: string | null;
  kind: DocumentKind;
  title: string;
  language: Language;
  status: DocumentStatus;
  published: boolean;
  permissions: DocumentAction[];
}

export async function call<T>(
  session: Session | null,
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; body: T }> {
  const res = await fetch(`${baseUrl()}/api${path}`, {
    method,
    headers: {
      Accept: 'application/json',
      ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      ...(session ? { Authorization: `Bearer ${session.token}` } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : undefined) as T };
}

export async function login(email: string, password = DEMO_PASSWORD): Promise<Session> {
  const res = await call<{ accessToken: string; user: Session['user'] }>(null, 'POST', '/auth/login', {
    email,
    password,
  });
  if (res.status !== 200) throw new Error(`sign-in of ${email} failed: ${res.status} ${JSON.stringify(res.body)}`);
  return { token: res.body.accessToken, user: res.body.user };
}

export async function cityId(session: Session, slug: string): Promise<string> {
  const res = await call<Array<{ id: string; slug: string }>>(session, 'GET', '/cities');
  const city = res.body.find((c) => c.slug === slug);
  if (!city) throw new Error(`no city ${slug}`);
  return city.id;
}

/** The city's document of a kind, as the given person sees it. */
export async function cityDocument(session: Session, slug: string, kind: DocumentKind): Promise<Doc> {
  const id = await cityId(session, slug);
  const res = await call<Doc[]>(session, 'GET', `/documents?cityId=${id}&kind=${kind}`);
  if (res.status !== 200 || res.body.length === 0) throw new Error(`no ${kind} for ${slug}: ${res.status}`);
  return res.body[0];
}

/** The document's text as the server renders it (what is durably stored). */
export async function markdown(session: Session, documentId: string): Promise<string> {
  const res = await fetch(`${baseUrl()}/api/documents/${documentId}/content?format=markdown`, {
    headers: { Authorization: `Bearer ${session.token}` },
  });
  if (!res.ok) throw new Error(`content of ${documentId}: ${res.status}`);
  return res.text();
}

/**
 * A new person with a role in a city, made the way the product does it: a coordinator invites them,
 * they accept the link with a name and password.
 */
export async function invitePerson(
  citySlug: string,
  role: 'editor' | 'stakeholder' | 'observer',
  name: string,
): Promise<{ email: string; password: string; name: string }> {
  const coordinator = await login('coordinator@passerelle.test');
  const email = `${name.toLowerCase().replace(/[^a-z]+/g, '.')}.${Date.now()}@example.org`;
  const invitation = await call<{ link: string }>(coordinator, 'POST', '/invitations', {
    email,
    cityId: await cityId(coordinator, citySlug),
    cityRole: role,
  });
  if (invitation.status !== 201)
    throw new Error(`invitation failed: ${invitation.status} ${JSON.stringify(invitation.body)}`);
  const token = decodeURIComponent(new URL(invitation.body.link).pathname.split('/').pop()!);
  const password = 'e2e-password-123';
  const accepted = await call(null, 'POST', `/invitations/token/${encodeURIComponent(token)}/accept`, {
    name,
    password,
  });
  if (accepted.status !== 200) throw new Error(`accepting failed: ${accepted.status} ${JSON.stringify(accepted.body)}`);
  return { email, password, name };
}
