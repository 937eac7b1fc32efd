import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEnum, IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { AppealChannel, AppealStatus, AppealType } from '@otklik/shared/domain';
import { IsCalendarDate } from '../../common/validation/dates';
import { ReportPeriodKind } from './report-period';

/** Age of an open appeal in calendar days since registration (the reader's AGE_BUCKETS). */
export enum AgeBucket {
  Days0To1 = '0-1',
  Days2To5 = '2-5',
  Days6To10 = '6-10',
  Days11To30 = '11-30',
  Days31Plus = '31+',
}

export enum ReportName {
  Volume = 'volume',
  Sla = 'sla',
  Backlog = 'backlog',
  Quality = 'quality',
  Gratitude = 'gratitude',
  Operators = 'operators',
}

/** The filters every report takes (and passes on to its drill-down list). */
export class ReportQuery {
  @ApiPropertyOptional({ enum: ReportPeriodKind, enumName: 'ReportPeriod', default: ReportPeriodKind.Month })
  @IsOptional()
  @IsEnum(ReportPeriodKind)
  period?: ReportPeriodKind;

  @ApiPropertyOptional({ description: 'A day of the day/week/month period (Moscow date); today by default', example: '2026-03-15' })
  @IsOptional()
  @IsCalendarDate()
  at?: string;

  @ApiPropertyOptional({ description: 'First day of a custom period (inclusive)', example: '2026-03-01' })
  @IsOptional()
  @IsCalendarDate()
  from?: string;

  @ApiPropertyOptional({ description: 'Last day of a custom period (inclusive)', example: '2026-03-31' })
  @IsOptional()
  @IsCalendarDate()
  to?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'The department and all below it (within the viewer’s scope)' })
  @IsOptional()
  @IsUUID()
  departmentId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'A category or subcategory' })
  @IsOptional()
  @IsUUID()
  categoryId?: string;

  @ApiPropertyOptional({ enum: AppealType, enumName: 'AppealType' })
  @IsOptional()
  @IsEnum(AppealType)
  type?: AppealType;

  @ApiPropertyOptional({ enum: AppealChannel, enumName: 'AppealChannel' })
  @IsOptional()
  @IsEnum(AppealChannel)
  channel?: AppealChannel;

  @ApiPropertyOptional({ description: 'The region extra field (regional categories)', maxLength: 100 })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  region?: string;
}

export class ReportExportQuery extends ReportQuery {
  @ApiPropertyOptional({ enum: ['csv', 'xlsx', 'pdf'], default: 'csv', description: 'pdf: the charts and every figure, names in place of ids' })
  @IsOptional()
  @IsIn(['csv', 'xlsx', 'pdf'])
  format?: 'csv' | 'xlsx' | 'pdf';
}

export class ReportExportParams {
  @ApiProperty({ enum: ReportName, enumName: 'ReportName' })
  @IsEnum(ReportName)
  report: ReportName;
}

export class PeriodDto {
  @ApiProperty({ example: '2026-03-01' }) from: string;
  @ApiProperty({ example: '2026-03-31' }) to: string;
}

export class VolumeCountsDto {
  @ApiProperty({ description: 'Submitted in the period' }) received: number;
  @ApiProperty({ description: 'Registered in the period (registration is immediate on submit, so equal to received)' }) registered: number;
  @ApiProperty({ description: 'Answered in the period' }) answered: number;
  @ApiProperty({ description: 'Closed in the period' }) closed: number;
}

export class VolumeRowDto extends VolumeCountsDto {
  @ApiProperty({ type: String, nullable: true, description: 'The day, category id, type, department id or channel' }) key: string | null;
}

export class HeatCellDto {
  @ApiProperty({ description: 'ISO weekday, 1 = Monday (Moscow time)' }) weekday: number;
  @ApiProperty({ description: 'Hour 0–23 (Moscow time)' }) hour: number;
  @ApiProperty() count: number;
}

export class VolumeLinksDto {
  @ApiProperty({ description: 'GET /api/v1/staff/appeals query of the received number' }) received: string;
  @ApiProperty() answered: string;
  @ApiProperty() closed: string;
}

