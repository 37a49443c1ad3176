import { createTestApp, TestApp } from './utils/test-app';

describe('foundation', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('runs every migration on an empty database', async () => {
    const tables: Array<{ table_name: string }> = await t.db.query(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name`,
    );
    expect(tables.map((r) => r.table_name)).toEqual(
      expect.arrayContaining([
        'users',
        'cities',
        'memberships',
        'themes',
        'invitations',
        'documents',
        'document_updates',
      ]),
    );
    const applied: Array<{ name: string }> = await t.db.query(`SELECT name FROM migrations ORDER BY id`);
    expect(applied.length).toBeGreaterThanOrEqual(2);
  });

  it('answers health when the database answers', async () => {
    const res = await t.http().get('/api/health');
    expect(res.status).toBe(200);
    expect(res.body.details.database.status).toBe('up');
  });

  it('answers an unknown path with a JSON 404 naming it', async () => {
    const res = await t.http().get('/api/no-such-thing');
    expect(res.status).toBe(404);
    expect(res.body).toMatchObject({ statusCode: 404, code: 'not_found' });
    expect(res.body.message).toContain('/api/no-such-thing');
  });

  it('serves the OpenAPI description', async () => {
    const res = await t.http().get('/api/docs/json');
    expect(res.status).toBe(200);
    expect(res.body.openapi).toMatch(/^3\./);
  });
});
