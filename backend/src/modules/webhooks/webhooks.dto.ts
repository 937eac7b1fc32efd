import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsBoolean, IsIn, IsOptional, IsString, IsUUID, Length, MaxLength } from 'class-validator';
import { PageQuery } from '../../common/pagination/page-query';
import { IsDateOrInstant } from '../../common/validation/dates';
import type { WebhookDeliveryStatus } from './webhook-delivery.entity';
import { WebhookDeliveryView } from './webhook-deliveries.repository';
import { WEBHOOK_EVENT_TYPES } from './webhook-envelope';
import type { SubscriptionRow } from './webhook-subscriptions.repository';

const EVENT_TYPES = [...WEBHOOK_EVENT_TYPES] as string[];
const STATUSES: WebhookDeliveryStatus[] = ['pending', 'delivered', 'dead'];
const iso = (d: Date | string | null) => (d ? new Date(d).toISOString() : null);

export class WebhookSubscriptionInputDto {
  @ApiProperty({ example: 'СЭД «Дело»', maxLength: 200 })
  @IsString()
  @Length(1, 200)
  name: string;

  @ApiProperty({ example: 'https://sed.body.gov.ru/hooks/otklik', maxLength: 2000, description: 'https (plain http only in demo mode); private addresses are refused unless allow-listed (WEBHOOK_ALLOW_LIST)' })
  @IsString()
  @MaxLength(2000)
  url: string;

  @ApiProperty({ enum: EVENT_TYPES, enumName: 'WebhookEventType', isArray: true })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @ArrayUnique()
  @IsIn(EVENT_TYPES, { each: true })
  events: string[];

  @ApiPropertyOptional({ type: [String], format: 'uuid', description: 'Only events of appeals in these departments (empty: any)' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200)
  @IsUUID('all', { each: true })
  departmentIds?: string[];

  @ApiPropertyOptional({ type: [String], format: 'uuid', description: 'Only events of appeals in these categories or subcategories (empty: any)' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200)
  @IsUUID('all', { each: true })
  categoryIds?: string[];

  @ApiPropertyOptional({ default: true })
  @IsOptional()
  @IsBoolean()
  enabled?: boolean;
}

export class WebhookSubscriptionPatchDto {
  @ApiPropertyOptional({ maxLength: 200 }) @IsOptional() @IsString() @Length(1, 200) name?: string;
  @ApiPropertyOptional({ maxLength: 2000 }) @IsOptional() @IsString() @MaxLength(2000) url?: string;

  @ApiPropertyOptional({ enum: EVENT_TYPES, enumName: 'WebhookEventType', isArray: true })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @ArrayUnique()
  @IsIn(EVENT_TYPES, { each: true })
  events?: string[];

  @ApiPropertyOptional({ type: [String], format: 'uuid' }) @IsOptional() @IsArray() @ArrayMaxSize(200) @IsUUID('all', { each: true }) departmentIds?: string[];
  @ApiPropertyOptional({ type: [String], format: 'uuid' }) @IsOptional() @IsArray() @ArrayMaxSize(200) @IsUUID('all', { each: true }) categoryIds?: string[];
  @ApiPropertyOptional({ description: 'Enabling a subscription disabled after failures clears its run of failures' }) @IsOptional() @IsBoolean() enabled?: boolean;
}

export class WebhookSubscriptionDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty() url: string;
  @ApiProperty({ enum: EVENT_TYPES, enumName: 'WebhookEventType', isArray: true }) events: string[];
  @ApiProperty({ type: [String], format: 'uuid' }) departmentIds: string[];
  @ApiProperty({ type: [String], format: 'uuid' }) categoryIds: string[];
  @ApiProperty() enabled: boolean;
  @ApiProperty({ description: 'Failed attempts in a row (WEBHOOK_DISABLE_AFTER_FAILURES disables it)' }) consecutiveFailures: number;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) disabledAt: string | null;
  @ApiProperty({ nullable: true, type: String, description: '"admin", or the run of failures that disabled it' }) disabledReason: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) secretRotatedAt: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;

  static of(r: SubscriptionRow): WebhookSubscriptionDto {
    return {
      id: r.id,
      name: r.name,
      url: r.url,
      events: r.events,
      departmentIds: r.departmentIds,
      categoryIds: r.categoryIds,
      enabled: r.enabled,
      consecutiveFailures: r.consecutiveFailures,
      disabledAt: iso(r.disabledAt),
      disabledReason: r.disabledReason,
      secretRotatedAt: iso(r.secretRotatedAt),
      createdAt: iso(r.createdAt)!,
      updatedAt: iso(r.updatedAt)!,
    };
  }
}

