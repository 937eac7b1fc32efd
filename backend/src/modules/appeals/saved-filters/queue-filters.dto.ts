import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsDefined, IsEnum, IsIn, IsNotEmpty, IsObject, IsOptional, IsString, MaxLength, ValidateNested } from 'class-validator';
import { AppealStatus, AppealType } from '@otklik/shared/domain';
import { QueueSortKey, QueueView } from '../dto/appeal-query.dto';

/** What a saved view of the queue holds: the console's filters (all optional; absent = the default). */
export class QueueFiltersDto {
  @ApiPropertyOptional({ enum: QueueView, enumName: 'QueueView' }) @IsOptional() @IsEnum(QueueView) view?: QueueView;
  @ApiPropertyOptional({ description: 'A status, or "all" for every status (absent: the open ones)', enum: [...Object.values(AppealStatus), 'all'] })
  @IsOptional()
  @IsIn([...Object.values(AppealStatus), 'all'])
  status?: AppealStatus | 'all';
  @ApiPropertyOptional({ enum: AppealType, enumName: 'AppealType' }) @IsOptional() @IsEnum(AppealType) type?: AppealType;
  @ApiPropertyOptional({ maxLength: 200 }) @IsOptional() @IsString() @MaxLength(200) q?: string;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() overdue?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() escalated?: boolean;
  @ApiPropertyOptional({ enum: QueueSortKey, enumName: 'QueueSortKey' }) @IsOptional() @IsEnum(QueueSortKey) sort?: QueueSortKey;
  @ApiPropertyOptional({ enum: ['asc', 'desc'] }) @IsOptional() @IsIn(['asc', 'desc']) dir?: 'asc' | 'desc';
}

export class SaveQueueFilterDto {
  @ApiProperty({ maxLength: 80 }) @IsString() @IsNotEmpty() @MaxLength(80) name: string;
  @ApiProperty({ type: QueueFiltersDto }) @IsDefined() @IsObject() @ValidateNested() @Type(() => QueueFiltersDto) filters: QueueFiltersDto;
}

export class QueueSavedFilterDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ type: QueueFiltersDto }) filters: QueueFiltersDto;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}
