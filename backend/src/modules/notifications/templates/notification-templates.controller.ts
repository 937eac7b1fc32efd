import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { Role } from '@otklik/shared/domain';
import { Actor, CurrentActor } from '../../../common/http/actor';
import { Authenticated } from '../../auth/auth.decorators';
import { CHANNELS, NOTICE_KINDS } from '../catalogue/notice-kinds';
import {
  NOTICE_LANGUAGES,
  NotificationTemplateDto,
  NotificationTemplateInputDto,
  NotificationTemplatePreviewDto,
  NotificationTemplatePreviewInputDto,
} from './notification-templates.dto';
import { NotificationTemplatesService } from './notification-templates.service';

/** Notification templates: the text of every notice kind × channel × language, overridable by admins (audited before → after). */
@ApiTags('admin')
@Controller({ path: 'admin/notification-templates', version: '1' })
export class NotificationTemplatesController {
  constructor(private readonly templates: NotificationTemplatesService) {}

  @Get()
  @Authenticated(Role.Admin)
  @ApiOperation({ summary: 'Every notice kind × channel × language: the built-in text, the override if any, the placeholders it may use', operationId: 'listNotificationTemplates' })
  @ApiOkResponse({ type: [NotificationTemplateDto] })
  list(): Promise<NotificationTemplateDto[]> {
    return this.templates.list();
  }

  @Post('preview')
  @HttpCode(200)
  @Authenticated(Role.Admin)
  @ApiOperation({
    summary: 'One channel of a kind rendered with sample facts: a draft (checked as a save: 422 unknown_placeholder, sms_too_long) or the text in use',
    operationId: 'previewNotificationTemplate',
  })
  @ApiOkResponse({ type: NotificationTemplatePreviewDto })
  preview(@Body() dto: NotificationTemplatePreviewInputDto): Promise<NotificationTemplatePreviewDto> {
    return this.templates.preview(dto);
  }

  @Put(':kind/:channel/:lang')
  @Authenticated(Role.Admin)
  @ApiParam({ name: 'kind', enum: NOTICE_KINDS, enumName: 'NoticeKind' })
  @ApiParam({ name: 'channel', enum: CHANNELS, enumName: 'NoticeChannel' })
  @ApiParam({ name: 'lang', enum: NOTICE_LANGUAGES, enumName: 'NoticeLanguage' })
  @ApiOperation({
    summary: 'Replace the text of a kind on a channel in a language (422 unknown_placeholder naming them, sms_too_long; 404 for an unknown kind, channel or language)',
    operationId: 'saveNotificationTemplate',
  })
  @ApiOkResponse({ type: NotificationTemplateDto })
  save(@CurrentActor() actor: Actor, @Param('kind') kind: string, @Param('channel') channel: string, @Param('lang') lang: string, @Body() dto: NotificationTemplateInputDto): Promise<NotificationTemplateDto> {
    return this.templates.save(actor, kind, channel, lang, dto);
  }

  @Delete(':kind/:channel/:lang')
  @HttpCode(204)
  @Authenticated(Role.Admin)
  @ApiParam({ name: 'kind', enum: NOTICE_KINDS, enumName: 'NoticeKind' })
  @ApiParam({ name: 'channel', enum: CHANNELS, enumName: 'NoticeChannel' })
  @ApiParam({ name: 'lang', enum: NOTICE_LANGUAGES, enumName: 'NoticeLanguage' })
  @ApiOperation({ summary: 'Return to the built-in text (404 when none is overridden)', operationId: 'resetNotificationTemplate' })
  @ApiNoContentResponse()
  reset(@CurrentActor() actor: Actor, @Param('kind') kind: string, @Param('channel') channel: string, @Param('lang') lang: string): Promise<void> {
    return this.templates.reset(actor, kind, channel, lang);
  }
}
