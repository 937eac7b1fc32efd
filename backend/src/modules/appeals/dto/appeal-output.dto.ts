import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { AnswerChannel, AppealChannel, AppealPriority, AppealStatus, AppealType, CitizenAction, HistoryEvent, NoAnswerGround, ProposableAction, ReviewOutcome, Role, StaffAction } from '@otklik/shared/domain';
import { AnswerDto } from './answer-output.dto';
import { AttachmentDto } from '../../attachments/dto/attachment.dto';

export class ContactViewDto {
  @ApiPropertyOptional({ description: 'The applicant an operator registered the appeal for (masked to initials on the card)' }) fullName?: string;
  @ApiPropertyOptional() phone?: string;
  @ApiPropertyOptional() email?: string;
  @ApiPropertyOptional() address?: string;
}

export class OrganisationViewDto {
  @ApiProperty() name: string;
  @ApiProperty({ description: 'ИНН, 10 digits' }) inn: string;
  @ApiProperty({ description: 'ОГРН, 13 digits' }) ogrn: string;
  @ApiPropertyOptional() representativeBasis?: string;
}

export class AppealSummaryDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ type: Number, nullable: true, description: 'Human number; null for a draft' }) number: number | null;
  @ApiProperty({ enum: AppealType, enumName: 'AppealType' }) type: AppealType;
  @ApiProperty({ enum: AppealStatus, enumName: 'AppealStatus' }) status: AppealStatus;
  @ApiProperty() subject: string;
  @ApiProperty({ format: 'uuid' }) categoryId: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) subcategoryId: string | null;
  @ApiProperty({ enum: AppealPriority, enumName: 'AppealPriority' }) priority: AppealPriority;
  @ApiProperty() important: boolean;
  @ApiProperty() overdue: boolean;
  @ApiProperty({ description: 'Escalated (overdue → parent department, or turned to management by the citizen)' }) escalated: boolean;
  @ApiProperty({
    format: 'uuid',
    nullable: true,
    type: String,
    description: 'The department the escalation went to; its staff see the appeal in GET /staff/appeals?escalated=true and oversee it',
  })
  escalatedToDepartmentId: string | null;
  @ApiProperty({ description: 'The deadline was extended (once per appeal)' }) extended: boolean;
  @ApiProperty({ description: 'Filed without an account (unidentified feedback)' }) unidentified: boolean;
  @ApiProperty({ description: 'No answer on the merits is given (59-ФЗ ст. 11)' }) noAnswerRequired: boolean;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) departmentId: string | null;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) assigneeId: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) registeredAt: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) dueAt: string | null;
  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'The appeal this one disputes or re-files' }) parentAppealId: string | null;
  @ApiProperty({ enum: AnswerChannel, enumName: 'AnswerChannel', description: 'How the citizen wants the answer (post: printed from the signed PDF and posted)' })
  answerChannel: AnswerChannel;
  @ApiProperty({ description: 'Row version: send it back as expectedVersion to act only on what you saw' }) version: number;
  @ApiPropertyOptional({ description: 'Search rank, when the list was searched with q' }) rank?: number;
}

/** Another appeal of the same citizen with a similar text: a likely duplicate (GET /staff/appeals/{id}/duplicates). */
export class DuplicateCandidateDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() number: number;
  @ApiProperty() subject: string;
  @ApiProperty({ enum: AppealStatus, enumName: 'AppealStatus' }) status: AppealStatus;
  @ApiProperty({ format: 'date-time' }) registeredAt: string;
  @ApiProperty({ description: 'pg_trgm similarity of subject and text, 0–1' }) similarity: number;
  @ApiProperty({ description: 'Already merged into this appeal (it gets its answer)' }) merged: boolean;
}

/** A department named in both languages. */
export class DepartmentNameDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() nameRu: string;
  @ApiProperty() nameEn: string;
}

/** A row of the staff queue: the summary with the names the console shows beside it. */
export class StaffAppealSummaryDto extends AppealSummaryDto {
  @ApiProperty({ type: DepartmentNameDto, nullable: true }) department: DepartmentNameDto | null;
  @ApiProperty({ type: String, nullable: true }) assigneeName: string | null;
  @ApiProperty({ type: String, nullable: true, description: "The citizen's name masked (surname's first letter and initials); null when filed without an account" })
  citizenMasked: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String, description: 'The first reaction is due by then; null once it happened (or when none is due)' })
  firstResponseDueAt: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String, description: 'The SLA clock is paused since then (awaiting the citizen)' }) slaPausedAt: string | null;
  @ApiProperty({ format: 'date', nullable: true, type: String, description: 'The date the citizen was asked to bring documents by' }) documentsDueOn: string | null;
}

export class StaffAppealListDto {
  @ApiProperty({ type: [StaffAppealSummaryDto] }) items: StaffAppealSummaryDto[];
  @ApiProperty({ type: String, nullable: true, description: 'Opaque cursor of the next page; null on the last page' })
  nextCursor: string | null;
  @ApiPropertyOptional({ description: 'Every matching appeal (withTotal=true)' })
  total?: number;
}

