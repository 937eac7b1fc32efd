import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsBoolean, IsDefined, IsIn, IsInt, IsNotEmpty, IsObject, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min, ValidateIf, ValidateNested } from 'class-validator';
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
const HHMM = /^(?:[01]\d|2[0-3]):[0-5]\d$/;

/** When the department's staff work; access outside these hours raises a security alert. */
export class WorkingHoursDto {
  @ApiProperty({ type: [Number], example: [1, 2, 3, 4, 5], description: 'ISO weekdays: 1 Monday … 7 Sunday' })
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(7) @ArrayUnique() @IsInt({ each: true }) @Min(1, { each: true }) @Max(7, { each: true })
  days: number[];

  @ApiProperty({ example: '09:00', description: 'Local start (HH:MM)' })
  @IsString() @Matches(HHMM, { message: 'must be HH:MM' })
  from: string;

  @ApiProperty({ example: '18:00', description: 'Local end (HH:MM); not after the start: the span crosses midnight' })
  @IsString() @Matches(HHMM, { message: 'must be HH:MM' })
  to: string;

  @ApiProperty({ example: 'Europe/Moscow', description: 'IANA time zone' })
  @IsString() @MaxLength(64)
  timeZone: string;
}

export class DepartmentSettingsDto {
  @ApiPropertyOptional({ maxLength: 200 }) @ValidateIf((_, v) => v !== undefined) @IsString() @Transform(trim) @IsNotEmpty() @MaxLength(200)
  nameRu?: string;

  @ApiPropertyOptional({ maxLength: 200 }) @ValidateIf((_, v) => v !== undefined) @IsString() @Transform(trim) @IsNotEmpty() @MaxLength(200)
  nameEn?: string;

  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String, description: 'Move under another department (not into its own subtree: 422 department_cycle); null makes it a root' })
  @IsOptional() @IsUUID('all')
  parentId?: string | null;

  @ApiPropertyOptional({ description: "Give new and redirected appeals to the department's least-loaded operator" })
  @ValidateIf((_, v) => v !== undefined) @IsBoolean()
  autoAssign?: boolean;

  @ApiPropertyOptional({
    enum: APPROVABLE_BY_SETTING,
    enumName: 'ApprovableBySetting',
    isArray: true,
    description: "Staff actions the department's operators propose for a supervisor's approval instead of taking them (termination of correspondence always needs it)",
  })
  @ValidateIf((_, v) => v !== undefined) @IsArray() @ArrayMaxSize(APPROVABLE_BY_SETTING.length) @IsIn(APPROVABLE_BY_SETTING, { each: true })
  approvalRequiredFor?: ApprovableBySetting[];

  @ApiPropertyOptional({ type: WorkingHoursDto, nullable: true, description: 'Restrict staff access to these hours (alerts outside them); null lifts the restriction' })
  @IsOptional()
  @ValidateNested()
  @Type(() => WorkingHoursDto)
  workingHours?: WorkingHoursDto | null;

  @ApiPropertyOptional({
    format: 'uuid',
    nullable: true,
    type: String,
    description:
      'The department head: an active supervisor working in this department (else 422 invalid_department_head); overdue notices go to them. ' +
      "null: none named (the department's supervisors, else the nearest ancestor's, hear of them)",
  })
  @IsOptional() @IsUUID('all')
  headId?: string | null;
}

/**
 * A department as the admin sees it: the public fields plus its assignment setting. A distinct
 * name, because OpenAPI schemas are keyed by class name (a second `DepartmentDto` would replace
 * the one `GET /auth/me` returns).
 */
export class AdminDepartmentDto extends DepartmentDto {
  @ApiProperty() autoAssign: boolean;
  @ApiProperty({ enum: APPROVABLE_BY_SETTING, enumName: 'ApprovableBySetting', isArray: true }) approvalRequiredFor: ApprovableBySetting[];
  @ApiProperty({ type: WorkingHoursDto, nullable: true }) workingHours: WorkingHoursDto | null;
  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'The head an admin named; null: none' }) headId: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String, description: 'Retired: takes no appeals and no staff' }) retiredAt: string | null;
}

export class DepartmentInputDto {
  @ApiProperty({ example: 'housing', maxLength: 64, description: 'Lower-case letters, digits and hyphens; unique' })
  @IsString() @Matches(/^[a-z0-9][a-z0-9-]{0,63}$/)
  code: string;

