import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsEnum, IsIn, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';
import { AppealStatus, AppealType } from '@otklik/shared/domain';
import { IsDateOrInstant } from '../../../common/validation/dates';

const bool = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);

export class AppealListQuery {
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

  @ApiPropertyOptional({ description: 'From this date or instant (inclusive)', example: '2026-01-01' })
  @IsOptional()
  @IsDateOrInstant()
  from?: string;

  @ApiPropertyOptional({ description: 'Up to this date (inclusive) or instant (exclusive)', example: '2026-12-31' })
  @IsOptional()
  @IsDateOrInstant()
  to?: string;

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

  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 20 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit?: number;

  @ApiPropertyOptional({ description: 'nextCursor of the previous page' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  cursor?: string;
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
