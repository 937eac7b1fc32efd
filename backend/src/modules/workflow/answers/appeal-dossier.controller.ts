import { Controller, Get, Param, Res, StreamableFile } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiParam, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Role } from '@otklik/shared/domain';
import { Actor, CurrentActor } from '../../../common/http/actor';
import { RequestLocale } from '../../../common/http/request-meta';
import { Locale } from '../../../common/i18n/messages';
import { Authenticated } from '../../auth/auth.decorators';
import { AppealDossierService } from './appeal-dossier.service';

@ApiTags('appeals')
@Controller({ path: 'appeals', version: '1' })
export class AppealDossierController {
  constructor(private readonly dossiers: AppealDossierService) {}

  @Get(':idOrNumber/dossier.pdf')
  @Authenticated(Role.Citizen, Role.Operator, Role.Supervisor)
  @ApiOperation({ summary: "The appeal's dossier as PDF: history, thread, answer with its verification code, files", operationId: 'getAppealDossier' })
  @ApiParam({ name: 'idOrNumber', description: 'Appeal id (UUID) or human number' })
  @ApiProduces('application/pdf')
  @ApiOkResponse({ schema: { type: 'string', format: 'binary' } })
  async dossier(@CurrentActor() actor: Actor, @Param('idOrNumber') id: string, @RequestLocale() locale: Locale, @Res({ passthrough: true }) reply: FastifyReply): Promise<StreamableFile> {
    const file = await this.dossiers.render(actor, id, locale);
    reply.header('Content-Type', 'application/pdf').header('Content-Disposition', `attachment; filename="${file.filename}"`);
    return new StreamableFile(file.body);
  }
}
