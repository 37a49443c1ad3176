import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, HealthIndicatorService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import { Public } from '../../core/auth/decorators';
import { DomainException } from '../../core/errors/domain.exception';
import { Lifecycle } from '../../core/lifecycle/lifecycle';
import { RedisHealthIndicator } from './redis.health';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly db: TypeOrmHealthIndicator,
    private readonly redis: RedisHealthIndicator,
    private readonly indicator: HealthIndicatorService,
    private readonly lifecycle: Lifecycle,
  ) {}

  /** 200 when the database answers (and Redis, when configured); 503 otherwise. */
  @Public()
  @Get()
  @HealthCheck()
  check() {
    return this.health.check(this.dependencies());
  }

  /** Liveness: the process is up and not shutting down (restart it only when this fails). */
  @Public()
  @Get('live')
  @ApiOkResponse({ description: 'The process is up' })
  @ApiServiceUnavailableResponse({ description: 'The process is shutting down' })
  live(): { status: 'ok' } {
    if (this.lifecycle.shuttingDown) throw new DomainException('unavailable', 'Shutting down');
    return { status: 'ok' };
  }

  /** Readiness: send traffic here — not shutting down, and the database (and Redis) answer. */
  @Public()
  @Get('ready')
  @HealthCheck()
  ready() {
    return this.health.check([
      () => {
        const check = this.indicator.check('lifecycle');
        return this.lifecycle.shuttingDown ? check.down({ message: 'shutting down' }) : check.up();
      },
      ...this.dependencies(),
    ]);
  }

  private dependencies() {
    return [
      () => this.db.pingCheck('database', { timeout: 3000 }),
      ...(this.redis.configured ? [() => this.redis.pingCheck('redis')] : []),
    ];
  }
}
