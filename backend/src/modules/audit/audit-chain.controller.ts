import { Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiExcludeController, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Role } from '@otklik/shared/domain';
import { Authenticated, Public } from '../auth/auth.decorators';
import { CheckpointListDto, CheckpointsQuery, ConsistencyProofDto, ConsistencyQuery, VerifyQuery, VerifyReportDto } from './audit-chain.dto';
import { AuditCheckpoints } from './audit-checkpoints.service';
import { AuditSealScheduler } from './audit-seal-scheduler';
import { AuditSealer, SealReport } from './audit-sealer.service';
import { AuditVerifier } from './audit-verifier.service';

@ApiTags('audit')
@Controller({ path: 'audit', version: '1' })
export class AuditChainController {
  constructor(
    private readonly checkpoints: AuditCheckpoints,
    private readonly verifier: AuditVerifier,
  ) {}

  @Get('checkpoints')
  @Authenticated(Role.Auditor, Role.Admin)
  @ApiOperation({ summary: 'Signed checkpoints of the audit chain, newest first: keep copies outside the database', operationId: 'listAuditCheckpoints' })
  @ApiOkResponse({ type: CheckpointListDto })
  list(@Query() query: CheckpointsQuery): Promise<CheckpointListDto> {
    return this.checkpoints.list(query.limit, query.before);
  }

  @Get('checkpoints/consistency')
  @Authenticated(Role.Auditor, Role.Admin)
  @ApiOperation({ summary: 'RFC 6962 consistency proof between two checkpoints (by size)', operationId: 'auditConsistencyProof' })
  @ApiOkResponse({ type: ConsistencyProofDto })
  consistency(@Query() query: ConsistencyQuery): Promise<ConsistencyProofDto> {
    return this.checkpoints.consistency(query.from, query.to);
  }

  @Get('verify')
  @Authenticated(Role.Auditor, Role.Admin)
  @ApiOperation({ summary: 'Verify the audit chain: the first broken link and the rows around it', operationId: 'verifyAudit' })
  @ApiOkResponse({ type: VerifyReportDto })
  verify(@Query() query: VerifyQuery): Promise<VerifyReportDto> {
    return this.verifier.verify({ from: query.from, to: query.to });
  }
}

/** Test-only: check the partitions and seal now, with a checkpoint (mounted with CLOCK_CONTROL=true, refused in production). */
@ApiExcludeController()
@Controller({ path: 'test/audit', version: '1' })
export class AuditChainTestController {
  constructor(
    private readonly sealer: AuditSealer,
    private readonly scheduler: AuditSealScheduler,
  ) {}

  @Post('seal')
  @Public()
  @HttpCode(200)
  async seal(@Query('checkpoint') checkpoint?: string): Promise<SealReport> {
    // Let a timer-driven run finish first, so this one sees everything sealed.
    await this.scheduler.runDue();
    // The partition check the sealer makes hourly, now.
    await this.sealer.ensurePartitionsIfDue(true);
    return this.sealer.seal({ checkpoint: checkpoint === 'false' ? 'never' : 'force' });
  }
}
