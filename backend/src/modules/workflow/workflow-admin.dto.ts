import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsInt, IsNotEmpty, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';
import { AnswerResult, APPEAL_TYPES, AppealType, APPROVABLE_BY_SETTING, ApprovableBySetting } from '@otklik/shared/domain';
import { DepartmentDto } from '../users/users.dto';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class RoutingRuleInputDto {
  @ApiProperty({ minimum: 0, maximum: 100000, description: 'Rules are tried in ascending position' })
  @IsInt() @Min(0) @Max(100000)
  position: number;

  @ApiProperty({ maxLength: 200 }) @IsString() @Transform(trim) @IsNotEmpty() @MaxLength(200)
  name: string;

  @ApiPropertyOptional({ enum: AppealType, enumName: 'AppealType', nullable: true })
  @IsOptional() @IsIn(APPEAL_TYPES)
  appealType?: AppealType | null;

  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String }) @IsOptional() @IsUUID()
  categoryId?: string | null;

  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String }) @IsOptional() @IsUUID()
  subcategoryId?: string | null;

  @ApiPropertyOptional({ maxLength: 200, nullable: true, type: String, description: "Matches the appeal's extraFields.region" })
  @IsOptional() @IsString() @Transform(trim) @IsNotEmpty() @MaxLength(200)
  region?: string | null;

  @ApiPropertyOptional({ type: [String], description: 'Any of these words in the subject or text' })
  @IsOptional() @IsArray() @ArrayMaxSize(50) @IsString({ each: true }) @IsNotEmpty({ each: true }) @MaxLength(100, { each: true })
  keywords?: string[];

  @ApiProperty({ format: 'uuid' }) @IsUUID()
  departmentId: string;

  @ApiPropertyOptional({ default: true }) @IsOptional() @IsBoolean()
  active?: boolean;
}

export class RoutingRuleDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() position: number;
  @ApiProperty() name: string;
  @ApiProperty({ enum: AppealType, enumName: 'AppealType', nullable: true }) appealType: AppealType | null;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) categoryId: string | null;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) subcategoryId: string | null;
  @ApiProperty({ nullable: true, type: String }) region: string | null;
  @ApiProperty({ type: [String] }) keywords: string[];
  @ApiProperty({ format: 'uuid' }) departmentId: string;
  @ApiProperty() active: boolean;
}

export class AnswerTemplateInputDto {
  @ApiProperty({ maxLength: 200 }) @IsString() @Transform(trim) @IsNotEmpty() @MaxLength(200)
  title: string;

  @ApiProperty({ maxLength: 20000, description: 'Text with placeholders: {{number}}, {{type}}, {{subject}}, {{registeredOn}}, {{dueOn}}, {{executorName}}, {{executorPosition}}, {{department}}' })
  @IsString() @IsNotEmpty() @MaxLength(20000)
  body: string;

  @ApiPropertyOptional({ enum: AnswerResult, enumName: 'AnswerResult', nullable: true })
  @IsOptional() @IsIn(Object.values(AnswerResult))
  result?: AnswerResult | null;

  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String, description: 'Null: every department' })
  @IsOptional() @IsUUID()
  departmentId?: string | null;

  @ApiPropertyOptional({ default: true }) @IsOptional() @IsBoolean()
  active?: boolean;
}

export class AnswerTemplateDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() title: string;
  @ApiProperty() body: string;
  @ApiProperty({ enum: AnswerResult, enumName: 'AnswerResult', nullable: true }) result: AnswerResult | null;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) departmentId: string | null;
  @ApiProperty() active: boolean;
}

/** The department's settings; a field left out keeps its value. */
export class DepartmentSettingsDto {
  @ApiPropertyOptional({ description: "Give new and redirected appeals to the department's least-loaded operator" })
  @IsOptional() @IsBoolean()
  autoAssign?: boolean;

  @ApiPropertyOptional({
    enum: APPROVABLE_BY_SETTING,
    enumName: 'ApprovableBySetting',
    isArray: true,
    description: "Staff actions the department's operators propose for a supervisor's approval instead of taking them (termination of correspondence always needs it)",
  })
  @IsOptional() @IsArray() @ArrayMaxSize(APPROVABLE_BY_SETTING.length) @IsIn(APPROVABLE_BY_SETTING, { each: true })
  approvalRequiredFor?: ApprovableBySetting[];
}

/**
 * A department as the admin sees it: the public fields plus its assignment setting. A distinct
 * name, because OpenAPI schemas are keyed by class name (a second `DepartmentDto` would replace
 * the one `GET /auth/me` returns).
 */
export class AdminDepartmentDto extends DepartmentDto {
  @ApiProperty() autoAssign: boolean;
  @ApiProperty({ enum: APPROVABLE_BY_SETTING, enumName: 'ApprovableBySetting', isArray: true }) approvalRequiredFor: ApprovableBySetting[];
}
