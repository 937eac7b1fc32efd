import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Role } from '@otklik/shared/domain';
import { Actor, CurrentActor } from '../../common/http/actor';
import { Authenticated } from '../auth/auth.decorators';
import { DeadLetterService } from './dead-letters.service';
import { DiscardEventDeliveriesDto, DiscardEventDeliveriesResultDto, EventDeliveriesQuery, EventDeliveryPageDto, RetryEventDeliveriesDto, RetryEventDeliveriesResultDto } from './event-deliveries.dto';

/** Dead letters of the event consumers, for the engineer on call: list them, retry them, discard them. */
@ApiTags('admin')
@Controller({ path: 'admin/event-deliveries', version: '1' })
export class EventDeliveriesController {
  constructor(private readonly deadLetters: DeadLetterService) {}

  @Get()
  @Authenticated(Role.Admin)
  @ApiOperation({ summary: 'Deliveries of domain events to consumers: dead letters by default, newest first', operationId: 'listEventDeliveries' })
  @ApiOkResponse({ type: EventDeliveryPageDto })
  list(@Query() query: EventDeliveriesQuery): Promise<EventDeliveryPageDto> {
    return this.deadLetters.page(query);
  }

  @Post('retry')
  @HttpCode(200)
  @Authenticated(Role.Admin)
  @ApiOperation({ summary: 'Put dead letters back to pending with a fresh budget of attempts, and run them now', operationId: 'retryEventDeliveries' })
  @ApiOkResponse({ type: RetryEventDeliveriesResultDto })
  retry(@CurrentActor() actor: Actor, @Body() dto: RetryEventDeliveriesDto): Promise<RetryEventDeliveriesResultDto> {
    return this.deadLetters.retry(actor, dto);
  }

  @Post('discard')
  @HttpCode(200)
  @Authenticated(Role.Admin)
  @ApiOperation({
    summary: 'Give up on dead letters: marked discarded, never run again, kept as a record (list them with status=discarded)',
    description: 'Only dead letters change; others among the ids are left as they are (the count says how many were discarded).',
    operationId: 'discardEventDeliveries',
  })
  @ApiOkResponse({ type: DiscardEventDeliveriesResultDto })
  discard(@CurrentActor() actor: Actor, @Body() dto: DiscardEventDeliveriesDto): Promise<DiscardEventDeliveriesResultDto> {
    return this.deadLetters.discard(actor, dto);
  }
}
