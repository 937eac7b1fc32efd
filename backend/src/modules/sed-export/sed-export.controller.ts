import { Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Role } from '@otklik/shared/domain';
import { Actor, CurrentActor } from '../../common/http/actor';
import { Authenticated } from '../auth/auth.decorators';
import { SedExportRunDto, SedPackageListDto } from './sed-export.dto';
import { SedExporter } from './sed-exporter.service';

/** The document-management (СЭД) export's packages (admins). */
@ApiTags('admin')
@Controller({ path: 'admin/sed-exports', version: '1' })
export class SedExportController {
  constructor(private readonly exporter: SedExporter) {}

  @Get()
  @Authenticated(Role.Admin)
  @ApiOperation({ summary: 'The СЭД export packages, newest first (exported / acknowledged by a receipt)', operationId: 'listSedExports' })
  @ApiOkResponse({ type: SedPackageListDto })
  list(): Promise<SedPackageListDto> {
    return this.exporter.list();
  }

  @Post()
  @HttpCode(200)
  @Authenticated(Role.Admin)
  @ApiOperation({
    summary: 'Run the СЭД export now: apply the receipts waiting, then write a package of what was registered or answered since the last one (409 when not configured)',
    operationId: 'runSedExport',
  })
  @ApiOkResponse({ type: SedExportRunDto })
  run(@CurrentActor() actor: Actor): Promise<SedExportRunDto> {
    return this.exporter.run(actor);
  }
}
