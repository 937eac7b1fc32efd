import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiAcceptedResponse, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Role } from '@otklik/shared/domain';
import { Actor, CurrentActor } from '../../common/http/actor';
import { Authenticated } from '../auth/auth.decorators';
import {
  WebhookDeliveriesQuery,
  WebhookDeliveryPageDto,
  WebhookReplayRangeDto,
  WebhookReplayResultDto,
  WebhookSecretDto,
  WebhookSubscriptionCreatedDto,
  WebhookSubscriptionDto,
  WebhookSubscriptionInputDto,
  WebhookSubscriptionListDto,
  WebhookSubscriptionPatchDto,
  WebhookTestResultDto,
} from './webhooks.dto';
import { WebhooksService } from './webhooks.service';

const uuid = new ParseUUIDPipe();

/** Webhook subscriptions and their delivery logs (admins). */
@ApiTags('admin')
@Controller({ path: 'admin/webhooks', version: '1' })
export class WebhooksController {
  constructor(private readonly webhooks: WebhooksService) {}

  @Get()
  @Authenticated(Role.Admin)
  @ApiOperation({ summary: 'Webhook subscriptions', operationId: 'listWebhooks' })
  @ApiOkResponse({ type: WebhookSubscriptionListDto })
  list(): Promise<WebhookSubscriptionListDto> {
    return this.webhooks.list();
  }

  @Post()
  @Authenticated(Role.Admin)
  @ApiOperation({ summary: 'Subscribe a receiver; its signing secret is in the answer, once', operationId: 'createWebhook' })
  @ApiCreatedResponse({ type: WebhookSubscriptionCreatedDto })
  create(@CurrentActor() actor: Actor, @Body() dto: WebhookSubscriptionInputDto): Promise<WebhookSubscriptionCreatedDto> {
    return this.webhooks.create(actor, dto);
  }

  @Get(':id')
  @Authenticated(Role.Admin)
  @ApiOperation({ summary: 'One webhook subscription', operationId: 'getWebhook' })
  @ApiOkResponse({ type: WebhookSubscriptionDto })
  get(@Param('id', uuid) id: string): Promise<WebhookSubscriptionDto> {
    return this.webhooks.get(id);
  }

  @Patch(':id')
  @Authenticated(Role.Admin)
  @ApiOperation({ summary: 'Change a subscription (enable it again after failures)', operationId: 'updateWebhook' })
  @ApiOkResponse({ type: WebhookSubscriptionDto })
  update(@CurrentActor() actor: Actor, @Param('id', uuid) id: string, @Body() dto: WebhookSubscriptionPatchDto): Promise<WebhookSubscriptionDto> {
    return this.webhooks.update(actor, id, dto);
  }

  @Delete(':id')
  @HttpCode(204)
  @Authenticated(Role.Admin)
  @ApiOperation({ summary: 'Remove a subscription with its delivery log', operationId: 'deleteWebhook' })
  @ApiNoContentResponse()
  remove(@CurrentActor() actor: Actor, @Param('id', uuid) id: string): Promise<void> {
    return this.webhooks.remove(actor, id);
  }

  @Post(':id/rotate-secret')
  @HttpCode(200)
  @Authenticated(Role.Admin)
  @ApiOperation({ summary: 'A new signing secret, shown once; the previous one keeps signing beside it for 24 h', operationId: 'rotateWebhookSecret' })
  @ApiOkResponse({ type: WebhookSecretDto })
  rotateSecret(@CurrentActor() actor: Actor, @Param('id', uuid) id: string): Promise<WebhookSecretDto> {
    return this.webhooks.rotateSecret(actor, id);
  }

  @Get(':id/deliveries')
  @Authenticated(Role.Admin)
  @ApiOperation({ summary: 'The delivery log of a subscription, newest first', operationId: 'listWebhookDeliveries' })
  @ApiOkResponse({ type: WebhookDeliveryPageDto })
  deliveries(@Param('id', uuid) id: string, @Query() query: WebhookDeliveriesQuery): Promise<WebhookDeliveryPageDto> {
    return this.webhooks.deliveryLog(id, query);
  }

  @Post(':id/deliveries/:deliveryId/replay')
  @HttpCode(200)
  @Authenticated(Role.Admin)
  @ApiOperation({ summary: 'Send one delivery again, with the same webhook-id and body', operationId: 'replayWebhookDelivery' })
  @ApiOkResponse({ type: WebhookReplayResultDto })
  replayOne(@CurrentActor() actor: Actor, @Param('id', uuid) id: string, @Param('deliveryId', uuid) deliveryId: string): Promise<WebhookReplayResultDto> {
    return this.webhooks.replayOne(actor, id, deliveryId);
  }

  @Post(':id/replay')
  @HttpCode(200)
  @Authenticated(Role.Admin)
  @ApiOperation({ summary: 'Send again every delivery created in a time range, each with its own webhook-id', operationId: 'replayWebhookRange' })
  @ApiOkResponse({ type: WebhookReplayResultDto })
  replayRange(@CurrentActor() actor: Actor, @Param('id', uuid) id: string, @Body() dto: WebhookReplayRangeDto): Promise<WebhookReplayResultDto> {
    return this.webhooks.replayRange(actor, id, dto);
  }

  @Post(':id/test')
  @HttpCode(202)
  @Authenticated(Role.Admin)
  @ApiOperation({ summary: 'Send a signed webhook.test event to the receiver', operationId: 'sendWebhookTest' })
  @ApiAcceptedResponse({ type: WebhookTestResultDto })
  test(@CurrentActor() actor: Actor, @Param('id', uuid) id: string): Promise<WebhookTestResultDto> {
    return this.webhooks.sendTest(actor, id);
  }
}
