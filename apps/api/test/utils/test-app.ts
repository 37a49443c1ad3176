import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { createApp, Overrides, RunningApp } from '../../src/bootstrap';
import { createTestDatabase, TestDatabase } from './test-database';

export const TEST_PASSWORD = 'correct horse battery';

export interface TestApp {
  app: INestApplication;
  running: RunningApp;
  db: DataSource;
  /** Base URL once `listen()` was called (for Socket.IO clients). */
  url: string;
  http(): ReturnType<typeof request>;
  /** Signs in over HTTP and returns the access token. */
  login(email: string, password?: string): Promise<string>;
  close(): Promise<void>;
}

/**
 * The whole API against a real, fresh PostgreSQL: the server named by TEST_DATABASE_URL (a new
 * database per call) or an in-memory embedded one. Demo data is off unless asked for.
 */
export async function createTestApp(
  overrides: Overrides = {},
  options: { listen?: boolean; database?: TestDatabase } = {},
): Promise<TestApp> {
  const database = options.database ?? (await createTestDatabase());
  const running = await createApp(
    {
      NODE_ENV: 'test',
      SEED_DEMO: 'false',
      SERVE_WEB: 'false',
      DATA_DIR: 'memory',
      LOGIN_RATE_LIMIT: '1000',
      DATABASE_URL: database.url,
      DATABASE_POOL_SIZE: String(database.poolSize),
      JWT_SECRET: 'test-secret-that-is-long-enough',
      ...overrides,
    },
    { logger: false },
  );
  let url = '';
  if (options.listen) {
    await running.app.listen(0, '127.0.0.1');
    const address = running.app.getHttpServer().address() as { port: number };
    url = `http://127.0.0.1:${address.port}`;
  }
  const app = running.app;
  const http = () => request(app.getHttpServer());
  return {
    app,
    running,
    db: app.get(DataSource),
    url,
    http,
    async login(email, password = TEST_PASSWORD) {
      const res = await http().post('/api/auth/login').send({ email, password });
      if (res.status !== 200) throw new Error(`login ${email} failed: ${res.status} ${JSON.stringify(res.body)}`);
      return res.body.accessToken as string;
    },
    async close() {
      await running.close();
      if (!options.database) await database.drop();
    },
  };
}
