import { Body, Controller, Delete, Get, Headers, HttpCode, Param, ParseUUIDPipe, Post, Put, Query, Req, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiHeader, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiParam, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Role } from '@otklik/shared/domain';
import { Actor, CurrentActor } from '../../common/http/actor';
import { ValidationFailedError } from '../../common/problem/domain-error';
import { Authenticated } from '../auth/auth.decorators';
import { NotificationEventStream } from './inbox/notification-event-stream';
import {
  MarkReadDto,
  NotificationDeliveryDto,
  NotificationPageDto,
  NotificationQuery,
  PushKeyDto,
  PushSubscriptionDto,
  PushSubscriptionInputDto,
  UnreadCountDto,
} from './inbox/notifications.dto';
import { NotificationPreferencesDto, UpdateNotificationPreferencesDto } from './preferences/notification-preferences.dto';
import { NotificationsService } from './notifications.service';

const STAFF = [Role.Operator, Role.Supervisor];

/** The signed-in user's notifications: the feed, its live stream, preferences and push devices. */
@ApiTags('notifications')
@Controller({ path: 'me', version: '1' })
export class MeNotificationsController {
  constructor(
    private readonly notifications: NotificationsService,
    private readonly events: NotificationEventStream,
  ) {}

  @Get('notifications')
  @Authenticated()
  @ApiOperation({ summary: 'The in-app feed, newest first, with the unread count', operationId: 'listNotifications' })
  @ApiOkResponse({ type: NotificationPageDto })
  list(@CurrentActor() actor: Actor, @Query() query: NotificationQuery): Promise<NotificationPageDto> {
    return this.notifications.list(actor, query);
  }

  @Get('notifications/unread-count')
  @Authenticated()
  @ApiOperation({ summary: 'Unread items in the feed', operationId: 'countUnreadNotifications' })
  @ApiOkResponse({ type: UnreadCountDto })
  async unread(@CurrentActor() actor: Actor): Promise<UnreadCountDto> {
    return { unread: await this.notifications.unread(actor) };
  }

  @Get('notifications/stream')
  @Authenticated()
  @ApiOperation({
    summary: 'Live feed (Server-Sent Events)',
    description:
      'Events: `notification` (data: a NotificationItem, id: its id) and `unread` (data: {"unread": n}); for operators and supervisors also `queue` (data: {appealId, number, event}: an appeal of their queue changed) and `presence` (data: {appealId, present: [{userId, name, activity}]}: who is on the appeal\u2019s card now — sent for every such appeal on connect, then on each change). Send `Last-Event-ID` (or ?lastEventId=) to get what was missed since, up to 200 items. A comment line every 25 s keeps proxies from closing the connection.',
    operationId: 'streamNotifications',
  })
  @ApiHeader({ name: 'Last-Event-ID', required: false })
  @ApiProduces('text/event-stream')
  @ApiOkResponse({ description: 'text/event-stream' })
  stream(
    @CurrentActor() actor: Actor,
    @Headers('last-event-id') lastEventId: string | undefined,
    @Query('lastEventId') lastEventIdQuery: string | undefined,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    // A resume point is an item id; anything else is a client error, not a silent fresh start.
    for (const [field, value] of [['Last-Event-ID', lastEventId], ['lastEventId', lastEventIdQuery]] as const) {
      if (value !== undefined && value.trim() !== '' && !/^\d{1,18}$/.test(value.trim())) {
        throw new ValidationFailedError([{ field, code: 'invalid_event_id', message: 'must be the id of a notification' }]);
      }
    }
    return this.events.open(actor, lastEventId || lastEventIdQuery, request, reply);
  }

  @Post('notifications/read')
  @Authenticated()
  @HttpCode(200)
  @ApiOperation({ summary: 'Mark items read', operationId: 'markNotificationsRead' })
  @ApiOkResponse({ type: UnreadCountDto })
  async markRead(@CurrentActor() actor: Actor, @Body() dto: MarkReadDto): Promise<UnreadCountDto> {
    return { unread: await this.notifications.markRead(actor, dto.ids) };
  }

