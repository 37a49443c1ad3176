import { Module } from '@nestjs/common';
import { ThrottlerModule } from '@nestjs/throttler';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig } from '../../core/config/config';
import { AuditModule } from '../audit/audit.module';
import { UsersModule } from '../users/users.module';
import { AuthController } from './auth.controller';
import { AuthListener } from './auth.listener';
import { AuthService } from './auth.service';
import { PasswordController } from './password.controller';
import { RefreshSessionEntity } from './refresh-session.entity';
import { SessionsRepository } from './sessions.repository';

/**
 * Issuing tokens (verifying them is core/auth's job). The throttler is scoped to this module and
 * applied only where a route asks for it (`@UseGuards(ThrottlerGuard)`): password-guessing routes.
 */
@Module({
  imports: [
    TypeOrmModule.forFeature([RefreshSessionEntity]),
    ThrottlerModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({ throttlers: [{ ttl: 60_000, limit: config.LOGIN_RATE_LIMIT }] }),
    }),
    UsersModule,
    AuditModule,
  ],
  controllers: [AuthController, PasswordController],
  providers: [SessionsRepository, AuthService, AuthListener],
  exports: [AuthService],
})
export class AuthModule {}
