import { Injectable } from '@nestjs/common';
import { Clock } from '../../../common/clock/clock';
import { Actor } from '../../../common/http/actor';
import { decodeCursor, DEFAULT_LIMIT, encodeCursor } from '../../../common/pagination/cursor';
import { DomainError } from '../../../common/problem/domain-error';
import { TransactionRunner } from '../../../database/transaction-runner';
import { AuditService } from '../../audit/audit.service';
import {
  NotificationDeliveriesQuery,
  NotificationDeliveryRecordDto,
  NotificationDeliveryRecordPageDto,
  RetryNotificationDeliveriesDto,
  RetryNotificationDeliveriesResultDto,
} from './notification-deliveries.dto';
import { NotificationDeliveries } from './notification-deliveries.repository';
import { NotificationSender } from './notification-sender.service';

/**
 * The on-call engineer's use cases on notice deliveries: see what is dead (a provider's outage
 * outlasted the attempts) and, the provider back, retry it — audited, sent at once where this
 * process sends, else by the sending process's sweep within a second.
 */
@Injectable()
export class NotificationDeadLetters {
  constructor(
    private readonly deliveries: NotificationDeliveries,
    private readonly sender: NotificationSender,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly transactions: TransactionRunner,
  ) {}

  async page(query: NotificationDeliveriesQuery): Promise<NotificationDeliveryRecordPageDto> {
    const limit = query.limit ?? DEFAULT_LIMIT;
    const rows = await this.deliveries.list({ status: query.status ?? 'dead', channel: query.channel, limit: limit + 1, before: query.cursor ? after(query.cursor) : undefined });
    const page = rows.slice(0, limit);
    const last = page.at(-1);
    return {
      items: page.map(NotificationDeliveryRecordDto.of),
      nextCursor: rows.length > limit && last ? encodeCursor([new Date(last.createdAt).toISOString(), last.id]) : null,
    };
  }

  async retry(actor: Actor, dto: RetryNotificationDeliveriesDto): Promise<RetryNotificationDeliveriesResultDto> {
    const ids = await this.transactions.run(async (manager) => {
      const retried = await this.deliveries.retryDead(manager, { ids: dto.ids, channel: dto.channel }, this.clock.now());
      await this.audit.record(manager, actor, {
        action: 'notification_deliveries.retry',
        entityType: 'notification_delivery',
        entityId: null,
        details: { ids: dto.ids ?? null, channel: dto.channel ?? null, retried: retried.length },
      });
      return retried;
    });
    this.sender.enqueue(ids);
    return { retried: ids.length };
  }
}

/** The sort key a cursor carries, checked: a forged one is a 422 on `cursor`, never a database error. */
function after(cursor: string): { createdAt: Date; id: string } {
  const [createdAt, id] = decodeCursor(cursor, 2);
  const at = new Date(String(createdAt));
  if (Number.isNaN(at.getTime()) || !/^[1-9]\d{0,17}$/.test(String(id))) {
    throw new DomainError(422, 'validation_failed', {}, [{ field: 'cursor', code: 'invalid_cursor', message: 'invalid cursor' }]);
  }
  return { createdAt: at, id: String(id) };
}
