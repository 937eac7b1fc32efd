import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Actor } from '../../common/http/actor';
import { decodeCursor, DEFAULT_LIMIT, encodeCursor } from '../../common/pagination/cursor';
import { DomainError } from '../../common/problem/domain-error';
import { AuditService } from '../audit/audit.service';
import { EventDeliveriesQuery, EventDeliveryDto, EventDeliveryPageDto, RetryEventDeliveriesDto, RetryEventDeliveriesResultDto } from './event-deliveries.dto';
import { EventDeliveries } from './event-deliveries.service';
import { JOB_DRIVER, JobDriver } from './job-driver';

/** The admin API's use cases on delivery records: a page of them, and retrying dead letters (audited, dispatched at once). */
@Injectable()
export class DeadLetterService {
  constructor(
    private readonly deliveries: EventDeliveries,
    @Inject(JOB_DRIVER) private readonly driver: JobDriver,
    private readonly audit: AuditService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  async page(query: EventDeliveriesQuery): Promise<EventDeliveryPageDto> {
    const limit = query.limit ?? DEFAULT_LIMIT;
    const rows = await this.deliveries.list({ status: query.status ?? 'dead', consumer: query.consumer, limit: limit + 1, before: query.cursor ? after(query.cursor) : undefined });
    const page = rows.slice(0, limit);
    const last = page.at(-1);
    return {
      items: page.map(EventDeliveryDto.of),
      nextCursor: rows.length > limit && last ? encodeCursor([new Date(last.createdAt).toISOString(), last.eventId, last.consumer]) : null,
    };
  }

  async retry(actor: Actor, dto: RetryEventDeliveriesDto): Promise<RetryEventDeliveriesResultDto> {
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

/** The sort key a cursor carries, checked: a forged one is a 422 on `cursor`, never a database error. */
function after(cursor: string): { createdAt: Date; eventId: string; consumer: string } {
  const [createdAt, eventId, consumer] = decodeCursor(cursor, 3);
  const at = new Date(String(createdAt));
  if (Number.isNaN(at.getTime()) || !/^\d{1,18}$/.test(String(eventId)) || typeof consumer !== 'string') {
    throw new DomainError(422, 'validation_failed', {}, [{ field: 'cursor', code: 'invalid_cursor', message: 'invalid cursor' }]);
  }
  return { createdAt: at, eventId: String(eventId), consumer };
}
