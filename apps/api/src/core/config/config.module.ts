import { DynamicModule, Global, Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { AppConfig, validateConfig } from './config';

/**
 * `@nestjs/config` loads a `.env` file into the environment if there is one; the typed, validated
 * `AppConfig` is what the rest of the server injects. Tests pass overrides instead of mutating
 * `process.env`, so that several instances can run in one process.
 */
@Global()
@Module({})
export class AppConfigModule {
  static forRoot(overrides: Record<string, string | undefined> = {}): DynamicModule {
    return {
      module: AppConfigModule,
      imports: [ConfigModule.forRoot({ envFilePath: ['.env'], isGlobal: false })],
      providers: [{ provide: AppConfig, useFactory: () => validateConfig({ ...process.env, ...overrides }) }],
      exports: [AppConfig],
    };
  }
}
