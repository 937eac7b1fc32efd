import { Body, Controller, Headers, Post, Req } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiCreatedResponse, ApiHeader, ApiOperation, ApiTags, ApiTooManyRequestsResponse } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { Public } from '../auth/auth.decorators';
import { AttachmentDto } from '../attachments/dto/attachment.dto';
import { PublicUploadSessionDto, PublicUploadSessionInputDto } from './dto/public-appeal.dto';
import { anonymousFiler } from './public-appeals.controller';
import { PublicAppealsService } from './public-appeals.service';

/** Files of unidentified feedback: a CAPTCHA-gated upload session, then uploads into it. */
@ApiTags('public')
@Controller({ path: 'public', version: '1' })
export class PublicUploadsController {
  constructor(private readonly appeals: PublicAppealsService) {}

  @Post('upload-sessions')
  @Public()
  @ApiOperation({
    summary: 'Open an upload session for the files of one unidentified filing (CAPTCHA required); answers the upload rules',
    operationId: 'openPublicUploadSession',
  })
  @ApiCreatedResponse({ type: PublicUploadSessionDto })
  @ApiTooManyRequestsResponse({ description: 'Too many sessions from this address; see Retry-After' })
  openSession(@Body() dto: PublicUploadSessionInputDto, @Req() request: FastifyRequest): Promise<PublicUploadSessionDto> {
    return this.appeals.openUploadSession(anonymousFiler(request), dto);
  }

  @Post('attachments')
  @Public()
  @ApiOperation({
    summary: 'Upload one file into a public upload session (same rules as POST /attachments); bind it with POST /public/appeals',
    operationId: 'uploadPublicAttachment',
  })
  @ApiHeader({ name: 'X-Upload-Session', required: true, description: 'The token of POST /public/upload-sessions' })
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary' } } } })
  @ApiCreatedResponse({ type: AttachmentDto })
  @ApiTooManyRequestsResponse({ description: 'Too many uploads from this address; see Retry-After' })
  upload(@Headers('x-upload-session') session: string | undefined, @Req() request: FastifyRequest): Promise<AttachmentDto> {
    return this.appeals.upload(anonymousFiler(request), request, session);
  }
}