/** How many appeals each view of the queue holds for the caller (GET /staff/appeals/counts). */
export class QueueCountsDto {
  @ApiProperty() mine: number;
  @ApiProperty() unassigned: number;
  @ApiProperty({ description: 'Supervisors only (0 for operators)' }) approval: number;
  @ApiProperty() overdue: number;
  @ApiProperty() dueSoon: number;
  @ApiProperty() escalated: number;
  @ApiProperty({ description: 'Supervisors only (0 for operators)' }) rereview: number;
  @ApiProperty() all: number;
}

export class AppealListDto {
  @ApiProperty({ type: [AppealSummaryDto] }) items: AppealSummaryDto[];
  @ApiProperty({ type: String, nullable: true, description: 'Opaque cursor of the next page; null on the last page' })
  nextCursor: string | null;
  @ApiPropertyOptional({ description: 'Every matching appeal (staff list with withTotal=true)' })
  total?: number;
}

export class HistoryEntryDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: HistoryEvent, enumName: 'HistoryEvent' }) event: HistoryEvent;
  @ApiProperty({ description: 'Label of the event in the requested language' }) label: string;
  @ApiProperty({ enum: AppealStatus, enumName: 'AppealStatus', nullable: true }) fromStatus: AppealStatus | null;
  @ApiProperty({ enum: AppealStatus, enumName: 'AppealStatus' }) toStatus: AppealStatus;
  @ApiProperty() actorName: string;
  @ApiProperty({ nullable: true, type: String }) actorPosition: string | null;
  @ApiProperty({ description: 'citizen, operator, supervisor, admin or system' }) actorRole: string;
  @ApiProperty({ nullable: true, type: String }) comment: string | null;
  @ApiProperty({ format: 'date-time' }) at: string;
}

export class MessageDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() text: string;
  @ApiProperty({ enum: Role, enumName: 'Role' }) authorRole: Role;
  @ApiProperty() authorName: string;
  @ApiProperty({ description: 'Internal staff note (never shown to the citizen)' }) internal: boolean;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

/** An operator's proposal awaiting the supervisor's decision (59-ФЗ guardrails). */
export class PendingProposalDto {
  @ApiProperty({ enum: [StaffAction.TerminateCorrespondence, StaffAction.Extend, StaffAction.NoAnswerRequired], enumName: 'ProposableAction' })
  action: ProposableAction;
  @ApiProperty({ description: "The operator's reasoning" }) reason: string;
  @ApiProperty({ format: 'uuid' }) proposedBy: string;
  @ApiProperty() proposedByName: string;
  @ApiProperty({ format: 'date-time' }) proposedAt: string;
  @ApiProperty({ enum: NoAnswerGround, enumName: 'NoAnswerGround', nullable: true }) grounds: NoAnswerGround | null;
  @ApiProperty({ type: [String], description: 'terminate-correspondence: the earlier appeals the proposal names (as the operator gave them)' }) repeatsAppealIds: string[];
  @ApiProperty({ type: Number, nullable: true }) days: number | null;
  @ApiProperty({ type: String, nullable: true, description: 'The notice the operator wrote (null: the statutory text)' }) noticeText: string | null;
}

/** The department handling the appeal, by name (the citizen sees no bare ids). */
export class AppealDepartmentDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ description: 'The name in the requested language' }) name: string;
  @ApiProperty() nameRu: string;
  @ApiProperty() nameEn: string;
}

/** The staff member the appeal is assigned to: the position always, the name as the policy allows. */
export class AppealExecutorDto {
  @ApiProperty({ type: String, nullable: true }) position: string | null;
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'The executor\'s full name; null for a citizen when CITIZEN_SEES_EXECUTOR_NAME=false',
  })
  name: string | null;
}

export enum AppealClockState {
  /** Not registered yet (a draft) or no deadline applies. */
  None = 'none',
  Running = 'running',
  /** Paused waiting for the citizen's documents or clarification. */
  AwaitingCitizen = 'awaiting_citizen',
  /** Answered, closed or withdrawn: the clock has stopped. */
  Stopped = 'stopped',
}

/** The current term and what the clock is waiting for. */
export class AppealTermDto {
  @ApiProperty({ enum: AppealClockState, enumName: 'AppealClockState' }) state: AppealClockState;
  @ApiProperty({ format: 'date-time', nullable: true, type: String, description: 'The current due date (moves on by the pause when the clock resumes)' })
  dueAt: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String, description: 'Since when the clock is paused' }) pausedSince: string | null;
  @ApiProperty({ format: 'date', nullable: true, type: String, description: 'The requested documents are due by this date' }) documentsDueOn: string | null;
  @ApiProperty() extended: boolean;
  @ApiProperty({ type: String, nullable: true, description: 'The reason given for the extension' }) extensionReason: string | null;
  @ApiProperty() overdue: boolean;
}

