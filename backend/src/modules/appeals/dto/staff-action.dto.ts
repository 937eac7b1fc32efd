import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUrl,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { AnswerResult, AppealStatus, NO_ANSWER_GROUNDS, NoAnswerGround, Role, StaffAction } from '@otklik/shared/domain';
import { IsCalendarDate } from '../../../common/validation/dates';
import { AttachmentIds } from '../../attachments/dto/attachment-ids';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

/** An appeal as staff name it: its id (UUID) or its human number. */
const ID_OR_NUMBER = /^(\d{1,15}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i;

/** Staff actions of POST /staff/appeals/{id}/actions/{action} (the answer has its own route). */
export const STAFF_ROUTE_ACTIONS = Object.values(StaffAction).filter((a) => a !== StaffAction.Answer);

export class StaffActionParams {
  @ApiProperty() @IsString() idOrNumber: string;

  @ApiProperty({ enum: STAFF_ROUTE_ACTIONS, enumName: 'StaffRouteAction' })
  @IsIn(STAFF_ROUTE_ACTIONS)
  action: StaffAction;
}

/** One body for every staff action; each action says which fields it needs (422 names a missing one). */
export class StaffActionBodyDto {
  @ApiPropertyOptional({ maxLength: 2000, description: 'Comment shown in the history' })
  @IsOptional() @IsString() @Transform(trim) @MaxLength(2000)
  comment?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'assign: the colleague (staff of the appeal department)' })
  @IsOptional() @IsUUID()
  assigneeId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'redirect: the target department' })
  @IsOptional() @IsUUID()
  departmentId?: string;

  @ApiPropertyOptional({
    maxLength: 2000,
    description:
      'redirect, extend, propose-extension: the reason (required; told to the citizen). terminate-correspondence, propose-termination: why the appeal brings no new arguments (required). propose-no-answer: the reasoning for the supervisor (optional)',
  })
  @IsOptional() @IsString() @Transform(trim) @IsNotEmpty() @MaxLength(2000)
  reason?: string;

  @ApiPropertyOptional({ type: [String], description: 'request-documents: what the citizen must bring (required)' })
  @IsOptional() @IsArray() @ArrayMinSize(1) @ArrayMaxSize(20) @IsString({ each: true }) @IsNotEmpty({ each: true }) @MaxLength(500, { each: true })
  documents?: string[];

  @ApiPropertyOptional({ format: 'date', description: 'request-documents: the date by which the documents are expected (required)' })
  @IsOptional() @IsCalendarDate()
  dueOn?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 30, description: 'extend: by how many days (default: the policy maximum)' })
  @IsOptional() @IsInt() @Min(1) @Max(30)
  days?: number;

  @ApiPropertyOptional({ enum: NoAnswerGround, enumName: 'NoAnswerGround', description: 'no-answer-required, propose-no-answer: the 59-ФЗ ст. 11 ground (required)' })
  @IsOptional() @IsIn(NO_ANSWER_GROUNDS)
  grounds?: NoAnswerGround;

  @ApiPropertyOptional({ maxLength: 2000, description: "no-answer-required with grounds answer_published: the page of the body's site with the answer (required unless noticeText is given)" })
  @IsOptional() @IsString() @IsUrl({ protocols: ['http', 'https'], require_protocol: true }) @MaxLength(2000)
  publishedUrl?: string;

  @ApiPropertyOptional({
    maxLength: 5000,
    description: 'no-answer-required, terminate-correspondence and their proposals: the notice to the citizen (default: the statutory text of the ground)',
  })
  @IsOptional() @IsString() @Transform(trim) @IsNotEmpty() @MaxLength(5000)
  noticeText?: string;

  @ApiPropertyOptional({
    type: [String],
    minItems: 2,
    maxItems: 20,
    description:
      "terminate-correspondence, propose-termination (required): the citizen's earlier appeals (ids or numbers) on the same question, each answered on the merits — at least two (59-ФЗ ст. 11 ч. 5)",
  })
  @IsOptional() @IsArray() @ArrayMaxSize(20) @IsString({ each: true }) @Matches(ID_OR_NUMBER, { each: true })
  repeatsAppealIds?: string[];

  @ApiPropertyOptional({ maxLength: 2000, description: 'return-proposal: the remark to the operator (required; in the internal thread)' })
  @IsOptional() @IsString() @Transform(trim) @IsNotEmpty() @MaxLength(2000)
  remark?: string;

  @ApiPropertyOptional({ minimum: 1, description: 'The version of the appeal the client saw; a stale one is a 409 version_conflict' })
  @IsOptional() @IsInt() @Min(1)
  expectedVersion?: number;
}

