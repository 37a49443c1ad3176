import type { CityRole, GlobalRole } from '@passerelle/domain';
import type { Response } from 'supertest';
import { createCity, createProgramme, createUser } from './factories';
import { createDocumentWithText } from './document-fixtures';
import type { TestApp } from './test-app';

/**
 * A small programme for the review, activity and notification tests: Lyon and Tangier, with two
 * people in most columns of the access table (so that "exactly these people" can fail), each
 * signed in and able to call the API.
 */
export type Person =
  | 'admin'
  | 'coordinator'
  | 'coordinator2'
  | 'editorLyon'
  | 'editor2Lyon'
  | 'stakeholderLyon'
  | 'stakeholder2Lyon'
  | 'observerLyon'
  | 'editorTangier'
  | 'stakeholderTangier'
  | 'outsider';

export interface Client {
  id: string;
  email: string;
  name: string;
  token: string;
  get(path: string): Promise<Response>;
  post(path: string, body?: object): Promise<Response>;
  patch(path: string, body: object): Promise<Response>;
}

export interface WorkflowWorld {
  programmeId: string;
  lyon: { id: string; slug: string };
  tangier: { id: string; slug: string };
  people: Record<Person, Client>;
  /** A Lyon priority paper in draft, with a little text. */
  lyonPaper(fields?: { title?: string }): Promise<{ id: string }>;
}

export async function createWorkflowWorld(t: TestApp): Promise<WorkflowWorld> {
  const db = t.db;
  const programme = await createProgramme(db);
  const lyon = await createCity(db, programme.id, { name: 'Lyon' });
  const tangier = await createCity(db, programme.id, { name: 'Tangier' });
  const member = (role: CityRole, cityId: string) => ({ memberships: [{ cityId, role }] });
  const staff = (role: GlobalRole) => ({ role });
  const specs: Record<Person, { role?: GlobalRole; memberships?: Array<{ cityId: string; role: CityRole }> }> = {
    admin: staff('admin'),
    coordinator: staff('coordinator'),
    coordinator2: staff('coordinator'),
    editorLyon: member('editor', lyon.id),
    editor2Lyon: member('editor', lyon.id),
    stakeholderLyon: member('stakeholder', lyon.id),
    stakeholder2Lyon: member('stakeholder', lyon.id),
    observerLyon: member('observer', lyon.id),
    editorTangier: member('editor', tangier.id),
    stakeholderTangier: member('stakeholder', tangier.id),
    outsider: {},
  };
  const people = {} as Record<Person, Client>;
  for (const [key, spec] of Object.entries(specs) as Array<[Person, (typeof specs)[Person]]>) {
    const user = await createUser(db, { ...spec, name: `${key[0].toUpperCase()}${key.slice(1)}` });
    const token = await t.login(user.email);
    const auth = { Authorization: `Bearer ${token}` };
    people[key] = {
      ...user,
      name: `${key[0].toUpperCase()}${key.slice(1)}`,
      token,
      get: (path) => t.http().get(path).set(auth),
      post: (path, body) => t.http().post(path).set(auth).send(body),
      patch: (path, body) => t.http().patch(path).set(auth).send(body),
    };
  }
  return {
    programmeId: programme.id,
    lyon,
    tangier,
    people,
    lyonPaper: (fields = {}) =>
      createDocumentWithText(
        t,
        {
          programmeId: programme.id,
          cityId: lyon.id,
          kind: 'priority_paper',
          title: fields.title ?? 'Priorités de Lyon',
          language: 'fr',
        },
        ['Accueil des personnes réfugiées.'],
      ),
  };
}

/** Polls until `check` returns a value (listeners of plain `emit` run after the call returns). */
export async function eventually<T>(
  check: () => Promise<T | undefined | null | false>,
  what = 'condition',
): Promise<T> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
