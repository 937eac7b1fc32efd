import { Controller, Delete, Get, Headers, HttpCode, Param, ParseUUIDPipe, Post, Req, Res, StreamableFile } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiParam, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Role } from '@otklik/shared/domain';
import { Actor, CurrentActor } from '../../common/http/actor';
import { Authenticated, WidgetScoped } from '../auth/auth.decorators';
import { AttachmentDownloads } from './attachment-downloads';
import { AttachmentUploadService } from './attachment-upload.service';
import { AttachmentsService } from './attachments.service';
import { AttachmentDto } from './dto/attachment.dto';

const UPLOADERS = [Role.Citizen, Role.Operator, Role.Supervisor];
const ID = { name: 'id', format: 'uuid', description: 'Attachment id' };
const uuid = new ParseUUIDPipe({ exceptionFactory: () => AttachmentDownloads.notFound() });

@ApiTags('attachments')
@Controller({ path: 'attachments', version: '1' })
export class AttachmentsController {
  constructor(
    private readonly uploads: AttachmentUploadService,
    private readonly attachments: AttachmentsService,
    private readonly downloads: AttachmentDownloads,
  ) {}

  @Post()
  @Authenticated(...UPLOADERS)
  @WidgetScoped()
  @ApiOperation({
    summary: 'Upload one file (PDF, DOC, DOCX, JPG, PNG, TXT; type decided by content); attach it by id to an appeal, message or answer',
    operationId: 'uploadAttachment',
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['file'],
      properties: {
        appealId: { type: 'string', format: 'uuid', description: 'Optional, sent before `file`: the appeal it is meant for, so its limits are checked at once' },
        file: { type: 'string', format: 'binary' },
      },
    },
  })
  @ApiCreatedResponse({ type: AttachmentDto })
  upload(@CurrentActor() actor: Actor, @Req() request: FastifyRequest): Promise<AttachmentDto> {
    return this.uploads.receive(actor, request);
  }

  @Get(':id')
  @Authenticated(...UPLOADERS)
  @ApiOperation({ summary: 'Download (attachment disposition, nosniff, single byte ranges); staff downloads are audited', operationId: 'downloadAttachment' })
  @ApiParam(ID)
  @ApiProduces('application/octet-stream')
  @ApiOkResponse({ schema: { type: 'string', format: 'binary' } })
  download(
    @CurrentActor() actor: Actor,
    @Param('id', uuid) id: string,
    @Headers('range') range: string | undefined,
    @Headers('if-range') ifRange: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<StreamableFile> {
    return this.downloads.file(actor, id, { range, ifRange }, reply);
  }

  @Get(':id/preview')
  @Authenticated(...UPLOADERS)
  @ApiOperation({ summary: 'A JPEG thumbnail of an image attachment (no metadata)', operationId: 'previewAttachment' })
  @ApiParam(ID)
  @ApiProduces('image/jpeg')
  @ApiOkResponse({ schema: { type: 'string', format: 'binary' } })
  preview(@CurrentActor() actor: Actor, @Param('id', uuid) id: string, @Res({ passthrough: true }) reply: FastifyReply): Promise<StreamableFile> {
    return this.downloads.preview(actor, id, reply);
  }

  @Delete(':id')
  @Authenticated(...UPLOADERS)
  @HttpCode(204)
  @ApiOperation({ summary: 'Remove an own upload that is unattached or attached to a draft', operationId: 'deleteAttachment' })
  @ApiParam(ID)
  @ApiNoContentResponse()
  remove(@CurrentActor() actor: Actor, @Param('id', uuid) id: string): Promise<void> {
    return this.attachments.remove(actor, id);
  }
}