export class WebhookSecretDto {
  @ApiProperty({ example: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw', description: 'The signing secret (Standard Webhooks form). Shown only here: it is stored encrypted and never read back.' })
  secret: string;
}

export class WebhookSubscriptionCreatedDto extends WebhookSubscriptionDto {
  @ApiProperty({ description: 'The signing secret, shown once' }) secret: string;
}

export class WebhookSubscriptionListDto {
  @ApiProperty({ type: [WebhookSubscriptionDto] }) items: WebhookSubscriptionDto[];
}

export class WebhookDeliveriesQuery extends PageQuery {
  @ApiPropertyOptional({ enum: STATUSES, enumName: 'WebhookDeliveryStatus' })
  @IsOptional()
  @IsIn(STATUSES)
  status?: WebhookDeliveryStatus;
}

export class WebhookDeliveryDto {
  @ApiProperty({ format: 'uuid', description: 'The webhook-id (the same on every attempt and replay)' }) id: string;
  @ApiProperty({ nullable: true, type: String, description: 'Outbox event id (null: a test event)' }) eventId: string | null;
  @ApiProperty({ example: 'appeal.registered' }) eventType: string;
  @ApiProperty({ enum: STATUSES, enumName: 'WebhookDeliveryStatus' }) status: WebhookDeliveryStatus;
  @ApiProperty() attempts: number;
  @ApiProperty() replays: number;
  @ApiProperty({ nullable: true, type: Number }) lastStatusCode: number | null;
  @ApiProperty({ nullable: true, type: Number }) lastDurationMs: number | null;
  @ApiProperty({ nullable: true, type: String }) lastError: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) lastAttemptAt: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String, description: 'When a pending delivery is tried next' }) nextAttemptAt: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) deliveredAt: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;

  static of(r: WebhookDeliveryView): WebhookDeliveryDto {
    return {
      id: r.id,
      eventId: r.eventId,
      eventType: r.eventType,
      status: r.status,
      attempts: r.attempts,
      replays: r.replays,
      lastStatusCode: r.lastStatusCode,
      lastDurationMs: r.lastDurationMs,
      lastError: r.lastError,
      lastAttemptAt: iso(r.lastAttemptAt),
      nextAttemptAt: iso(r.nextAttemptAt),
      deliveredAt: iso(r.deliveredAt),
      createdAt: iso(r.createdAt)!,
    };
  }
}

export class WebhookDeliveryPageDto {
  @ApiProperty({ type: [WebhookDeliveryDto] }) items: WebhookDeliveryDto[];
  @ApiProperty({ nullable: true, type: String }) nextCursor: string | null;
}

export class WebhookReplayRangeDto {
  @ApiProperty({ format: 'date-time', description: 'Deliveries created at or after this time' }) @IsDateOrInstant() from: string;
  @ApiProperty({ format: 'date-time', description: 'Deliveries created before this time' }) @IsDateOrInstant() to: string;
}

export class WebhookReplayResultDto {
  @ApiProperty({ description: 'Deliveries sent again (with their own webhook-id)' }) replayed: number;
}

export class WebhookTestResultDto {
  @ApiProperty({ format: 'uuid', description: 'The test delivery (its webhook-id); see the delivery log for its outcome' }) deliveryId: string;
}
