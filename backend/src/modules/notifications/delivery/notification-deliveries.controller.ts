import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Role } from '@otklik/shared/domain';
import { Actor, CurrentActor } from '../../../common/http/actor';
import { Authenticated } from '../../auth/auth.decorators';
import { NotificationDeadLetters } from './notification-dead-letters.service';
import {
  NotificationDeliveriesQuery,
  NotificationDeliveryRecordPageDto,
  RetryNotificationDeliveriesDto,
  RetryNotificationDeliveriesResultDto,
} from './notification-deliveries.dto';

/** Notice deliveries for the engineer on call: what is dead, and retrying it once the provider is back. */
@ApiTags('admin')
@Controller({ path: 'admin/notification-deliveries', version: '1' })
export class NotificationDeliveriesController {
  constructor(private readonly deadLetters: NotificationDeadLetters) {}

  @Get()
  @Authenticated(Role.Admin)
  @ApiOperation({ summary: 'Notice deliveries on e-mail, SMS and push: dead ones by default, newest first', operationId: 'listNotificationDeliveries' })
  @ApiOkResponse({ type: NotificationDeliveryRecordPageDto })
  list(@Query() query: NotificationDeliveriesQuery): Promise<NotificationDeliveryRecordPageDto> {
    return this.deadLetters.page(query);
  }

  @Post('retry')
  @HttpCode(200)
  @Authenticated(Role.Admin)
  @ApiOperation({ summary: 'Put dead deliveries back to pending with a fresh budget of attempts, due now', operationId: 'retryNotificationDeliveries' })
  @ApiOkResponse({ type: RetryNotificationDeliveriesResultDto })
  retry(@CurrentActor() actor: Actor, @Body() dto: RetryNotificationDeliveriesDto): Promise<RetryNotificationDeliveriesResultDto> {
    return this.deadLetters.retry(actor, dto);
  }
}
