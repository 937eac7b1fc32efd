import { Body, Controller, Get, HttpCode, Inject, Post, Query } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { Role } from '@otklik/shared/domain';
import { Actor, CurrentActor } from '../../common/http/actor';
import { decodeCursor, DEFAULT_LIMIT, encodeCursor } from '../../common/pagination/cursor';
import { AuditService } from '../audit/audit.service';
import { Authenticated } from '../auth/auth.decorators';
import { EventDeliveriesQuery, EventDeliveryDto, EventDeliveryPageDto, RetryEventDeliveriesDto, RetryEventDeliveriesResultDto } from './event-deliveries.dto';
import { EventDeliveries } from './event-deliveries.service';
import { JOB_DRIVER, JobDriver } from './job-driver';

/** Dead letters of the event consumers, for the engineer on call: list them, retry them. */
@ApiTags('admin')
@Controller({ path: 'admin/event-deliveries', version: '1' })
export class EventDeliveriesController {
  constructor(
    private readonly deliveries: EventDeliveries,
    @Inject(JOB_DRIVER) private readonly driver: JobDriver,
    private readonly audit: AuditService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  @Get()
  @Authenticated(Role.Admin)
  @ApiOperation({ summary: 'Deliveries of domain events to consumers: dead letters by default, newest first', operationId: 'listEventDeliveries' })
  @ApiOkResponse({ type: EventDeliveryPageDto })
  async list(@Query() query: EventDeliveriesQuery): Promise<EventDeliveryPageDto> {
    const limit = query.limit ?? DEFAULT_LIMIT;
    const after = query.cursor ? decodeCursor(query.cursor, 3) : undefined;
    const rows = await this.deliveries.list({
      status: query.status ?? 'dead',
      consumer: query.consumer,
      limit: limit + 1,
      before: after ? { createdAt: new Date(String(after[0])), eventId: String(after[1]), consumer: String(after[2]) } : undefined,
    });
    const page = rows.slice(0, limit);
    const last = page.at(-1);
    return {
      items: page.map(EventDeliveryDto.of),
      nextCursor: rows.length > limit && last ? encodeCursor([new Date(last.createdAt).toISOString(), last.eventId, last.consumer]) : null,
    };
  }

  @Post('retry')
  @HttpCode(200)
  @Authenticated(Role.Admin)
  @ApiOperation({ summary: 'Put dead letters back to pending with a fresh budget of attempts, and run them now', operationId: 'retryEventDeliveries' })
  @ApiOkResponse({ type: RetryEventDeliveriesResultDto })
  async retry(@CurrentActor() actor: Actor, @Body() dto: RetryEventDeliveriesDto): Promise<RetryEventDeliveriesResultDto> {
    const keys = await this.dataSource.transaction(async (manager) => {
      const retried = await this.deliveries.retryDead({ eventIds: dto.eventIds, consumer: dto.consumer }, manager);
      await this.audit.record(manager, actor, {
        action: 'event_deliveries.retry',
        entityType: 'event_delivery',
        entityId: null,
        details: { eventIds: dto.eventIds ?? null, consumer: dto.consumer ?? null, retried: retried.length },
      });
      return retried;
    });
    await this.driver.dispatch(keys);
    return { retried: keys.length };
  }
}
