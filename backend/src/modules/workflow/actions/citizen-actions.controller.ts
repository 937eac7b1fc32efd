import { Body, Controller, Get, HttpCode, Param, Post, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiBody, ApiExtraModels, ApiOkResponse, ApiOperation, ApiParam, ApiProduces, ApiTags, getSchemaPath } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Role } from '@otklik/shared/domain';
import { Actor, CurrentActor } from '../../../common/http/actor';
import { RequestLocale } from '../../../common/http/request-meta';
import { Locale } from '../../../common/i18n/messages';
import { AddMaterialsDto } from '../../appeals/dto/appeal-input.dto';
import { AppealSummaryDto } from '../../appeals/dto/appeal-output.dto';
import { AnswerFormatQuery } from '../../appeals/dto/appeal-query.dto';
import { Authenticated } from '../../auth/auth.decorators';
import { AppealAnswersService } from '../answers/appeal-answers.service';
import { CitizenActionsService } from './citizen/citizen-actions.service';
import { ActionBodyDto, ActionParams, CITIZEN_ACTION_BODIES, CitizenActionRouteBodyDto, RatingDto } from './dto/citizen-actions.dto';

const BODIES = Object.values(CITIZEN_ACTION_BODIES);

const ID_PARAM = { name: 'idOrNumber', description: 'Appeal id (UUID) or human number' };
const STAFF = [Role.Operator, Role.Supervisor];

/** The citizen side of the workflow: actions on their own appeal, the rating, and the signed answer. */
@ApiTags('appeals')
// ActionBodyDto: every citizen action's fields at once; the route documents each action's own body.
@ApiExtraModels(ActionBodyDto, ...BODIES)
@Controller({ path: 'appeals', version: '1' })
export class CitizenActionsController {
  constructor(
    private readonly citizenActions: CitizenActionsService,
    private readonly answers: AppealAnswersService,
  ) {}

  @Post(':idOrNumber/actions/:action')
  @Authenticated(Role.Citizen)
  @HttpCode(200)
  @ApiOperation({
    summary:
      'A citizen action: withdraw, close, mark-important, unmark-important, request-clarification, reopen, dispute, resubmit, escalate. ' +
      'dispute and resubmit file a new linked appeal and answer with it.',
    operationId: 'appealAction',
  })
  @ApiParam(ID_PARAM)
  // As for staff actions: no `discriminator` keyword (it would make the body's `action` required).
  @ApiBody({ required: false, schema: { oneOf: BODIES.map((type) => ({ $ref: getSchemaPath(type) })) } })
  @ApiOkResponse({ type: AppealSummaryDto })
  act(@CurrentActor() actor: Actor, @Param() params: ActionParams, @Body() body: CitizenActionRouteBodyDto): Promise<AppealSummaryDto> {
    return this.citizenActions.act(actor, params.idOrNumber, params.action, body ?? {});
  }

  @Get(':idOrNumber/answer')
  @Authenticated(Role.Citizen, ...STAFF)
  @ApiOperation({
    summary: 'The signed answer: JSON (detached JWS in X-Answer-Signature), XML (enveloped XMLDSig) or PDF (signature embedded, verification code printed)',
    operationId: 'getAppealAnswer',
  })
  @ApiParam(ID_PARAM)
  @ApiProduces('application/json', 'application/xml', 'application/pdf')
  @ApiOkResponse({ schema: { type: 'string', format: 'binary' } })
  async answer(
    @CurrentActor() actor: Actor,
    @Param('idOrNumber') id: string,
    @Query() query: AnswerFormatQuery,
    @RequestLocale() locale: Locale,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<StreamableFile> {
    const file = await this.answers.document(actor, id, query.format ?? 'json', locale);
    reply.header('Content-Type', file.contentType).header('Content-Disposition', `attachment; filename="${file.filename}"`);
    if (file.signature) reply.header('X-Answer-Signature', file.signature);
    return new StreamableFile(file.body);
  }

  @Post(':idOrNumber/rating')
  @Authenticated(Role.Citizen)
  @HttpCode(200)
  @ApiOperation({ summary: 'Rate the answer 1–5 with a comment (once)', operationId: 'rateAppeal' })
  @ApiParam(ID_PARAM)
  @ApiOkResponse({ type: AppealSummaryDto })
  rate(@CurrentActor() actor: Actor, @Param('idOrNumber') id: string, @Body() dto: RatingDto): Promise<AppealSummaryDto> {
    return this.citizenActions.rate(actor, id, dto);
  }

  @Post(':idOrNumber/materials')
  @Authenticated(Role.Citizen)
  @HttpCode(200)
  @ApiOperation({
    summary: '«Добавить материалы»: attach own uploads to an open appeal; from awaiting_citizen it goes back to in_progress',
    operationId: 'addAppealMaterials',
  })
  @ApiParam(ID_PARAM)
  @ApiOkResponse({ type: AppealSummaryDto })
  addMaterials(@CurrentActor() actor: Actor, @Param('idOrNumber') id: string, @Body() dto: AddMaterialsDto): Promise<AppealSummaryDto> {
    return this.citizenActions.addMaterials(actor, id, dto);
  }
}
