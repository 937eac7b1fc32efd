import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional, ApiPropertyOptions, OmitType } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
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
  ValidateNested,
} from 'class-validator';
import { AnswerResult, APPEAL_PRIORITIES, AppealPriority, AppealStatus, NO_ANSWER_GROUNDS, NoAnswerGround, REVIEW_OUTCOMES, ReviewOutcome, Role, StaffAction } from '@otklik/shared/domain';
import { IsCalendarDate } from '../../../../common/validation/dates';
import { AttachmentIds } from '../../../attachments/dto/attachment-ids';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

/** An appeal as staff name it: its id (UUID) or its human number. */
const ID_OR_NUMBER = /^(\d{1,15}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i;

/** Staff actions of POST /staff/appeals/{id}/actions/{action} (the answer has its own route). */
export const STAFF_ROUTE_ACTIONS = Object.values(StaffAction).filter((a) => a !== StaffAction.Answer);
export type StaffRouteAction = Exclude<StaffAction, StaffAction.Answer>;

export class StaffActionParams {
  @ApiProperty() @IsString() idOrNumber: string;

  @ApiProperty({ enum: STAFF_ROUTE_ACTIONS, enumName: 'StaffRouteAction' })
  @IsIn(STAFF_ROUTE_ACTIONS)
  action: StaffRouteAction;
}

/**
 * One field of an action's body, declared once: its schema, its checks, and whether the action
 * needs it. A needed field is checked by the transition runner after the state machine (a
 * refused transition is a 409 before a missing field is a 422, as it always was).
 */
function field(required: boolean, api: ApiPropertyOptions, ...checks: PropertyDecorator[]): PropertyDecorator {
  return applyDecorators(required ? ApiProperty(api) : ApiPropertyOptional(api), ...(required ? [] : [IsOptional()]), ...checks);
}

const Field = {
  comment: () => field(false, { maxLength: 2000, description: 'Comment shown in the history' }, IsString(), Transform(trim), MaxLength(2000)),
  expectedVersion: () =>
    field(false, { minimum: 1, description: 'The version of the appeal the client saw; a stale one is a 409 version_conflict' }, IsInt(), Min(1)),
  assigneeId: (required: boolean) => field(required, { format: 'uuid', description: 'The colleague (staff of the appeal department)' }, IsUUID()),
  departmentId: (required: boolean) => field(required, { format: 'uuid', description: 'The target department' }, IsUUID()),
  reason: (required: boolean, description: string) =>
    field(required, { maxLength: 2000, description }, IsString(), Transform(trim), IsNotEmpty(), MaxLength(2000)),
  documents: (required: boolean) =>
    field(
      required,
      { type: [String], description: 'What the citizen must bring' },
      IsArray(),
      ArrayMinSize(1),
      ArrayMaxSize(20),
      IsString({ each: true }),
      IsNotEmpty({ each: true }),
      MaxLength(500, { each: true }),
    ),
  dueOn: (required: boolean) => field(required, { format: 'date', description: 'The date by which the documents are expected' }, IsCalendarDate()),
  days: () => field(false, { minimum: 1, maximum: 30, description: 'By how many days (default: the policy maximum)' }, IsInt(), Min(1), Max(30)),
  grounds: (required: boolean) =>
    field(required, { enum: NoAnswerGround, enumName: 'NoAnswerGround', description: 'The 59-ФЗ ст. 11 ground' }, IsIn(NO_ANSWER_GROUNDS)),
  publishedUrl: () =>
    field(
      false,
      { maxLength: 2000, description: "With grounds answer_published: the page of the body's site with the answer (required unless noticeText is given)" },
      IsString(),
      IsUrl({ protocols: ['http', 'https'], require_protocol: true }),
      MaxLength(2000),
    ),
  noticeText: () =>
    field(false, { maxLength: 5000, description: 'The notice to the citizen (default: the statutory text of the ground)' }, IsString(), Transform(trim), IsNotEmpty(), MaxLength(5000)),
  repeatsAppealIds: () =>
    field(
      false,
      {
        type: [String],
        minItems: 2,
        maxItems: 20,
        description: "The citizen's earlier appeals (ids or numbers) on the same question, each answered on the merits — at least two (59-ФЗ ст. 11 ч. 5; required, 422 repeats_required)",
      },
      IsArray(),
      ArrayMaxSize(20),
      IsString({ each: true }),
      Matches(ID_OR_NUMBER, { each: true }),
    ),
  draft: () =>
    field(
      false,
      { type: () => AnswerDraftInputDto, description: 'send-for-approval: the answer to approve (the supervisor approves it and it goes out, or returns it with a remark)' },
      ValidateNested(),
      Type(() => AnswerDraftInputDto),
    ),
  remark: (required: boolean) =>
    field(required, { maxLength: 2000, description: 'The remark to the operator (in the internal thread)' }, IsString(), Transform(trim), IsNotEmpty(), MaxLength(2000)),
  categoryId: () =>
    field(
      false,
      { format: 'uuid', description: "reclassify: the new category — an active one serving the appeal's type, top-level or a subcategory (422 unknown_category, category_type_mismatch)" },
      IsUUID(),
    ),
  priority: () => field(false, { enum: AppealPriority, enumName: 'AppealPriority', description: 'reclassify: the new priority' }, IsIn(APPEAL_PRIORITIES)),
  outcome: (required: boolean) =>
    field(required, { enum: ReviewOutcome, enumName: 'ReviewOutcome', description: 'record-review: the answer stands, or the appeal goes back to work' }, IsIn(REVIEW_OUTCOMES)),
};

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

/** The answer an operator sends for approval: the answer's fields, kept as a draft until the supervisor decides. */
export class AnswerDraftInputDto extends OmitType(AnswerInputDto, ['expectedVersion'] as const) {}

/**
 * What the route accepts for any action: every field optional. Each action's own body (below)
 * says which it needs; the runner checks that one once the state machine admits the action.
 */
export class StaffActionBodyDto {
  @Field.comment() comment?: string;
  @Field.assigneeId(false) assigneeId?: string;
  @Field.departmentId(false) departmentId?: string;
  @Field.reason(false, 'redirect, extend, terminate-correspondence, escalate and the proposals: the reason') reason?: string;
  @Field.documents(false) documents?: string[];
  @Field.dueOn(false) dueOn?: string;
  @Field.days() days?: number;
  @Field.grounds(false) grounds?: NoAnswerGround;
  @Field.publishedUrl() publishedUrl?: string;
  @Field.noticeText() noticeText?: string;
  @Field.repeatsAppealIds() repeatsAppealIds?: string[];
  @Field.remark(false) remark?: string;
  @Field.outcome(false) outcome?: ReviewOutcome;
  @Field.categoryId() categoryId?: string;
  @Field.priority() priority?: AppealPriority;
  @Field.draft() draft?: AnswerDraftInputDto;
  @Field.expectedVersion() expectedVersion?: number;
}

/** The body of POST /staff/appeals/{id}/actions/{action}: any action's fields, and the action itself if the client names it. */
export class StaffActionRouteBodyDto extends StaffActionBodyDto {
  @ApiPropertyOptional({ enum: STAFF_ROUTE_ACTIONS, enumName: 'StaffRouteAction', description: 'The action of the path, when the client names it in the body too' })
  @IsOptional() @IsIn(STAFF_ROUTE_ACTIONS)
  action?: StaffRouteAction;
}

/** The fields every staff action takes. */
abstract class StaffActionBase {
  @Field.comment() comment?: string;
  @Field.expectedVersion() expectedVersion?: number;
}

/** `action` in the body is optional (the path names it); it discriminates the bodies in the schema. */
function discriminator<A extends StaffRouteAction>(action: A): PropertyDecorator {
  return applyDecorators(ApiPropertyOptional({ enum: [action], description: 'The action of the path (optional)' }), IsOptional(), IsIn([action]));
}

export class TakeActionBody extends StaffActionBase {
  @discriminator(StaffAction.Take) action?: StaffAction.Take;
}

export class AssignActionBody extends StaffActionBase {
  @discriminator(StaffAction.Assign) action?: StaffAction.Assign;
  @Field.assigneeId(true) assigneeId: string;
}

export class RequestDocumentsActionBody extends StaffActionBase {
  @discriminator(StaffAction.RequestDocuments) action?: StaffAction.RequestDocuments;
  @Field.documents(true) documents: string[];
  @Field.dueOn(true) dueOn: string;
}

export class SendForApprovalActionBody extends StaffActionBase {
  @discriminator(StaffAction.SendForApproval) action?: StaffAction.SendForApproval;
  @Field.draft() draft?: AnswerDraftInputDto;
}

export class ApproveActionBody extends StaffActionBase {
  @discriminator(StaffAction.Approve) action?: StaffAction.Approve;
}

export class RedirectActionBody extends StaffActionBase {
  @discriminator(StaffAction.Redirect) action?: StaffAction.Redirect;
  @Field.departmentId(true) departmentId: string;
  @Field.reason(true, 'Why (told to the citizen)') reason: string;
}

export class ExtendActionBody extends StaffActionBase {
  @discriminator(StaffAction.Extend) action?: StaffAction.Extend;
  @Field.reason(true, 'Why (told to the citizen)') reason: string;
  @Field.days() days?: number;
}

export class NoAnswerRequiredActionBody extends StaffActionBase {
  @discriminator(StaffAction.NoAnswerRequired) action?: StaffAction.NoAnswerRequired;
  @Field.grounds(true) grounds: NoAnswerGround;
  @Field.publishedUrl() publishedUrl?: string;
  @Field.noticeText() noticeText?: string;
}

export class TerminateCorrespondenceActionBody extends StaffActionBase {
  @discriminator(StaffAction.TerminateCorrespondence) action?: StaffAction.TerminateCorrespondence;
  @Field.reason(true, 'Why the appeal brings no new arguments') reason: string;
  @Field.repeatsAppealIds() repeatsAppealIds?: string[];
  @Field.noticeText() noticeText?: string;
}

export class ReopenActionBody extends StaffActionBase {
  @discriminator(StaffAction.Reopen) action?: StaffAction.Reopen;
}

export class ProposeTerminationActionBody extends StaffActionBase {
  @discriminator(StaffAction.ProposeTermination) action?: StaffAction.ProposeTermination;
  @Field.reason(true, 'Why the appeal brings no new arguments') reason: string;
  @Field.repeatsAppealIds() repeatsAppealIds?: string[];
  @Field.noticeText() noticeText?: string;
}

export class ProposeExtensionActionBody extends StaffActionBase {
  @discriminator(StaffAction.ProposeExtension) action?: StaffAction.ProposeExtension;
  @Field.reason(true, 'Why (told to the citizen once approved)') reason: string;
  @Field.days() days?: number;
}

export class ProposeNoAnswerActionBody extends StaffActionBase {
  @discriminator(StaffAction.ProposeNoAnswer) action?: StaffAction.ProposeNoAnswer;
  @Field.grounds(true) grounds: NoAnswerGround;
  @Field.reason(false, 'The reasoning for the supervisor') reason?: string;
  @Field.publishedUrl() publishedUrl?: string;
  @Field.noticeText() noticeText?: string;
}

export class ApproveProposalActionBody extends StaffActionBase {
  @discriminator(StaffAction.ApproveProposal) action?: StaffAction.ApproveProposal;
}

export class ReturnProposalActionBody extends StaffActionBase {
  @discriminator(StaffAction.ReturnProposal) action?: StaffAction.ReturnProposal;
  @Field.remark(true) remark: string;
}

export class ReturnAnswerActionBody extends StaffActionBase {
  @discriminator(StaffAction.ReturnAnswer) action?: StaffAction.ReturnAnswer;
  @Field.remark(true) remark: string;
}

export class RecordReviewActionBody extends StaffActionBase {
  @discriminator(StaffAction.RecordReview) action?: StaffAction.RecordReview;
  @Field.outcome(true) outcome: ReviewOutcome;
  @Field.reason(true, 'The conclusion of the re-review, told to the citizen') reason: string;
}

export class EscalateStaffActionBody extends StaffActionBase {
  @discriminator(StaffAction.Escalate) action?: StaffAction.Escalate;
  @Field.reason(true, 'Why the parent department should oversee it (shown in the history)') reason: string;
}

/** At least one of the two (422 isNotEmpty on both when neither is given); `comment` is the note. */
export class ReclassifyActionBody extends StaffActionBase {
  @discriminator(StaffAction.Reclassify) action?: StaffAction.Reclassify;
  @Field.categoryId() categoryId?: string;
  @Field.priority() priority?: AppealPriority;
}

/** Each route action's own body: the schema in openapi.json and what the runner checks. */
export const STAFF_ACTION_BODIES = {
  [StaffAction.Take]: TakeActionBody,
  [StaffAction.Assign]: AssignActionBody,
  [StaffAction.RequestDocuments]: RequestDocumentsActionBody,
  [StaffAction.SendForApproval]: SendForApprovalActionBody,
  [StaffAction.Approve]: ApproveActionBody,
  [StaffAction.Redirect]: RedirectActionBody,
  [StaffAction.Extend]: ExtendActionBody,
  [StaffAction.NoAnswerRequired]: NoAnswerRequiredActionBody,
  [StaffAction.TerminateCorrespondence]: TerminateCorrespondenceActionBody,
  [StaffAction.Reopen]: ReopenActionBody,
  [StaffAction.ProposeTermination]: ProposeTerminationActionBody,
  [StaffAction.ProposeExtension]: ProposeExtensionActionBody,
  [StaffAction.ProposeNoAnswer]: ProposeNoAnswerActionBody,
  [StaffAction.ApproveProposal]: ApproveProposalActionBody,
  [StaffAction.ReturnProposal]: ReturnProposalActionBody,
  [StaffAction.ReturnAnswer]: ReturnAnswerActionBody,
  [StaffAction.RecordReview]: RecordReviewActionBody,
  [StaffAction.Escalate]: EscalateStaffActionBody,
  [StaffAction.Reclassify]: ReclassifyActionBody,
} as const satisfies Record<StaffRouteAction, new () => StaffActionBase>;

export type StaffActionBody<A extends StaffRouteAction> = InstanceType<(typeof STAFF_ACTION_BODIES)[A]>;

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
