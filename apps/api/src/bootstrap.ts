import 'reflect-metadata';
import { INestApplication, Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { IoAdapter } from '@nestjs/platform-socket.io';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import cookieParser from 'cookie-parser';
import helmet from 'helmet';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { STATUS_CODES, type Server } from 'node:http';
import { join, resolve } from 'node:path';
import type { Duplex } from 'node:stream';
import type { ServerOptions } from 'socket.io';
import { DataSource } from 'typeorm';
import { AppModule } from './app.module';
import { AppConfig, validateConfig } from './core/config/config';
import { EmbeddedPostgres, startEmbeddedPostgres } from './core/database/embedded-postgres';
import { runMigrations } from './core/database/run-migrations';
import { HttpExceptionFilter } from './core/errors/http-exception.filter';
import { badRequest } from './core/errors/domain.exception';
import { assertJsonDepth, refuseNulInUrl, storableStrings } from './core/errors/request-guards';
import { appValidationPipe } from './core/errors/validation.pipe';
import { Lifecycle } from './core/lifecycle/lifecycle';
import { SeedService } from './modules/seed/seed.service';

/** Socket.IO with the CORS policy of the REST API (Nest's adapter takes the gateways' options only). */
class CorsIoAdapter extends IoAdapter {
  constructor(
    app: INestApplication,
    private readonly cors: { origin: string[]; credentials: boolean },
  ) {
    super(app);
  }

  override createIOServer(port: number, options?: ServerOptions): unknown {
    return super.createIOServer(port, { ...options, cors: this.cors } as ServerOptions);
  }
}

export type Overrides = Record<string, string | undefined>;

export interface RunningApp {
  app: INestApplication;
  config: AppConfig;
  /**
   * Graceful: refuses new connections, runs the drain steps (the collaboration gateway stores and
   * acknowledges pending changes, then closes its sockets so that clients reconnect elsewhere) for
   * at most `drainTimeoutMs`, then closes the app and the embedded database if this process started one.
   */
  close(options?: { drainTimeoutMs?: number }): Promise<void>;
}

const DRAIN_TIMEOUT_MS = 10_000;

/** In development a missing JWT_SECRET is made once and kept in DATA_DIR, so sign-ins survive restarts. */
function devJwtSecret(dataDir: string): string {
  const file = join(resolve(dataDir), 'jwt-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(resolve(dataDir), { recursive: true });
  const secret = randomBytes(32).toString('hex');
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

/**
 * What Node's HTTP parser refuses before the app sees it (a URL or headers over 16 KiB, malformed
 * requests) is answered like every other error: JSON with a message, not a bare status line.
 */
function answerClientErrors(server: Server): void {
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => {
    if (error.code === 'ECONNRESET' || !socket.writable) {
      socket.destroy();
      return;
    }
    const [status, code, message] =
      error.code === 'HPE_HEADER_OVERFLOW'
        ? [431, 'too_large', 'The request line or headers are too large']
        : error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
          ? [408, 'bad_request', 'The request took too long to arrive']
          : [400, 'bad_request', 'Malformed HTTP request'];
    const body = JSON.stringify({ statusCode: status, code, message });
    socket.end(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: application/json; charset=utf-8\r\n` +
        `X-Content-Type-Options: nosniff\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  });
}

export function configureApp(app: NestExpressApplication, config: AppConfig): void {
  app.setGlobalPrefix('api');
  answerClientErrors(app.getHttpServer() as Server);
  if (config.TRUST_PROXY > 0) app.set('trust proxy', config.TRUST_PROXY);
  // Security headers first, so that every answer has them, refusals of the body parser included.
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          defaultSrc: ["'self'"],
          connectSrc: ["'self'", 'ws:', 'wss:'],
          imgSrc: ["'self'", 'data:', 'blob:'],
          styleSrc: ["'self'", "'unsafe-inline'"],
          scriptSrc: ["'self'"],
        },
      },
      crossOriginEmbedderPolicy: false,
      // Browsers ignore HSTS over plain HTTP, but a development server on https://localhost would pin it.
      strictTransportSecurity: config.production ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    }),
  );
  if (config.CORS_ORIGIN) {
    const cors = { origin: config.CORS_ORIGIN.split(','), credentials: true };
    app.enableCors(cors);
    // The sockets too (their HTTP long-polling is a cross-origin request like any other).
    app.useWebSocketAdapter(new CorsIoAdapter(app, cors));
  }
  // `verify` reaches the parser as long as Nest's rawBody option (which would replace it) is off.
  const jsonOptions = {
    limit: '1mb',
    verify: (_req: unknown, _res: unknown, body: Buffer) => assertJsonDepth(body),
    reviver: storableStrings,
  };
  app.useBodyParser('json', jsonOptions);
  // The parser's own message quotes the body ("Unexpected token … is not valid JSON"): answer
  // without echoing what was sent (a password, say).
  app.use((error: { type?: string } | undefined, _req: unknown, _res: unknown, next: (error?: unknown) => void) =>
    next(error?.type === 'entity.parse.failed' ? badRequest('Request body is not valid JSON') : error),
  );
  app.use(refuseNulInUrl);
  app.use(cookieParser());
  app.useGlobalPipes(appValidationPipe());
  app.useGlobalFilters(new HttpExceptionFilter());
  const openApi = new DocumentBuilder()
    .setTitle('Passerelle API')
    .setDescription('Real-time peer-learning collaboration for cities working together on migration governance')
    .setVersion('0.1.0')
    .addBearerAuth()
    .build();
  SwaggerModule.setup('api/docs', app, () => SwaggerModule.createDocument(app, openApi), {
    jsonDocumentUrl: 'api/docs/json',
  });
}

