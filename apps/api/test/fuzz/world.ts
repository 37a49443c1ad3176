import { JwtService } from '@nestjs/jwt';
import { randomBytes } from 'node:crypto';
import { anchorsOf } from '../utils/comment-fixtures';
import { appendParagraphs, bearer } from '../utils/document-fixtures';
import { createCity, createUser } from '../utils/factories';
import type { TestApp } from '../utils/test-app';
import type { IdPools } from './openapi';

/**
 * The world the REST fuzz runs in: the demo data (so that most ids lead somewhere), callers in every
 * position of the access table, and a canary — a draft document of a city none of the unprivileged
 * callers belongs to, whose title, text, version and comment carry a secret marker. No answer to an
 * unprivileged caller may contain the marker, and the fuzz never hands the canary's ids to the
 * privileged callers, so it must come out unchanged.
 */

export const FUZZ_DEMO_PASSWORD = 'fuzz-demo-password';

export interface FuzzCaller {
  name: string;
  privileged: boolean;
  userId: string | null;
  token?: string;
}

export interface FuzzWorld {
  callers: FuzzCaller[];
  marker: string;
  canary: { cityId: string; documentId: string };
  pools(privileged: boolean): IdPools;
  /** Re-reads the ids (the fuzz creates things) and re-signs the tokens (they expire; roles change). */
  refresh(): Promise<void>;
  /** Everything about the canary, as its coordinator reads it. */
  canarySnapshot(): Promise<string>;
}

const DEMO_CALLERS: Array<[string, boolean]> = [
  ['admin@passerelle.test', true],
  ['coordinator@passerelle.test', true],
  ['editor.lyon@passerelle.test', false],
  ['stakeholder.tangier@passerelle.test', false],
  ['observer@passerelle.test', false],
];

const POOL_QUERIES: Record<string, string> = {
  documents: `SELECT id FROM documents`,
  threads: `SELECT id FROM comment_threads`,
  comments: `SELECT id FROM comments`,
  versions: `SELECT id FROM document_versions`,
  pilotProjects: `SELECT id FROM pilot_projects`,
  milestones: `SELECT id FROM pilot_project_milestones`,
  events: `SELECT id FROM events`,
  cities: `SELECT id::text FROM cities UNION ALL SELECT slug FROM cities`,
  users: `SELECT id FROM users`,
  themes: `SELECT id FROM themes`,
  indicators: `SELECT id FROM indicators`,
  invitations: `SELECT id FROM invitations`,
  notifications: `SELECT id FROM notifications`,
  adoptions: `SELECT id FROM good_practice_adoptions`,
};