export class BulkActionDto extends StaffActionBodyDto {
  @ApiProperty({ type: [String], format: 'uuid', minItems: 1, maxItems: 100 })
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(100) @IsUUID('all', { each: true })
  ids: string[];

  @ApiProperty({ enum: [StaffAction.Assign, StaffAction.Redirect], enumName: 'BulkAction' })
  @IsIn([StaffAction.Assign, StaffAction.Redirect])
  action: StaffAction.Assign | StaffAction.Redirect;
}

/** Someone the appeal may be assigned to (staff of its department), with the work they hold. */
export class AssigneeOptionDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() fullName: string;
  @ApiProperty({ nullable: true, type: String }) position: string | null;
  @ApiProperty({ enum: [Role.Operator, Role.Supervisor], enumName: 'StaffRole' }) role: Role.Operator | Role.Supervisor;
  @ApiProperty({ description: 'Unanswered appeals assigned to them now' }) openAppeals: number;
}

export class BulkResultItemDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() ok: boolean;
  @ApiPropertyOptional({ enum: AppealStatus, enumName: 'AppealStatus' }) status?: AppealStatus;
  @ApiPropertyOptional({ description: 'The problem code when this appeal was not changed' }) code?: string;
}

export class BulkResultDto {
  @ApiProperty({ type: [BulkResultItemDto] }) results: BulkResultItemDto[];
}

export class AnswerInputDto {
  @ApiProperty({ enum: AnswerResult, enumName: 'AnswerResult' })
  @IsIn(Object.values(AnswerResult))
  result: AnswerResult;

  @ApiProperty({ minimum: 0, maximum: 9999, description: 'Numeric result code of the body’s classifier' })
  @IsInt() @Min(0) @Max(9999)
  resultCode: number;

  @ApiProperty({ maxLength: 20000, description: 'The explanation' })
  @IsString() @Transform(trim) @IsNotEmpty() @MaxLength(20000)
  text: string;

  @ApiPropertyOptional({ maxLength: 5000, description: 'Required for a refusal' })
  @IsOptional() @IsString() @Transform(trim) @IsNotEmpty() @MaxLength(5000)
  reason?: string;

  @ApiPropertyOptional({ maxLength: 40, description: 'Executor work phone' })
  @IsOptional() @IsString() @Transform(trim) @MaxLength(40)
  executorPhone?: string;

  @AttachmentIds({ description: 'Uploaded attachments to include' })
  attachmentIds?: string[];

  @ApiPropertyOptional({ minimum: 1 })
  @IsOptional() @IsInt() @Min(1)
  expectedVersion?: number;
}

export class AnswerExecutorDto {
  @ApiProperty() name: string;
  @ApiProperty({ nullable: true, type: String }) position: string | null;
  @ApiProperty({ nullable: true, type: String }) workPhone: string | null;
}

export class AnswerDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: AnswerResult, enumName: 'AnswerResult' }) result: AnswerResult;
  @ApiProperty() resultCode: number;
  @ApiProperty() text: string;
  @ApiProperty({ nullable: true, type: String }) reason: string | null;
  @ApiProperty({ format: 'date-time' }) answeredAt: string;
  @ApiProperty({ type: AnswerExecutorDto }) executor: AnswerExecutorDto;
}

export class AnswerTemplateViewDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() title: string;
  @ApiProperty({ enum: AnswerResult, enumName: 'AnswerResult', nullable: true }) result: AnswerResult | null;
  @ApiProperty({ description: 'The template text with this appeal’s placeholders filled in' }) text: string;
}
