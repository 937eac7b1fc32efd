import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsBoolean, IsIn, IsOptional, IsUUID, Matches } from 'class-validator';
import { PageQuery } from '../../../common/pagination/page-query';
import { CHANNELS, NOTICE_KINDS } from '../catalogue/notice-kinds';

export class NotificationItemDto {
  @ApiProperty({ example: '1042', description: 'Ascending; the stream\'s event id' }) id: string;
  @ApiProperty({ enum: NOTICE_KINDS }) kind: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) appealId: string | null;
  @ApiProperty({ type: Number, nullable: true }) appealNumber: number | null;
  @ApiProperty() title: string;
  @ApiProperty() body: string;
  @ApiProperty({ description: 'The appeal\'s card (console) or page (citizen app)' }) link: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) readAt: string | null;
}

export class NotificationPageDto {
  @ApiProperty({ type: [NotificationItemDto] }) items: NotificationItemDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
  @ApiProperty({ description: 'Unread items in the whole feed' }) unread: number;
}

export class UnreadCountDto {
  @ApiProperty() unread: number;
}

export class NotificationQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'Only unread items' })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  unread?: boolean;

  @ApiPropertyOptional({ enum: NOTICE_KINDS })
  @IsOptional()
  @IsIn(NOTICE_KINDS)
  kind?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  appealId?: string;
}

export class MarkReadDto {
  @ApiProperty({ type: [String], example: ['1042'], description: 'Item ids; at most 500' })
  @ArrayMinSize(1)
  @ArrayMaxSize(500)
  @Matches(/^[1-9]\d{0,17}$/, { each: true, message: 'each id must be a notification id' })
  ids: string[];
}

export class NotificationDeliveryDto {
  @ApiProperty() id: string;
  @ApiProperty({ enum: [...NOTICE_KINDS, 'legacy'] }) kind: string;
  @ApiProperty({ enum: CHANNELS }) channel: string;
  @ApiProperty({ enum: ['citizen', 'staff'] }) recipient: 'citizen' | 'staff';
  @ApiProperty({ enum: ['pending', 'held', 'digest', 'sent', 'delivered', 'failed', 'dead'] }) status: string;
  @ApiProperty({ type: String, nullable: true, description: 'Masked address' }) address: string | null;
  @ApiProperty() attempts: number;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) sentAt: Date | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'When a pending, held or digest notice goes out' }) scheduledFor: Date | null;
  @ApiProperty({ type: String, nullable: true, description: 'The provider\'s delivery receipt' }) receiptStatus: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) receiptAt: Date | null;
  @ApiProperty({ format: 'date-time' }) createdAt: Date;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'Staff only' }) recipientId?: string;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'Staff only: the staff member told (null for the citizen)' }) recipientName?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'Staff only' }) provider?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'Staff only' }) providerId?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'Staff only: the last failure' }) lastError?: string | null;
}

export class PushKeyDto {
  @ApiProperty({ description: 'The VAPID public key (base64url) for PushManager.subscribe' }) publicKey: string;
}

export class PushSubscriptionInputDto {
  @ApiProperty({ example: 'https://fcm.googleapis.com/fcm/send/…' })
  @Matches(/^https?:\/\/\S{1,2000}$/, { message: 'must be an http(s) URL' })
  endpoint: string;

  @ApiProperty({ description: 'keys.p256dh (base64url)' })
  @Matches(/^[A-Za-z0-9_-]{80,100}={0,2}$/, { message: 'must be a base64url P-256 public key' })
  p256dh: string;

  @ApiProperty({ description: 'keys.auth (base64url)' })
  @Matches(/^[A-Za-z0-9_-]{16,32}={0,2}$/, { message: 'must be a base64url auth secret' })
  auth: string;
}

export class PushSubscriptionDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() endpoint: string;
  @ApiProperty({ type: String, nullable: true }) userAgent: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: Date;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) lastUsedAt: Date | null;
}
