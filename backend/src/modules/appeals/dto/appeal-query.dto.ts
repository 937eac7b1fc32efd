import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsEnum, IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { AppealStatus, AppealType } from '@otklik/shared/domain';
import { DateRangePageQuery } from '../../../common/pagination/page-query';
import { IsDateOrInstant } from '../../../common/validation/dates';

const bool = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);

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

export class StaffAppealListQuery extends AppealListQuery {
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

  @ApiPropertyOptional({ enum: ['dueAt', 'registeredAt'], default: 'dueAt' })
  @IsOptional()
  @IsIn(['dueAt', 'registeredAt'])
  sort?: 'dueAt' | 'registeredAt';
}

export class AnswerFormatQuery {
  @ApiPropertyOptional({ enum: ['json', 'xml', 'pdf'], default: 'json' })
  @IsOptional()
  @IsIn(['json', 'xml', 'pdf'])
  format?: 'json' | 'xml' | 'pdf';
}
