import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsOptional, Matches } from 'class-validator';
import { PageQuery } from '../../common/pagination/page-query';
import { DeliveryRecord } from './event-deliveries.service';
import type { DeliveryStatus } from './event-delivery.entity';

const STATUSES: DeliveryStatus[] = ['dead', 'pending', 'done', 'discarded'];
const CONSUMER = /^[a-z][a-z0-9._-]{0,62}$/;

export class EventDeliveriesQuery extends PageQuery {
  @ApiPropertyOptional({ enum: STATUSES, enumName: 'EventDeliveryStatus', default: 'dead' })
  @IsOptional()
  @IsIn(STATUSES)
  status?: DeliveryStatus;

  @ApiPropertyOptional({ example: 'notifications.email' })
  @IsOptional()
  @Matches(CONSUMER, { message: 'consumer must be a consumer name' })
  consumer?: string;
}

export class EventDeliveryDto {
  @ApiProperty({ description: 'Outbox event id' }) eventId: string;
  @ApiProperty({ example: 'appeal.answered' }) eventType: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'The appeal the event is about' }) aggregateId: string | null;
  @ApiProperty({ example: 'notifications.email' }) consumer: string;
  @ApiProperty({ enum: STATUSES, enumName: 'EventDeliveryStatus' }) status: DeliveryStatus;
  @ApiProperty() attempts: number;
  @ApiProperty({ format: 'date-time' }) nextAttemptAt: string;
  @ApiProperty({ nullable: true, type: String }) lastError: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) doneAt: string | null;

  static of(r: DeliveryRecord): EventDeliveryDto {
    return {
      eventId: r.eventId,
      eventType: r.eventType,
      aggregateId: r.aggregateId ?? null,
      consumer: r.consumer,
      status: r.status,
      attempts: r.attempts,
      nextAttemptAt: new Date(r.nextAttemptAt).toISOString(),
      lastError: r.lastError,
      createdAt: new Date(r.createdAt).toISOString(),
      doneAt: r.doneAt ? new Date(r.doneAt).toISOString() : null,
    };
  }
}

export class EventDeliveryPageDto {
  @ApiProperty({ type: [EventDeliveryDto] }) items: EventDeliveryDto[];
  @ApiProperty({ nullable: true, type: String }) nextCursor: string | null;
}

export class RetryEventDeliveriesDto {
  @ApiPropertyOptional({ type: [String], description: 'Outbox event ids; absent: every dead letter (of the consumer, if given)' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(1000)
  @Matches(/^\d{1,18}$/, { each: true, message: 'eventIds must be event ids (digits)' })
  eventIds?: string[];

  @ApiPropertyOptional({ example: 'notifications.email' })
  @IsOptional()
  @Matches(CONSUMER, { message: 'consumer must be a consumer name' })
  consumer?: string;
}

export class RetryEventDeliveriesResultDto {
  @ApiProperty({ description: 'Dead letters put back to pending (dispatched at once)' }) retried: number;
}

export class DiscardEventDeliveriesDto {
  @ApiProperty({ type: [String], description: 'Outbox event ids of the dead letters to discard (at least one: there is no «discard all»)' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(1000)
  @Matches(/^\d{1,18}$/, { each: true, message: 'eventIds must be event ids (digits)' })
  eventIds: string[];

  @ApiPropertyOptional({ example: 'notifications.email', description: 'Only this consumer\'s deliveries of those events' })
  @IsOptional()
  @Matches(CONSUMER, { message: 'consumer must be a consumer name' })
  consumer?: string;
}

export class DiscardEventDeliveriesResultDto {
  @ApiProperty({ description: 'Dead letters marked discarded (kept as records, never run again)' }) discarded: number;
}
