import { Controller, Get, Inject, Optional, VERSION_NEUTRAL } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckResult, HealthCheckService, HealthIndicatorService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { Public } from '../auth/auth.decorators';
import { DOMAIN_EVENTS_QUEUE } from '../outbox/domain-event';

@ApiTags('health')
@Controller({ path: 'health', version: VERSION_NEUTRAL })
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly db: TypeOrmHealthIndicator,
    private readonly indicator: HealthIndicatorService,
    @Optional() @Inject(getQueueToken(DOMAIN_EVENTS_QUEUE)) private readonly queue?: Queue,
  ) {}

  @Get('live')
  @Public()
  @ApiOperation({ summary: 'The process is up', operationId: 'healthLive' })
  @ApiOkResponse()
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  @Get('ready')
  @Public()
  @HealthCheck()
  @ApiOperation({ summary: 'The database (and the queue, when configured) answer', operationId: 'healthReady' })
  @ApiServiceUnavailableResponse()
  ready(): Promise<HealthCheckResult> {
    return this.health.check([
      () => this.db.pingCheck('database', { timeout: 3000 }),
      ...(this.queue ? [() => this.pingQueue()] : []),
    ]);
  }

  private async pingQueue() {
    const check = this.indicator.check('queue');
    try {
      // A real round trip to Redis, bounded so a hung connection reports down instead of hanging.
      const counts = await Promise.race([
        this.queue!.getJobCounts('waiting', 'failed'),
        new Promise<never>((_, reject) => setTimeout(() => reject(new Error('queue did not answer in 2 s')), 2000).unref()),
      ]);
      return check.up(counts);
    } catch (error) {
      return check.down({ message: (error as Error).message });
    }
  }
}