  @ApiProperty({ maxLength: 200 }) @IsString() @Transform(trim) @IsNotEmpty() @MaxLength(200)
  nameRu: string;

  @ApiProperty({ maxLength: 200 }) @IsString() @Transform(trim) @IsNotEmpty() @MaxLength(200)
  nameEn: string;

  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'The parent department (escalation goes there); null: a root' })
  @IsOptional() @IsUUID('all')
  parentId: string | null;
}

/** A sample appeal for the routing tester: what routing reads of a real one. */
export class RoutingTestInputDto {
  @ApiProperty({ enum: AppealType, enumName: 'AppealType' }) @IsIn(APPEAL_TYPES)
  type: AppealType;

  @ApiProperty({ format: 'uuid' }) @IsUUID()
  categoryId: string;

  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String }) @IsOptional() @IsUUID()
  subcategoryId?: string | null;

  @ApiPropertyOptional({ maxLength: 500, default: '' }) @IsOptional() @IsString() @MaxLength(500)
  subject?: string;

  @ApiPropertyOptional({ maxLength: 20000, default: '' }) @IsOptional() @IsString() @MaxLength(20000)
  text?: string;

  @ApiPropertyOptional({ type: 'object', additionalProperties: true, description: 'Extra fields (routing reads region)' })
  @IsOptional() @IsObject()
  extraFields?: Record<string, unknown>;
}

export enum RouteDecidedBy {
  Rule = 'rule',
  Category = 'category',
  GeneralPool = 'general_pool',
}

export class RoutingTestResultDto {
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) departmentId: string | null;
  @ApiProperty({ nullable: true, type: String }) departmentName: string | null;
  @ApiProperty({ enum: RouteDecidedBy, enumName: 'RouteDecidedBy', description: 'What decided: a rule, the category tree, or the general pool' }) decidedBy: RouteDecidedBy;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) ruleId: string | null;
  @ApiProperty({ nullable: true, type: String }) ruleName: string | null;
}

export class RoutingReplayInputDto {
  @ApiProperty({ minimum: 1, maximum: 90, description: 'Replay the appeals registered in this many last days' })
  @IsInt() @Min(1) @Max(90)
  days: number;

  @ApiProperty({ type: [RoutingRuleInputDto], description: 'The draft rule set (not saved): replaces every saved rule for the replay' })
  @IsDefined() @IsArray() @ArrayMaxSize(200) @ValidateNested({ each: true }) @Type(() => RoutingRuleInputDto)
  rules: RoutingRuleInputDto[];
}

export class RoutingMoveDto {
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) fromDepartmentId: string | null;
  @ApiProperty({ nullable: true, type: String }) fromDepartmentName: string | null;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) toDepartmentId: string | null;
  @ApiProperty({ nullable: true, type: String }) toDepartmentName: string | null;
  @ApiProperty() count: number;
}

export class RoutingReplayExampleDto {
  @ApiProperty({ format: 'uuid' }) appealId: string;
  @ApiProperty() number: number;
  @ApiProperty({ format: 'date-time' }) registeredAt: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'Where the appeal is now' }) currentDepartmentId: string | null;
  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'Where the saved rules send it' }) fromDepartmentId: string | null;
  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'Where the draft rules send it' }) toDepartmentId: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'The draft rule that matched, if any' }) ruleName: string | null;
}

export class RoutingReplayResultDto {
  @ApiProperty({ format: 'date-time' }) since: string;
  @ApiProperty() days: number;
  @ApiProperty({ description: 'Appeals replayed' }) scanned: number;
  @ApiProperty({ description: 'The most appeals one replay reads' }) limit: number;
  @ApiProperty({ description: 'True when more appeals were registered in the period than the limit (the newest were replayed)' }) truncated: boolean;
  @ApiProperty({ description: 'Appeals the draft would send to another department than the saved rules do' }) moved: number;
  @ApiProperty() unchanged: number;
  @ApiProperty({ type: [RoutingMoveDto], description: 'Moves grouped by from → to, most first' }) moves: RoutingMoveDto[];
  @ApiProperty({ type: [RoutingReplayExampleDto], description: 'Up to 20 moved appeals, newest first' }) examples: RoutingReplayExampleDto[];
  @ApiProperty({ description: 'What the replay cost: rows read and the time it took' }) cost: string;
}
