import { createUser } from './utils/factories';
import { createTestApp, TEST_PASSWORD, TestApp } from './utils/test-app';

describe('rate limiting of password-guessing routes', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ LOGIN_RATE_LIMIT: '3' });
  });
  afterAll(async () => {
    await t.close();
  });

  it('refuses the 4th sign-in attempt in a minute from one address with 429 and a message, even with the right password', async () => {
    const user = await createUser(t.db);
    for (let i = 0; i < 2; i++) {
      const wrong = await t
        .http()
        .post('/api/auth/login')
        .send({ email: user.email, password: 'guess number ' + i });
      expect(wrong.status).toBe(401);
    }
    expect((await t.http().post('/api/auth/login').send({ email: user.email, password: TEST_PASSWORD })).status).toBe(
      200,
    );
    const limited = await t.http().post('/api/auth/login').send({ email: user.email, password: TEST_PASSWORD });
    expect(limited.status).toBe(429);
    expect(limited.body).toMatchObject({ statusCode: 429, code: 'rate_limited' });
    expect(limited.body.message).toEqual(expect.any(String));
    expect(limited.headers['retry-after']).toBeDefined();
  });

  it('limits invitation acceptance the same way, separately from sign-in', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) {
      const res = await t
        .http()
        .post(`/api/invitations/token/not-a-real-token-${i}/accept`)
        .send({ name: 'Guesser', password: 'long enough password' });
      statuses.push(res.status);
    }
    expect(statuses).toEqual([404, 404, 404, 429]);
  });

  it('does not limit other routes', async () => {
    for (let i = 0; i < 5; i++) expect((await t.http().get('/api/health')).status).toBe(200);
  });
});