/**
 * Builds the whole product: starts the embedded PostgreSQL when no DATABASE_URL is given, runs
 * migrations, loads the demo data when SEED_DEMO is on. Used by `main.ts`, the seed command and tests.
 */
export async function createApp(overrides: Overrides = {}, options: { logger?: false } = {}): Promise<RunningApp> {
  const env: Overrides = { ...process.env, ...overrides };
  const initial = validateConfig(env);
  let embedded: EmbeddedPostgres | null = null;
  const resolved: Overrides = { ...overrides };
  if (!initial.DATABASE_URL) {
    embedded = await startEmbeddedPostgres(overrides.DATA_DIR === 'memory' ? null : initial.DATA_DIR);
    resolved.DATABASE_URL = embedded.url;
    resolved.DATABASE_POOL_SIZE = '1';
  }
  if (!initial.JWT_SECRET) {
    resolved.JWT_SECRET =
      overrides.DATA_DIR === 'memory' ? randomBytes(32).toString('hex') : devJwtSecret(initial.DATA_DIR);
  }
  try {
    const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(resolved), {
      logger: options.logger === false ? false : ['log', 'warn', 'error'],
      bodyParser: false,
    });
    const config = app.get(AppConfig);
    configureApp(app, config);
    const applied = await runMigrations(app.get(DataSource), config.DATABASE_POOL_SIZE);
    if (applied.length > 0) new Logger('Database').log(`Applied migrations: ${applied.join(', ')}`);
    await app.init();
    if (config.seedDemo) await app.get(SeedService).run();
    return {
      app,
      config,
      async close({ drainTimeoutMs = DRAIN_TIMEOUT_MS } = {}) {
        const server = app.getHttpServer() as Server;
        // Requests already under way finish; a load balancer's next attempt goes to another instance.
        if (server.listening) server.close(() => undefined);
        await app.get(Lifecycle).drain(drainTimeoutMs);
        await app.close();
        await embedded?.stop();
      },
    };
  } catch (error) {
    await embedded?.stop();
    throw error;
  }
}