export class VolumeReportDto {
  @ApiProperty({ type: PeriodDto }) period: PeriodDto;
  @ApiProperty({ type: PeriodDto }) previousPeriod: PeriodDto;
  @ApiProperty({ type: VolumeCountsDto }) totals: VolumeCountsDto;
  @ApiProperty({ type: VolumeCountsDto }) previousTotals: VolumeCountsDto;
  @ApiProperty({ type: [VolumeRowDto] }) byDay: VolumeRowDto[];
  @ApiProperty({ type: [VolumeRowDto] }) previousByDay: VolumeRowDto[];
  @ApiProperty({ type: [VolumeRowDto] }) byCategory: VolumeRowDto[];
  @ApiProperty({ type: [VolumeRowDto] }) byType: VolumeRowDto[];
  @ApiProperty({ type: [VolumeRowDto] }) byDepartment: VolumeRowDto[];
  @ApiProperty({ type: [VolumeRowDto] }) byChannel: VolumeRowDto[];
  @ApiProperty({ type: [HeatCellDto] }) heatMap: HeatCellDto[];
  @ApiProperty({ type: VolumeLinksDto }) links: VolumeLinksDto;
}

export class SlaFiguresDto {
  @ApiProperty({ description: 'Answered in the period' }) answered: number;
  @ApiProperty({ description: 'Of those, answered by their deadline' }) answeredOnTime: number;
  @ApiProperty({ type: Number, nullable: true, description: 'answeredOnTime / answered' }) answeredOnTimeShare: number | null;
  @ApiProperty({ description: 'First reactions in the period' }) reacted: number;
  @ApiProperty() reactedOnTime: number;
  @ApiProperty({ type: Number, nullable: true }) reactedOnTimeShare: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'Working days from registration to answer, mean' }) meanAnswerWorkingDays: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'Exact median (percentile_cont 0.5)' }) medianAnswerWorkingDays: number | null;
  @ApiProperty({ type: Number, nullable: true }) meanReactionWorkingDays: number | null;
  @ApiProperty({ type: Number, nullable: true }) medianReactionWorkingDays: number | null;
  @ApiProperty({ description: 'Appeals received in the period whose deadline was extended' }) extended: number;
  @ApiProperty({ description: 'Appeals received in the period that were redirected' }) redirected: number;
  @ApiProperty({ description: 'Redirects of appeals received in the period' }) redirects: number;
}

export class SlaDepartmentRowDto {
  @ApiProperty({ type: String, nullable: true }) key: string | null;
  @ApiProperty() answered: number;
  @ApiProperty() answeredOnTime: number;
  @ApiProperty({ type: Number, nullable: true }) answeredOnTimeShare: number | null;
  @ApiProperty() reacted: number;
  @ApiProperty() reactedOnTime: number;
  @ApiProperty({ type: Number, nullable: true }) meanAnswerWorkingDays: number | null;
}

export class CountByKeyDto {
  @ApiProperty({ type: String, nullable: true }) key: string | null;
  @ApiProperty() count: number;
}

export class OverdueNowDto {
  @ApiProperty() total: number;
  @ApiProperty({ type: [CountByKeyDto], description: 'By department id' }) byDepartment: CountByKeyDto[];
  @ApiProperty({ type: [CountByKeyDto], description: 'By assignee id (null: unassigned)' }) byOperator: CountByKeyDto[];
  @ApiProperty({ description: 'GET /api/v1/staff/appeals query of the overdue appeals' }) link: string;
}

export class SlaReportDto {
  @ApiProperty({ type: PeriodDto }) period: PeriodDto;
  @ApiProperty({ type: PeriodDto }) previousPeriod: PeriodDto;
  @ApiProperty({ type: SlaFiguresDto }) totals: SlaFiguresDto;
  @ApiProperty({ type: SlaFiguresDto }) previousTotals: SlaFiguresDto;
  @ApiProperty({ type: [SlaDepartmentRowDto] }) byDepartment: SlaDepartmentRowDto[];
  @ApiProperty({ type: OverdueNowDto }) overdueNow: OverdueNowDto;
}

export class BacklogCellDto {
  @ApiProperty({ enum: AppealStatus, enumName: 'AppealStatus' }) status: AppealStatus;
  @ApiProperty({ enum: AgeBucket, enumName: 'AgeBucket' }) ageBucket: AgeBucket;
  @ApiProperty() count: number;
}

export class OpenAppealDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() number: number;
  @ApiProperty({ type: String, nullable: true, format: 'uuid' }) departmentId: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'uuid' }) assigneeId: string | null;
  @ApiProperty({ enum: AppealStatus, enumName: 'AppealStatus' }) status: AppealStatus;
  @ApiProperty({ type: String, format: 'date-time' }) registeredAt: string;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) dueAt: string | null;
  @ApiProperty() overdue: boolean;
}

