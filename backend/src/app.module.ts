import { hostname } from 'node:os';
import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { TransactionsModule } from './database/transaction-runner';
import { SettingsChangesModule } from './database/settings-changes';
import { LoggerModule } from 'nestjs-pino';
import { AppConfig } from './config/app-config';
import { ConfigModule } from './config/config.module';
import { ClockModule } from './common/clock/clock.module';
import { CryptoModule } from './common/crypto/crypto.module';
import { asAppRole } from './database/app-role';
import { dataSourceOptions } from './database/data-source';
import { AppealsModule } from './modules/appeals/appeals.module';
import { AttachmentsModule } from './modules/attachments/attachments.module';
import { AuditChainModule } from './modules/audit/audit-chain.module';
import { AuditModule } from './modules/audit/audit.module';
import { AuthModule } from './modules/auth/auth.module';
import { CatalogModule } from './modules/catalog/catalog.module';
import { EsiaIdpModule } from './modules/esia-idp/esia-idp.module';
import { HealthModule } from './modules/health/health.module';
import { MessagingModule } from './modules/messaging/messaging.module';
import { NotificationsModule } from './modules/notifications/notifications.module';
import { HousekeepingModule } from './modules/housekeeping/housekeeping.module';
import { OutboxModule } from './modules/outbox/outbox.module';
import { OUTBOX_NOTIFY_SETTING, runsOutboxRelay } from './modules/outbox/outbox.service';
import { ReportingModule } from './modules/reporting/reporting.module';
import { SeedModule } from './modules/seed/seed.module';
import { UsersModule } from './modules/users/users.module';
import { WebhooksModule } from './modules/webhooks/webhooks.module';
import { Open311Module } from './modules/open311/open311.module';
import { WidgetModule } from './modules/widget/widget.module';
import { MailIntakeModule } from './modules/mail-intake/mail-intake.module';
import { SedExportModule } from './modules/sed-export/sed-export.module';
import { AppealWorkflowModule } from './modules/workflow/appeal-workflow.module';
import { SlaModule } from './modules/workflow/sla/sla.module';
import { AnswerSigningModule } from './modules/workflow/signing/answer-signing.module';

export interface RuntimeOptions {
  config: AppConfig;
  databaseUrl: string;
  embedded: boolean;
  /** api: HTTP + relay (+ worker unless disabled); worker: queue processors only; cli: no background work. */
  process: 'api' | 'worker' | 'cli';
}

@Module({})
export class AppModule {
  static forRoot(runtime: RuntimeOptions): DynamicModule {
    const { config } = runtime;
    const runWorker = runtime.process === 'worker' || (runtime.process === 'api' && process.env.RUN_WORKER !== 'false');
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggerModule.forRoot({
          pinoHttp: {
            level: config.logLevel,
            // Static fields at the root logger, not per request.
            base: { pid: process.pid, hostname: hostname(), service: 'otklik', process: runtime.process },
            redact: ['req.headers.authorization', 'req.headers.cookie', 'req.body.password', 'req.body.refreshToken'],
          },
          // No HTTP middleware: the request context and access line are two Fastify hooks
          // (common/http/request-logging.ts), far cheaper per request.
          forRoutes: [],
        }),
        // With its own relay woken after each commit, the API's writes skip the outbox NOTIFY.
        TypeOrmModule.forRoot(asAppRole(dataSourceOptions(runtime.databaseUrl), runsOutboxRelay(runtime.process) ? { [OUTBOX_NOTIFY_SETTING]: 'off' } : {})),
        TransactionsModule,
        SettingsChangesModule.forRoot({ listen: runtime.process !== 'cli' }),
        ClockModule.forRoot({ control: config.clockControl && runtime.process === 'api' }),
        CryptoModule,
        AuditModule,
        MessagingModule,
        OutboxModule.forRoot(config, { relay: runtime.process === 'api', runWorker }),
        AuthModule,
        UsersModule,
        CatalogModule,
        AppealsModule,
        AppealWorkflowModule,
        SlaModule.forRoot({ config, process: runtime.process, runWorker }),
        AttachmentsModule,
        AnswerSigningModule,
        AuditChainModule.forRoot({ config, process: runtime.process, runWorker }),
        NotificationsModule.forRoot({ sending: runWorker, live: runtime.process === 'api' }),
        WebhooksModule.forRoot({ sending: runWorker }),
        ReportingModule,
        Open311Module,
        WidgetModule,
        SedExportModule.forRoot({ scheduled: runtime.process === 'api' }),
        MailIntakeModule.forRoot({ listen: runtime.process === 'api' }),
        SeedModule,
        ...(runtime.process === 'api' ? [HealthModule, HousekeepingModule.forRoot({ control: config.clockControl })] : []),
        ...(runtime.process === 'api' && config.esia.idpEnabled ? [EsiaIdpModule.forRoot(config)] : []),
      ],
    };
  }
}
