import { Body, Controller, Get, Param, Post, Query, Req, UseGuards } from '@nestjs/common';
import { ApiCreatedResponse, ApiForbiddenResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags, ApiTooManyRequestsResponse } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { AnonymousActor } from '../../common/http/actor';
import { RequestLocale } from '../../common/http/request-meta';
import { Locale } from '../../common/i18n/messages';
import { Public } from '../auth/auth.decorators';
import { PublicAppealDto, PublicAppealReceiptDto, PublicAppealStatusDto, PublicTrackQuery } from './dto/public-appeal.dto';
import { PublicAppealsService } from './public-appeals.service';
import { WidgetFilingGuard } from '../widget/widget-filing.guard';

/** Whoever files without an account, known by the request. */
export function anonymousFiler(request: FastifyRequest): AnonymousActor {
  const ua = request.headers['user-agent'];
  return { userId: null, role: 'anonymous', name: 'Аноним', departmentId: null, ip: request.ip ?? null, userAgent: typeof ua === 'string' ? ua.slice(0, 500) : null, requestId: String(request.id) };
}

@ApiTags('public')
@Controller({ path: 'public/appeals', version: '1' })
export class PublicAppealsController {
  constructor(private readonly appeals: PublicAppealsService) {}

  @Post()
  @Public()
  @ApiOperation({ summary: 'Unidentified feedback without an account (CAPTCHA required); returns the number and an access code', operationId: 'filePublicAppeal' })
  @ApiCreatedResponse({ type: PublicAppealReceiptDto })
  @ApiTooManyRequestsResponse({ description: 'Too many filings from this address; see Retry-After' })
  @UseGuards(WidgetFilingGuard)
  @ApiForbiddenResponse({ description: 'From another site: 403 widget_origin_not_allowed unless the admin allowed that origin for the body the category routes to' })
  file(@Body() dto: PublicAppealDto, @Req() request: FastifyRequest): Promise<PublicAppealReceiptDto> {
    return this.appeals.file(anonymousFiler(request), dto);
  }

  @Get(':number')
  @Public()
  @ApiOperation({ summary: 'Status of an unidentified appeal by its number and access code', operationId: 'trackPublicAppeal' })
  @ApiParam({ name: 'number', description: 'The appeal number' })
  @ApiOkResponse({ type: PublicAppealStatusDto })
  track(@Param('number') number: string, @Query() query: PublicTrackQuery, @Req() request: FastifyRequest, @RequestLocale() locale: Locale): Promise<PublicAppealStatusDto> {
    return this.appeals.track(request.ip ?? null, number, query.accessCode, locale);
  }
}
