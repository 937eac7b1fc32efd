import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Actor } from '../../common/http/actor';
import { decodeCursor, DEFAULT_LIMIT, encodeCursor } from '../../common/pagination/cursor';
import { DomainError } from '../../common/problem/domain-error';
import { AuditService } from '../audit/audit.service';
import { DiscardEventDeliveriesDto, DiscardEventDeliveriesResultDto, EventDeliveriesQuery, EventDeliveryDto, EventDeliveryPageDto, RetryEventDeliveriesDto, RetryEventDeliveriesResultDto } from './event-deliveries.dto';
import { EventDeliveries } from './event-deliveries.service';
import { JOB_DRIVER, JobDriver } from './job-driver';

/** The admin API's use cases on delivery records: a page of them, retrying dead letters (audited, dispatched at once) and discarding them (audited). */
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

  /** Dead letters an admin gives up on: marked discarded (kept, never run again), audited with what was discarded. */
  async discard(actor: Actor, dto: DiscardEventDeliveriesDto): Promise<DiscardEventDeliveriesResultDto> {
    return this.dataSource.transaction(async (manager) => {
      const discarded = await this.deliveries.discardDead({ eventIds: dto.eventIds, consumer: dto.consumer }, manager);
      await this.audit.record(manager, actor, {
        action: 'event_deliveries.discard',
        entityType: 'event_delivery',
        entityId: null,
        details: { eventIds: dto.eventIds, consumer: dto.consumer ?? null, discarded: discarded.length, deliveries: discarded.map((k) => `${k.eventId}:${k.consumer}`) },
        change: discarded.length ? { before: { status: 'dead' }, after: { status: 'discarded' } } : undefined,
      });
      return { discarded: discarded.length };
    });
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