export class AppealDto extends AppealSummaryDto {
  @ApiProperty() text: string;
  @ApiProperty({ format: 'date', nullable: true, type: String }) desiredAnswerDate: string | null;
  @ApiProperty({ type: 'object', additionalProperties: true }) extraFields: Record<string, unknown>;
  @ApiProperty({ type: Number, nullable: true, description: 'Version of the category’s extra-field schema the appeal was filed under' }) extraFieldsSchemaVersion: number | null;
  @ApiProperty({ type: ContactViewDto, nullable: true, description: 'Masked for staff' }) contact: ContactViewDto | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) firstResponseDueAt: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) closedAt: string | null;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) firstReactionAt: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) answeredAt: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, description: "Staff only: the assignee's full name" }) assigneeName?: string | null;
  @ApiProperty({ type: AppealDepartmentDto, nullable: true, description: 'The handling department, by name' }) department: AppealDepartmentDto | null;
  @ApiProperty({ type: AppealExecutorDto, nullable: true, description: 'The executor, once assigned' }) executor: AppealExecutorDto | null;
  @ApiProperty({ type: AppealTermDto, description: 'The current term and what the clock waits for' }) term: AppealTermDto;
  @ApiProperty({ type: AppealExecutorDto, nullable: true, description: 'A gratitude: the employee thanked' }) thankedEmployee: AppealExecutorDto | null;
  @ApiPropertyOptional({ description: 'Staff only: the answer goes by post and is ready to print (GET /appeals/{id}/answer?format=pdf, signed)' })
  printAnswer?: boolean;
  @ApiPropertyOptional({ format: 'date-time', nullable: true, type: String, description: 'Staff only: when the postal answer was marked printed (POST /staff/appeals/{id}/answer-printed)' })
  answerPrintedAt?: string | null;
  @ApiProperty({ description: 'The SLA clock is paused (awaiting the citizen)' }) slaPaused: boolean;
  @ApiProperty({ format: 'date', nullable: true, type: String, description: 'Requested documents are due by this date' }) documentsDueOn: string | null;
  @ApiProperty({ description: 'Correspondence terminated (59-ФЗ ст. 11 ч. 5)' }) correspondenceTerminated: boolean;
  @ApiProperty({ description: 'Clarification requests, reopenings and disputes so far' }) unsuccessfulRounds: number;
  @ApiProperty({ type: Number, nullable: true, minimum: 1, maximum: 5 }) rating: number | null;
  @ApiProperty({ type: String, nullable: true }) ratingComment: string | null;
  @ApiPropertyOptional({ description: 'Staff only: on the supervisor re-review list' }) rereview?: boolean;
  @ApiPropertyOptional({ enum: ReviewOutcome, enumName: 'ReviewOutcome', nullable: true, description: "Staff only: what the supervisor's re-review concluded" })
  reviewOutcome?: ReviewOutcome | null;
  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true, description: 'Staff only: when the re-review was recorded' }) reviewedAt?: string | null;
  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true, description: 'Staff only: «передано в СЭД» — when a receipt of the document-management export named the appeal' })
  transferredToSedAt?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'Staff only: the number the СЭД registered the appeal under' })
  sedRegistrationNumber?: string | null;
  @ApiProperty({ type: AnswerDto, nullable: true, description: 'The latest answer' }) answer: AnswerDto | null;
  @ApiProperty({ enum: CitizenAction, enumName: 'CitizenAction', isArray: true, description: 'What the citizen may do now' })
  allowedActions: CitizenAction[];
  @ApiProperty({ enum: StaffAction, enumName: 'StaffAction', isArray: true, description: 'What the staff member may do now' })
  allowedStaffActions: StaffAction[];
  @ApiPropertyOptional({ type: PendingProposalDto, nullable: true, description: "Staff only: the proposal awaiting the supervisor's decision" })
  pendingProposal?: PendingProposalDto | null;
  @ApiProperty({ type: [HistoryEntryDto] }) history: HistoryEntryDto[];
  @ApiProperty({ type: [MessageDto] }) messages: MessageDto[];
  @ApiProperty({ type: [AttachmentDto], description: 'Files of the appeal, its messages and answers (a citizen does not see those of internal notes)' })
  attachments: AttachmentDto[];
  @ApiPropertyOptional({ enum: AppealChannel, enumName: 'AppealChannel', description: 'How the appeal came' }) channel?: AppealChannel;
  @ApiPropertyOptional({ format: 'date-time', nullable: true, type: String, description: 'When the body received an appeal an operator registered (its deadlines count from it)' })
  receivedAt?: string | null;
  @ApiPropertyOptional({ type: OrganisationViewDto, nullable: true, description: 'The legal entity the appeal is filed for' }) organisation?: OrganisationViewDto | null;
  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String, description: 'The main appeal this one was merged into (it gets its answer)' }) mergedIntoAppealId?: string | null;
}