export class BacklogReportDto {
  @ApiProperty({ description: 'Open (unanswered) appeals now' }) open: number;
  @ApiProperty() overdue: number;
  @ApiProperty({ description: 'Open appeals in the general pool' }) pool: number;
  @ApiProperty({ description: 'Open escalated appeals' }) escalated: number;
  @ApiProperty({ type: [BacklogCellDto] }) byStatusAndAge: BacklogCellDto[];
  @ApiProperty({ type: [OpenAppealDto] }) oldest: OpenAppealDto[];
  @ApiProperty({ description: 'GET /api/v1/staff/appeals query of the open appeals' }) link: string;
}

export class RatingRowDto {
  @ApiProperty({ type: String, nullable: true }) key: string | null;
  @ApiProperty() rated: number;
  @ApiProperty({ type: Number, nullable: true }) average: number | null;
}

export class ScoreCountDto {
  @ApiProperty({ minimum: 1, maximum: 5 }) score: number;
  @ApiProperty() count: number;
}

export class RereviewItemDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() number: number;
  @ApiProperty({ type: String, nullable: true, format: 'uuid' }) departmentId: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'uuid' }) assigneeId: string | null;
  @ApiProperty({ format: 'uuid' }) categoryId: string;
  @ApiProperty() rating: number;
  @ApiProperty({ type: String, nullable: true }) ratingComment: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) ratedAt: string | null;
  @ApiProperty({ enum: AppealStatus, enumName: 'AppealStatus' }) status: AppealStatus;
}

export class RereviewListDto {
  @ApiProperty() total: number;
  @ApiProperty({ type: [RereviewItemDto], description: 'Newest rating first, at most 50' }) items: RereviewItemDto[];
}

export class QualityReportDto {
  @ApiProperty({ type: PeriodDto }) period: PeriodDto;
  @ApiProperty({ description: 'Ratings given in the period' }) rated: number;
  @ApiProperty({ type: Number, nullable: true }) average: number | null;
  @ApiProperty({ type: Number, nullable: true }) previousAverage: number | null;
  @ApiProperty({ type: [ScoreCountDto] }) distribution: ScoreCountDto[];
  @ApiProperty({ type: [RatingRowDto] }) byDepartment: RatingRowDto[];
  @ApiProperty({ type: [RatingRowDto] }) byCategory: RatingRowDto[];
  @ApiProperty({ type: [RatingRowDto], description: 'By the appeal’s assignee' }) byOperator: RatingRowDto[];
  @ApiProperty({ type: RereviewListDto, description: 'Rated below 3 with a comment (now, any period)' }) rereview: RereviewListDto;
  @ApiProperty({ type: [CountByKeyDto], description: "Re-reviews recorded in the period (staff action record-review), by outcome: upheld, reopened" }) reviews: CountByKeyDto[];
  @ApiProperty({ type: [CountByKeyDto], description: 'Decision appeals (disputes) filed in the period, by status now' }) disputes: CountByKeyDto[];
  @ApiProperty({ description: 'Appeals filed in the period by a citizen who had filed in the same category before' }) repeats: number;
}

export class ThanksByEmployeeDto {
  @ApiProperty({ format: 'uuid' }) staffId: string;
  @ApiProperty({ type: String, nullable: true }) name: string | null;
  @ApiProperty() count: number;
}

export class GratitudeReportDto {
  @ApiProperty({ type: PeriodDto }) period: PeriodDto;
  @ApiProperty() total: number;
  @ApiProperty() previousTotal: number;
  @ApiProperty({ type: [CountByKeyDto], description: 'By gratitude category (quality of service, speed, courtesy)' }) byCategory: CountByKeyDto[];
  @ApiProperty({ type: [CountByKeyDto], description: 'By department' }) byDepartment: CountByKeyDto[];
  @ApiProperty({ type: [ThanksByEmployeeDto], description: 'Gratitudes naming an employee, by the employee thanked' }) byEmployee: ThanksByEmployeeDto[];
}

export class OperatorRowDto {
  @ApiProperty({ format: 'uuid' }) assigneeId: string;
  @ApiProperty({ type: String, nullable: true }) name: string | null;
  @ApiProperty({ description: 'Received in the period and assigned to them now' }) assigned: number;
  @ApiProperty({ description: 'Answered in the period' }) answered: number;
  @ApiProperty({ type: Number, nullable: true, description: 'Mean working days registration → answer of those answered' }) meanHandlingWorkingDays: number | null;
  @ApiProperty({ description: 'Open appeals assigned to them now' }) openNow: number;
  @ApiProperty() overdueNow: number;
  @ApiProperty({ description: 'Gratitudes registered in the period that name them' }) gratitudes: number;
}

export class OperatorsReportDto {
  @ApiProperty({ type: PeriodDto }) period: PeriodDto;
  @ApiProperty({ type: [OperatorRowDto] }) items: OperatorRowDto[];
}
