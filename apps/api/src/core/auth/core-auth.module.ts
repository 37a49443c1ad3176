import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { AppConfig } from '../config/config';
import { AuthGuard } from './auth.guard';
import { PrincipalService } from './principal.service';

/** Token verification and the global guard. Issuing tokens is the auth feature module's job. */
@Global()
@Module({
  imports: [
    JwtModule.registerAsync({
      global: true,
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        secret: config.JWT_SECRET,
        signOptions: { expiresIn: config.ACCESS_TOKEN_TTL_SECONDS, algorithm: 'HS256' as const },
        verifyOptions: { algorithms: ['HS256' as const] },
      }),
    }),
  ],
  providers: [PrincipalService, { provide: APP_GUARD, useClass: AuthGuard }],
  exports: [PrincipalService],
})
export class CoreAuthModule {}
