import { DynamicModule, Module } from '@nestjs/common';
import { PeriodicMode } from '../../common/lifecycle/periodic-run';
import { AppealsModule } from '../appeals/appeals.module';
import { AttachmentsModule } from '../attachments/attachments.module';
import { AuthModule } from '../auth/auth.module';
import { CatalogModule } from '../catalog/catalog.module';
import { UserDirectoryModule } from '../users/user-directory.module';
import { AppealWorkflowModule } from '../workflow/appeal-workflow.module';
import { SedExportController } from './sed-export.controller';
import { SedExportStore } from './sed-export.repository';
import { SED_EXPORT_MODE, SedExportScheduler } from './sed-export.scheduler';
import { SedExporter } from './sed-exporter.service';
import { SedReceiptsService } from './sed-receipts.service';

/**
 * The document-management (СЭД) export (issue 19): packages of new appeals and answers with their
 * files and signed answer documents, to a directory or an S3 prefix, and the СЭД's receipts that
 * mark appeals «передано в СЭД». Owns sed_export_packages and sed_export_receipts; reaches appeals,
 * attachments and answers only through what their modules export.
 */
@Module({})
export class SedExportModule {
  static forRoot(options: { scheduled: boolean }): DynamicModule {
    return {
      module: SedExportModule,
      // Global, as the SLA module: the CLI's commands (sed:export, sed:receipts) take the exporter.
      global: true,
      imports: [AppealsModule, AppealWorkflowModule, AttachmentsModule, CatalogModule, UserDirectoryModule, AuthModule],
      controllers: [SedExportController],
      providers: [
        { provide: SED_EXPORT_MODE, useValue: (options.scheduled ? 'inline' : 'off') satisfies PeriodicMode },
        SedExportStore,
        SedReceiptsService,
        SedExporter,
        SedExportScheduler,
      ],
      exports: [SedExporter],
    };
  }
}
