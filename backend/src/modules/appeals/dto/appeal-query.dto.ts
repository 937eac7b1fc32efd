import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsBoolean, IsEnum, IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { AnswerChannel, AppealChannel, AppealStatus, AppealType } from '@otklik/shared/domain';
import { DateRangePageQuery } from '../../../common/pagination/page-query';
import { IsDateOrInstant } from '../../../common/validation/dates';

const bool = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);
const commaList = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.split(',').filter(Boolean) : value);

/** Which instant of an appeal the staff list's from/to apply to (a report's figure counts by one of them). */
export enum AppealDateField {
  RegisteredAt = 'registeredAt',
  FirstReactionAt = 'firstReactionAt',
  AnsweredAt = 'answeredAt',
  ClosedAt = 'closedAt',
  RatedAt = 'ratedAt',
}

export class AppealListQuery extends DateRangePageQuery {
  @ApiPropertyOptional({ enum: AppealStatus, enumName: 'AppealStatus' })
  @IsOptional()
  @IsEnum(AppealStatus)
  status?: AppealStatus;

  @ApiPropertyOptional({ enum: AppealType, enumName: 'AppealType' })
  @IsOptional()
  @IsEnum(AppealType)
  type?: AppealType;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  categoryId?: string;

  @ApiPropertyOptional({ description: 'Full-text search (Russian and English), ranked', maxLength: 200 })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;

  @ApiPropertyOptional({ type: Boolean })
  @IsOptional()
  @Transform(bool)
  @IsBoolean()
  important?: boolean;
}

export class AppealExportQuery extends AppealListQuery {
  @ApiPropertyOptional({ enum: ['csv', 'pdf'], default: 'csv' })
  @IsOptional()
  @IsIn(['csv', 'pdf'])
  format?: 'csv' | 'pdf';
}

/** The operator console's named views of the queue (GET /staff/appeals?view=…, and their counts). */
export enum QueueView {
  /** Assigned to me, open. */
  Mine = 'mine',
  /** Nobody assigned, open, in my departments. */
  Unassigned = 'unassigned',
  /** Awaiting a supervisor's decision in my departments (supervisors). */
  Approval = 'approval',
  /** Past the deadline, open. */
  Overdue = 'overdue',
  /** Not overdue, due within QUEUE_DUE_SOON_HOURS. */
  DueSoon = 'dueSoon',
  /** Escalated to my departments (I oversee them), until closed. */
  Escalated = 'escalated',
  /** The supervisor's re-review list (any status). */
  Rereview = 'rereview',
  /** Everything in my departments and escalated to them (open by default; anyStatus for all). */
  All = 'all',
}

/** The staff list's sort keys: each orders on the server, both directions, with a stable keyset. */
export enum QueueSortKey {
  Number = 'number',
  Type = 'type',
  Category = 'category',
  Subject = 'subject',
  Status = 'status',
  Department = 'department',
  Assignee = 'assignee',
  RegisteredAt = 'registeredAt',
  DueAt = 'dueAt',
  FirstResponseDueAt = 'firstResponseDueAt',
}

export class StaffAppealListQuery extends AppealListQuery {
  @ApiPropertyOptional({ enum: QueueView, enumName: 'QueueView', description: 'A named view of the queue (each has a count in GET /staff/appeals/counts)' })
  @IsOptional()
  @IsEnum(QueueView)
  view?: QueueView;

  @ApiPropertyOptional({ type: Boolean, description: 'Every status but drafts (the console’s «Все»), instead of the view’s default ones' })
  @IsOptional()
  @Transform(bool)
  @IsBoolean()
  anyStatus?: boolean;

  @ApiPropertyOptional({ enum: ['asc', 'desc'], description: 'Sort direction (default: the key’s natural one: due dates ascending, registration descending, the rest ascending)' })
  @IsOptional()
  @IsIn(['asc', 'desc'])
  dir?: 'asc' | 'desc';

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  assigneeId?: string;

