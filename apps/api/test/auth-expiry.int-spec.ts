import { createUser } from './utils/factories';
import { bearer, signIn } from './utils/accounts';
import { createTestApp, TestApp } from './utils/test-app';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('short-lived access tokens', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ ACCESS_TOKEN_TTL_SECONDS: '1' });
  });
  afterAll(async () => {
    await t.close();
  });

  it('stops accepting an access token once it expired, and the refresh cookie gives a new one', async () => {
    const user = await createUser(t.db);
    const { accessToken, cookie, body } = await signIn(t, user.email);
    expect(body.expiresIn).toBe(1);
    expect((await t.http().get('/api/me').set(bearer(accessToken))).status).toBe(200);
    await sleep(2200);
    const expired = await t.http().get('/api/me').set(bearer(accessToken));
    expect(expired.status).toBe(401);
    expect(expired.body).toMatchObject({ statusCode: 401, code: 'unauthorized' });
    const refreshed = await t.http().post('/api/auth/refresh').set('Cookie', cookie);
    expect(refreshed.status).toBe(200);
    expect((await t.http().get('/api/me').set(bearer(refreshed.body.accessToken))).status).toBe(200);
  });
});
