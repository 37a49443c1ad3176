import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig } from '../config/config';
import { MIGRATIONS } from './migrations';

/**
 * TypeORM on PostgreSQL through `pg`. The schema comes only from migrations (run at start-up by
 * `runMigrations`, under an advisory lock so that several instances can start together).
 */
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        type: 'postgres' as const,
        url: config.DATABASE_URL,
        autoLoadEntities: true,
        synchronize: false,
        migrationsRun: false,
        migrations: MIGRATIONS,
        poolSize: config.DATABASE_POOL_SIZE,
        extra: {
          max: config.DATABASE_POOL_SIZE,
          connectionTimeoutMillis: 10_000,
          // pg's default closes a connection idle for 10 s: under bursty load (changes commit every few
          // milliseconds, search text every few seconds) the pool then opened and closed connections all
          // the time, each a new PostgreSQL process to start and warm up (a third of PostgreSQL's CPU in
          // the benchmark) and its prepared statements to parse again.
          idleTimeoutMillis: 300_000,
        },
        retryAttempts: 3,
        retryDelay: 1000,
      }),
    }),
  ],
})
export class DatabaseModule {}
