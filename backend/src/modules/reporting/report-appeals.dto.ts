import { ApiProperty } from '@nestjs/swagger';
import { IsEnum } from 'class-validator';
import { ReportAppealSet } from '../appeals/appeal-report.repository';

export class ReportAppealsExportParams {
  @ApiProperty({ enum: ReportAppealSet, enumName: 'ReportAppealSet' })
  @IsEnum(ReportAppealSet)
  set: ReportAppealSet;
}