  @Post('notifications/read-all')
  @Authenticated()
  @HttpCode(200)
  @ApiOperation({ summary: 'Mark the whole feed read', operationId: 'markAllNotificationsRead' })
  @ApiOkResponse({ type: UnreadCountDto })
  async markAllRead(@CurrentActor() actor: Actor): Promise<UnreadCountDto> {
    return { unread: await this.notifications.markRead(actor, null) };
  }

  @Get('notification-preferences')
  @Authenticated()
  @ApiOperation({ summary: 'Channels per notice, quiet hours, digest and language', operationId: 'getNotificationPreferences' })
  @ApiOkResponse({ type: NotificationPreferencesDto })
  preferences(@CurrentActor() actor: Actor): Promise<NotificationPreferencesDto> {
    return this.notifications.viewPreferences(actor);
  }

  @Put('notification-preferences')
  @Authenticated()
  @ApiOperation({
    summary: 'Change notification preferences (partial: what is sent changes)',
    description: 'A notice the law requires (extension, redirect, 59-ФЗ notices) keeps at least one channel: switching all off is refused (422 required_notice).',
    operationId: 'updateNotificationPreferences',
  })
  @ApiOkResponse({ type: NotificationPreferencesDto })
  updatePreferences(@CurrentActor() actor: Actor, @Body() dto: UpdateNotificationPreferencesDto): Promise<NotificationPreferencesDto> {
    return this.notifications.updatePreferences(actor, dto);
  }

  @Get('push-subscriptions/key')
  @Authenticated()
  @ApiOperation({ summary: 'The VAPID public key to subscribe a device with', operationId: 'getPushKey' })
  @ApiOkResponse({ type: PushKeyDto })
  pushKey(): PushKeyDto {
    return { publicKey: this.notifications.pushKey };
  }

  @Get('push-subscriptions')
  @Authenticated()
  @ApiOperation({ summary: 'Devices that get web push', operationId: 'listPushSubscriptions' })
  @ApiOkResponse({ type: [PushSubscriptionDto] })
  devices(@CurrentActor() actor: Actor): Promise<PushSubscriptionDto[]> {
    return this.notifications.listDevices(actor);
  }

  @Post('push-subscriptions')
  @Authenticated()
  @ApiOperation({ summary: 'Register this device for web push (a PushSubscription: endpoint and keys)', operationId: 'addPushSubscription' })
  @ApiCreatedResponse({ type: PushSubscriptionDto })
  addDevice(@CurrentActor() actor: Actor, @Body() dto: PushSubscriptionInputDto): Promise<PushSubscriptionDto> {
    return this.notifications.addDevice(actor, dto);
  }

  @Delete('push-subscriptions/:id')
  @Authenticated()
  @HttpCode(204)
  @ApiOperation({ summary: 'Stop web push to a device', operationId: 'removePushSubscription' })
  @ApiNoContentResponse()
  removeDevice(@CurrentActor() actor: Actor, @Param('id', new ParseUUIDPipe()) id: string): Promise<void> {
    return this.notifications.removeDevice(actor, id);
  }
}

/** Where and when an appeal's notices went: the citizen's own, or — for staff — everyone's. */
@ApiTags('notifications')
@Controller({ path: 'appeals', version: '1' })
export class AppealNotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get(':idOrNumber/notifications')
  @Authenticated(Role.Citizen, ...STAFF)
  @ApiOperation({ summary: 'Notices of the appeal: channel, status, when, the delivery receipt', operationId: 'listAppealNotifications' })
  @ApiParam({ name: 'idOrNumber', description: 'Appeal id (uuid) or number' })
  @ApiOkResponse({ type: [NotificationDeliveryDto] })
  list(@CurrentActor() actor: Actor, @Param('idOrNumber') id: string): Promise<NotificationDeliveryDto[]> {
    return this.notifications.ofAppeal(actor, id);
  }
}
