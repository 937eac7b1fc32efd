import { Global, Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { UserDirectoryModule } from '../users/user-directory.module';
import { AuditAlerts } from './audit-alerts.repository';
import { AuditAlertsService } from './audit-alerts.service';
import { AuditExportService } from './audit-export.service';
import { AuditQueryService } from './audit-query.service';
import { AuditController, MyPersonalDataAccessController } from './audit.controller';
import { AuditService } from './audit.service';
import { AuditSignals } from './audit-signals';
import { PersonalDataAccessLog } from './personal-data-access.service';

@Global()
@Module({
  imports: [UserDirectoryModule, AuthModule],
  controllers: [AuditController, MyPersonalDataAccessController],
  providers: [AuditService, AuditQueryService, AuditExportService, AuditSignals, AuditAlerts, AuditAlertsService, PersonalDataAccessLog],
  exports: [AuditService],
})
export class AuditModule {}