export async function createFuzzWorld(t: TestApp): Promise<FuzzWorld> {
  const marker = `CANARY${randomBytes(6).toString('hex')}`;
  const [{ id: programmeId }] = await t.db.query(`SELECT id FROM programmes ORDER BY created_at LIMIT 1`);
  const byEmail = async (email: string) =>
    ((await t.db.query(`SELECT id FROM users WHERE email = $1`, [email])) as Array<{ id: string }>)[0].id;
  const outsider = await createUser(t.db);
  const callers: FuzzCaller[] = [
    ...(await Promise.all(
      DEMO_CALLERS.map(async ([email, privileged]) => ({
        name: email.split('@')[0],
        privileged,
        userId: await byEmail(email),
      })),
    )),
    { name: 'outsider', privileged: false, userId: outsider.id },
    { name: 'anonymous', privileged: false, userId: null },
  ];

  // The canary, made through the API so that feeds, notifications and search know it too.
  const city = await createCity(t.db, programmeId, { name: 'Canary city' });
  await createUser(t.db, { memberships: [{ cityId: city.id, role: 'editor' }] });
  const coordinator = bearer(t.app.get(JwtService).sign({ sub: callers[1].userId, ver: 0 }));
  const created = await t
    .http()
    .post('/api/documents')
    .set(coordinator)
    .send({ cityId: city.id, kind: 'note', title: `Canary ${marker}`, language: 'en' });
  if (created.status !== 201) throw new Error(`canary: ${created.status} ${created.text}`);
  const documentId = created.body.id as string;
  await appendParagraphs(t, documentId, [`The canary text ${marker} is secret.`]);
  await t
    .http()
    .post(`/api/documents/${documentId}/versions`)
    .set(coordinator)
    .send({ label: `v ${marker}` });
  const thread = await t
    .http()
    .post(`/api/documents/${documentId}/threads`)
    .set(coordinator)
    .send({ anchor: await anchorsOf(t, documentId, marker), quote: marker, body: `A comment on ${marker}` });
  if (thread.status !== 201) throw new Error(`canary thread: ${thread.status} ${thread.text}`);

  const canaryIds = new Set<string>([city.id, documentId]);
  for (const sql of [
    `SELECT id FROM comment_threads WHERE document_id = $1`,
    `SELECT c.id FROM comments c JOIN comment_threads t ON t.id = c.thread_id WHERE t.document_id = $1`,
    `SELECT id FROM document_versions WHERE document_id = $1`,
  ]) {
    for (const row of (await t.db.query(sql, [documentId])) as Array<{ id: string }>) canaryIds.add(row.id);
  }
  const callerIds = new Set(callers.map((c) => c.userId));
  let all: IdPools = {};

  const world: FuzzWorld = {
    callers,
    marker,
    canary: { cityId: city.id, documentId },
    pools(privileged) {
      if (!privileged) return all;
      return Object.fromEntries(Object.entries(all).map(([k, ids]) => [k, ids.filter((id) => !canaryIds.has(id))]));
    },
    async refresh() {
      const next: Record<string, string[]> = {};
      for (const [name, sql] of Object.entries(POOL_QUERIES)) {
        const rows = (await t.db.query(`${sql} LIMIT 200`)) as Array<Record<string, string>>;
        next[name] = rows.map((r) => String(Object.values(r)[0]));
      }
      // Callers keep their accounts: otherwise the first "deactivate" would end the run for them.
      next.users = next.users.filter((id) => !callerIds.has(id));
      next.tokens = ['not-a-token', marker];
      all = next;
      const versions = (await t.db.query(`SELECT id, token_version FROM users WHERE id = ANY($1)`, [
        [...callerIds].filter(Boolean),
      ])) as Array<{ id: string; token_version: number }>;
      const jwt = t.app.get(JwtService);
      for (const caller of callers) {
        const row = versions.find((v) => v.id === caller.userId);
        caller.token = row ? jwt.sign({ sub: row.id, ver: row.token_version }) : undefined;
      }
    },
    async canarySnapshot() {
      const token = bearer(jwtFor(t, callers[1].userId!, await tokenVersion(t, callers[1].userId!)));
      const get = async (url: string) => (await t.http().get(`/api/documents/${documentId}${url}`).set(token)).body;
      // The canary's own data only: the names of the people who wrote it may change in a fuzz run.
      const doc = await get('');
      const content = (await t.http().get(`/api/documents/${documentId}/content?format=markdown`).set(token)).text;
      const threads = (await get('/threads')) as Array<{
        quote: string;
        resolved: boolean;
        comments: Array<{ body: string }>;
      }>;
      const versions = (await get('/versions')) as Array<{ label: string; reason: string }>;
      return JSON.stringify({
        doc: [doc.title, doc.status, doc.published, doc.language, doc.cityId],
        content,
        threads: threads.map((th) => [th.quote, th.resolved, th.comments.map((c) => c.body)]),
        versions: versions.map((v) => [v.label, v.reason]),
      });
    },
  };
  await world.refresh();
  return world;
}

const tokenVersion = async (t: TestApp, userId: string): Promise<number> =>
  ((await t.db.query(`SELECT token_version FROM users WHERE id = $1`, [userId])) as Array<{ token_version: number }>)[0]
    .token_version;
const jwtFor = (t: TestApp, userId: string, ver: number) => t.app.get(JwtService).sign({ sub: userId, ver });