  @ApiPropertyOptional({ type: Boolean, description: 'Only the general pool (unrouted appeals)' })
  @IsOptional()
  @Transform(bool)
  @IsBoolean()
  pool?: boolean;

  @ApiPropertyOptional({ type: Boolean })
  @IsOptional()
  @Transform(bool)
  @IsBoolean()
  overdue?: boolean;

  @ApiPropertyOptional({
    type: Boolean,
    description:
      'Escalated appeals (overdue, or turned to management by the citizen) of these departments and those escalated to them; answered ones included until closed',
  })
  @IsOptional()
  @Transform(bool)
  @IsBoolean()
  escalated?: boolean;

  @ApiPropertyOptional({ type: Boolean, description: 'The supervisor re-review list: answers rated below 3 with a comment (any status)' })
  @IsOptional()
  @Transform(bool)
  @IsBoolean()
  rereview?: boolean;

  @ApiPropertyOptional({ description: 'Due before this instant', format: 'date-time' })
  @IsOptional()
  @IsDateOrInstant()
  dueBefore?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'One department of those the user may see' })
  @IsOptional()
  @IsUUID()
  departmentId?: string;

  @ApiPropertyOptional({ type: Boolean, description: 'With departmentId: that department and every department below it (within the scope)' })
  @IsOptional()
  @Transform(bool)
  @IsBoolean()
  includeSubdepartments?: boolean;

  @ApiPropertyOptional({
    description: 'Any of these statuses, comma-separated (instead of the default open ones); a report’s drill-down passes the statuses its figure counts',
    type: String,
    example: 'registered,in_progress',
  })
  @IsOptional()
  @Transform(commaList)
  @ArrayMaxSize(9)
  @IsEnum(AppealStatus, { each: true })
  statuses?: AppealStatus[];

  @ApiPropertyOptional({ enum: AppealDateField, enumName: 'AppealDateField', default: AppealDateField.RegisteredAt, description: 'The instant from/to filter on' })
  @IsOptional()
  @IsEnum(AppealDateField)
  dateField?: AppealDateField;

  @ApiPropertyOptional({ enum: AppealChannel, enumName: 'AppealChannel' })
  @IsOptional()
  @IsEnum(AppealChannel)
  channel?: AppealChannel;

  @ApiPropertyOptional({ enum: AnswerChannel, enumName: 'AnswerChannel', description: 'How the citizen wants the answer; post: the operator prints the signed PDF and posts it' })
  @IsOptional()
  @IsEnum(AnswerChannel)
  answerChannel?: AnswerChannel;

  @ApiPropertyOptional({ type: Boolean, description: '«Ответ почтой»: answered appeals whose answer goes by post and is not yet marked printed (any status)' })
  @IsOptional()
  @Transform(bool)
  @IsBoolean()
  toPrint?: boolean;

  @ApiPropertyOptional({ description: 'The region extra field', maxLength: 100 })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  region?: string;

  @ApiPropertyOptional({ type: Boolean, description: 'Answered by the deadline (true) or after it (false)' })
  @IsOptional()
  @Transform(bool)
  @IsBoolean()
  answeredOnTime?: boolean;

  @ApiPropertyOptional({ type: Boolean, description: 'Also count every matching appeal (total), e.g. to check a report figure' })
  @IsOptional()
  @Transform(bool)
  @IsBoolean()
  withTotal?: boolean;

  @ApiPropertyOptional({ enum: QueueSortKey, enumName: 'QueueSortKey', default: QueueSortKey.DueAt })
  @IsOptional()
  @IsEnum(QueueSortKey)
  sort?: QueueSortKey;
}

export class AnswerFormatQuery {
  @ApiPropertyOptional({ enum: ['json', 'xml', 'pdf'], default: 'json' })
  @IsOptional()
  @IsIn(['json', 'xml', 'pdf'])
  format?: 'json' | 'xml' | 'pdf';
}
