import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsIn, IsOptional, Matches } from 'class-validator';
import { PageQuery } from '../../../common/pagination/page-query';
import { CHANNELS, Channel, NOTICE_KINDS } from '../catalogue/notice-kinds';
import { DeliveryRecordView } from './notification-deliveries.repository';
import { DELIVERY_STATES, DeliveryState } from './notification-delivery.entity';

const SENT_CHANNELS = CHANNELS.filter((c) => c !== 'in_app');

export class NotificationDeliveriesQuery extends PageQuery {
  @ApiPropertyOptional({ enum: DELIVERY_STATES, enumName: 'NotificationDeliveryStatus', default: 'dead' })
  @IsOptional()
  @IsIn(DELIVERY_STATES)
  status?: DeliveryState;

  @ApiPropertyOptional({ enum: SENT_CHANNELS, enumName: 'NotificationChannel' })
  @IsOptional()
  @IsIn(SENT_CHANNELS)
  channel?: Channel;
}

export class NotificationDeliveryRecordDto {
  @ApiProperty() id: string;
  @ApiProperty({ description: 'The outbox event it tells of' }) eventId: string;
  @ApiProperty({ example: 'appeal.registered' }) eventType: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) appealId: string | null;
  @ApiProperty({ enum: [...NOTICE_KINDS, 'legacy'] }) kind: string;
  @ApiProperty({ enum: SENT_CHANNELS, enumName: 'NotificationChannel' }) channel: string;
  @ApiProperty({ enum: ['user', 'contact'], description: 'An account, or the contact of an appeal filed without one' }) recipientKind: string;
  @ApiProperty({ enum: DELIVERY_STATES, enumName: 'NotificationDeliveryStatus' }) status: DeliveryState;
  @ApiProperty({ type: String, nullable: true, description: 'Masked address' }) address: string | null;
  @ApiProperty() attempts: number;
  @ApiProperty({ type: String, nullable: true }) provider: string | null;
  @ApiProperty({ type: String, nullable: true }) lastError: string | null;
  @ApiProperty({ description: 'Whether a retry can send it (its content is still kept)' }) retriable: boolean;
  @ApiProperty({ format: 'date-time' }) createdAt: string;

  static of(r: DeliveryRecordView): NotificationDeliveryRecordDto {
    return { ...r, createdAt: new Date(r.createdAt).toISOString() };
  }
}

export class NotificationDeliveryRecordPageDto {
  @ApiProperty({ type: [NotificationDeliveryRecordDto] }) items: NotificationDeliveryRecordDto[];
  @ApiProperty({ nullable: true, type: String }) nextCursor: string | null;
}

export class RetryNotificationDeliveriesDto {
  @ApiPropertyOptional({ type: [String], description: 'Delivery ids; absent: every dead delivery (of the channel, if given), up to 10,000 a call' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(1000)
  @Matches(/^[1-9]\d{0,17}$/, { each: true, message: 'ids must be delivery ids (digits)' })
  ids?: string[];

  @ApiPropertyOptional({ enum: SENT_CHANNELS, enumName: 'NotificationChannel' })
  @IsOptional()
  @IsIn(SENT_CHANNELS)
  channel?: Channel;
}

export class RetryNotificationDeliveriesResultDto {
  @ApiProperty({ description: 'Dead deliveries put back to pending, due now' }) retried: number;
}
