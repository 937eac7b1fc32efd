import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsEnum, IsInt, IsNotEmpty, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';
import { AppealType, DeadlineUnit } from '@otklik/shared/domain';
import { IsCalendarDate, IsDateOrInstant } from '../../../../common/validation/dates';
import { CalendarImportFormat } from '../calendar-import';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class SlaPolicyDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: AppealType, enumName: 'AppealType' }) type: AppealType;
  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'Category or subcategory; null: the default of the type' })
  categoryId: string | null;
  @ApiProperty({ enum: DeadlineUnit, enumName: 'DeadlineUnit' }) resolutionUnit: DeadlineUnit;
  @ApiProperty({ description: 'Resolution term in resolutionUnit' }) resolutionAmount: number;
  @ApiProperty({ description: 'First reaction, clock hours from registration' }) firstResponseHours: number;
  @ApiProperty({ description: 'First reaction in a priority category, clock hours' }) priorityFirstResponseHours: number;
  @ApiProperty({ description: 'The assignee is reminded this many hours before the deadline (0: never)' }) reminderLeadHours: number;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}

export class UpsertSlaPolicyDto {
  @ApiProperty({ enum: AppealType, enumName: 'AppealType' })
  @IsEnum(AppealType)
  type: AppealType;

  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String, description: 'Omit or null for the default of the type' })
  @IsOptional()
  @IsUUID()
  categoryId?: string | null;

  @ApiProperty({ enum: DeadlineUnit, enumName: 'DeadlineUnit' })
  @IsEnum(DeadlineUnit)
  resolutionUnit: DeadlineUnit;

  @ApiProperty({ minimum: 1, maximum: 3650 })
  @IsInt()
  @Min(1)
  @Max(3650)
  resolutionAmount: number;

  @ApiProperty({ minimum: 1, maximum: 8760, example: 24 })
  @IsInt()
  @Min(1)
  @Max(8760)
  firstResponseHours: number;

  @ApiProperty({ minimum: 1, maximum: 8760, example: 2 })
  @IsInt()
  @Min(1)
  @Max(8760)
  priorityFirstResponseHours: number;

  @ApiPropertyOptional({ minimum: 0, maximum: 8760, default: 24 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(8760)
  reminderLeadHours?: number;
}

export class CalendarYearParams {
  @ApiProperty({ minimum: 1990, maximum: 2200, example: 2027 })
  @Type(() => Number)
  @IsInt()
  @Min(1990)
  @Max(2200)
  year: number;
}

export enum CalendarSource {
  Official = 'official',
  LabourCode = 'labour_code',
}

export class CalendarYearDto {
  @ApiProperty() year: number;
  @ApiProperty({ enum: CalendarSource, enumName: 'CalendarSource', description: 'official: loaded; labour_code: derived by Labour Code art. 112' })
  source: CalendarSource;
  @ApiProperty({ type: [String], description: 'Days off on weekdays (holidays, transfers), YYYY-MM-DD; for an official year, as loaded' })
  nonWorking: string[];
  @ApiProperty({ type: [String], description: 'Weekends made working days' }) working: string[];
  @ApiProperty({ type: [String], description: 'Shortened (pre-holiday) working days: office hours end an hour early' }) shortened: string[];
  @ApiProperty({ type: [String], description: 'Which non-working days are public holidays (the others are days off by a transfer); informational' }) holidays: string[];
  @ApiProperty({ description: 'Working days in the year' }) workingDays: number;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) loadedAt: string | null;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) loadedBy: string | null;
}

export class LoadCalendarYearDto {
  @ApiProperty({ type: [String], example: ['2027-01-01', '2027-01-08'], description: 'Non-working days of the year (YYYY-MM-DD); weekends may be listed' })
  @IsArray()
  @ArrayMaxSize(366)
  @IsCalendarDate({ each: true })
  nonWorking: string[];

  @ApiProperty({ type: [String], example: [], description: 'Saturdays or Sundays made working days by a transfer' })
  @IsArray()
  @ArrayMaxSize(120)
  @IsCalendarDate({ each: true })
  working: string[];

  @ApiPropertyOptional({ type: [String], example: ['2027-04-30'], description: 'Shortened (pre-holiday) working days; absent: none' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(60)
  @IsCalendarDate({ each: true })
  shortened?: string[];

  @ApiPropertyOptional({ type: [String], example: ['2027-01-01'], description: 'Which non-working days are public holidays (informational); absent: none' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(60)
  @IsCalendarDate({ each: true })
  holidays?: string[];
}

export class ImportCalendarYearDto {
  @ApiProperty({ enum: CalendarImportFormat, enumName: 'CalendarImportFormat', description: 'xmlcalendar_xml: the XML form; xmlcalendar_json: the JSON form' })
  @IsEnum(CalendarImportFormat)
  format: CalendarImportFormat;

  @ApiProperty({ maxLength: 200000, description: "The file's text" })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200000)
  content: string;
}

export class DeadlinePreviewQuery {
  @ApiProperty({ example: '2027-04-29T10:00:00+03:00', description: 'When the appeal would be registered: an ISO-8601 instant, or a date (midnight Moscow time)' })
  @IsDateOrInstant()
  from: string;

  @ApiProperty({ enum: AppealType, enumName: 'AppealType' })
  @IsEnum(AppealType)
  type: AppealType;

  @ApiPropertyOptional({ format: 'uuid', description: "A category: its own policy and priority flag apply" })
  @IsOptional()
  @IsUUID()
  categoryId?: string;
}

export class DeadlinePreviewDto {
  @ApiProperty({ format: 'date-time' }) registeredAt: string;
  @ApiProperty({ enum: AppealType, enumName: 'AppealType' }) type: AppealType;
  @ApiProperty({ enum: DeadlineUnit, enumName: 'DeadlineUnit' }) resolutionUnit: DeadlineUnit;
  @ApiProperty() resolutionAmount: number;
  @ApiProperty({ format: 'date-time', description: 'The resolution deadline' }) dueAt: string;
  @ApiProperty({ format: 'date-time', description: 'The first reaction deadline (clock hours from registration)' }) firstResponseDueAt: string;
  @ApiProperty() priorityCategory: boolean;
  @ApiProperty({ type: [String], description: 'Non-working days between registration and the deadline (YYYY-MM-DD), at most 60' }) nonWorkingDays: string[];
}

export class RetentionExtensionDto {
  @ApiProperty({ format: 'date', example: '2031-01-31', description: 'Keep the appeal until this date (at most 5 years ahead)' })
  @IsCalendarDate()
  until: string;

  @ApiProperty({ maxLength: 1000, example: 'Судебное разбирательство по предмету обращения' })
  @IsString()
  @Transform(trim)
  @IsNotEmpty()
  @MaxLength(1000)
  reason: string;
}

export class RetentionExtensionResultDto {
  @ApiProperty({ format: 'uuid' }) appealId: string;
  @ApiProperty({ type: Number, nullable: true }) number: number | null;
  @ApiProperty({ format: 'date' }) retentionExtendedUntil: string;
}
