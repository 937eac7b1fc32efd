import { AuditCheckpointsCommand, AuditPartitionsCommand, AuditRedactCommand, AuditSealCommand, AuditVerifyCommand } from './audit.command';
import { BenchDatasetCommand } from './bench-dataset.command';
import { EventsDeadCommand, EventsRetryCommand } from './events.command';
import { MigrateCommand } from './migrate.command';
import { ReportsRebuildCommand } from './reports-rebuild.command';
import { SedExportCommand, SedReceiptsCommand } from './sed-export.command';
import { SeedDemoCommand } from './seed-demo.command';
import { SlaTickCommand } from './sla-tick.command';
import { UserCreateCommand } from './user-create.command';

/** Every CLI command; add new ones here. */
export const COMMANDS = [UserCreateCommand, SeedDemoCommand, MigrateCommand, BenchDatasetCommand, SlaTickCommand, EventsDeadCommand, EventsRetryCommand, AuditVerifyCommand, AuditCheckpointsCommand, AuditSealCommand, AuditRedactCommand, ReportsRebuildCommand, SedExportCommand, SedReceiptsCommand, AuditPartitionsCommand];
