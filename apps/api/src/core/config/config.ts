import { plainToInstance, Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Max, Min, MinLength, validateSync } from 'class-validator';
import { LIMITS } from '@passerelle/domain';

const toBool = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? ['1', 'true', 'yes', 'on'].includes(value.toLowerCase()) : value;
const toInt = ({ value }: { value: unknown }) => (typeof value === 'string' && value !== '' ? Number(value) : value);
const emptyToUndefined = ({ value }: { value: unknown }) => (value === '' ? undefined : value);

/**
 * The environment the product reads (SPEC "Commands and configuration"), validated at start-up.
 * Unknown variables are ignored; a wrong one stops the process with a message naming it.
 */
export class AppConfig {
  @IsIn(['development', 'production', 'test'])
  NODE_ENV: 'development' | 'production' | 'test' = 'development';

  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(65535)
  PORT = 3000;

  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  DATABASE_URL?: string;

  /** Connections in the pool; the embedded database takes exactly one. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  DATABASE_POOL_SIZE = 10;

  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  REDIS_URL?: string;

  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  @MinLength(16, { message: 'JWT_SECRET must be at least 16 characters long' })
  JWT_SECRET?: string;

  @IsString()
  DATA_DIR = './data';

  @IsString()
  @MinLength(1)
  DEMO_PASSWORD = 'passerelle';

  @Transform(toBool)
  @IsOptional()
  @IsBoolean()
  SEED_DEMO?: boolean;

  @Transform(toInt)
  @IsInt()
  @Min(1024)
  COLLAB_MAX_MESSAGE_BYTES: number = LIMITS.collabMaxMessageBytes;

  /** Origins allowed by CORS, for the REST API and the sockets (the web client is served by the API itself by default). */
  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  CORS_ORIGIN?: string;

  /** Where the product is reached; used for invitation links. */
  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  PUBLIC_URL?: string;

  /**
   * Express `trust proxy`: how many proxies stand in front (e.g. `1` behind the compose file's nginx),
   * so rate limits and the audit log see the client's address rather than the proxy's.
   */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  TRUST_PROXY = 0;

  /** Serve the built web client at `/` (off in API-only tests). */
  @Transform(toBool)
  @IsBoolean()
  SERVE_WEB = true;

  /** Sign-in attempts allowed per minute and address. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  LOGIN_RATE_LIMIT = 10;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  ACCESS_TOKEN_TTL_SECONDS: number = LIMITS.accessTokenTtlSeconds;

  get production(): boolean {
    return this.NODE_ENV === 'production';
  }
  get seedDemo(): boolean {
    return this.SEED_DEMO ?? !this.production;
  }
  get publicUrl(): string {
    return this.PUBLIC_URL ?? `http://localhost:${this.PORT}`;
  }
}

export class ConfigError extends Error {}

export function validateConfig(env: Record<string, unknown>): AppConfig {
  const config = plainToInstance(AppConfig, env, { exposeDefaultValues: true });
  const errors = validateSync(config, { skipMissingProperties: false });
  if (errors.length > 0) {
    const details = errors.map((e) => `${e.property}: ${Object.values(e.constraints ?? {}).join(', ')}`);
    throw new ConfigError(`Invalid configuration — ${details.join('; ')}`);
  }
  if (config.production && !config.JWT_SECRET) {
    throw new ConfigError('Invalid configuration — JWT_SECRET is required when NODE_ENV=production');
  }
  return config;
}
