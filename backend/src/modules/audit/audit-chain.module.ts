import { BullModule } from '@nestjs/bullmq';
import { DynamicModule, Module, Provider } from '@nestjs/common';
import type { RuntimeOptions } from '../../app.module';
import { AnswerSigningModule } from '../workflow/signing/answer-signing.module';
import { AuditChainController, AuditChainTestController } from './audit-chain.controller';
import { AuditChainRepository } from './audit-chain.repository';
import { AuditCheckpoints } from './audit-checkpoints.service';
import { AUDIT_CHAIN_QUEUE, AUDIT_SEAL_MODE, AuditSealMode, AuditSealProcessor, AuditSealScheduler } from './audit-seal-scheduler';
import { AuditSealer } from './audit-sealer.service';
import { AuditVerifier } from './audit-verifier.service';

/**
 * The tamper-evident side of the audit log (issue 17): the sealer that chains rows after they are
 * written, signed checkpoints, consistency proofs and the verifier. Separate from AuditModule
 * (global, used by every writer) because it signs with the answer-signing keys.
 *
 * The sealer runs where jobs run, as the SLA scheduler: with REDIS_URL a BullMQ job scheduler on
 * processes that consume queues; without Redis a timer in the API process; never in the CLI.
 */
@Module({})
export class AuditChainModule {
  static forRoot(runtime: Pick<RuntimeOptions, 'config' | 'process'> & { runWorker: boolean }): DynamicModule {
    const mode: AuditSealMode =
      runtime.process === 'cli' ? 'off' : runtime.config.redisUrl ? (runtime.runWorker ? 'bullmq' : 'off') : runtime.process === 'api' ? 'inline' : 'off';
    const providers: Provider[] = [AuditChainRepository, AuditSealer, AuditVerifier, AuditCheckpoints, AuditSealScheduler, { provide: AUDIT_SEAL_MODE, useValue: mode }];
    const imports: Array<DynamicModule | typeof AnswerSigningModule> = [AnswerSigningModule];
    if (mode === 'bullmq') {
      imports.push(BullModule.registerQueue({ name: AUDIT_CHAIN_QUEUE }));
      providers.push(AuditSealProcessor);
    }
    const controllers = runtime.process === 'api' ? [AuditChainController, ...(runtime.config.clockControl ? [AuditChainTestController] : [])] : [];
    return { module: AuditChainModule, global: true, imports, providers, controllers, exports: [AuditSealer, AuditVerifier, AuditCheckpoints, AuditChainRepository] };
  }
}
