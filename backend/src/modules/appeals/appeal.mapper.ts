import {
  AnswerChannel,
  allowedCitizenActions,
  allowedStaffActions,
  AppealStatus,
  ApprovableBySetting,
  CitizenAction,
  HISTORY_EVENT_LABELS,
  HistoryEvent,
  Role,
  UNANSWERED_STATUSES,
} from '@otklik/shared/domain';
import { citizenContext, OVERSIGHT_ACTIONS, staffContext, toAnswerDto } from './appeal-context';
import { Answer } from './answer.entity';
import { Locale } from '../../common/i18n/messages';
import { AttachmentDto } from '../attachments/dto/attachment.dto';
import { AppealHistory } from './appeal-history.entity';
import { AppealMessage } from './appeal-message.entity';
import { Appeal } from './appeal.entity';
import {
  AppealClockState,
  AppealDepartmentDto,
  AppealDto,
  AppealExecutorDto,
  AppealSummaryDto,
  AppealTermDto,
  ContactViewDto,
  HistoryEntryDto,
  MessageDto,
  PendingProposalDto,
} from './dto/appeal-output.dto';
import type { DepartmentInfo } from '../users/department-tree.repository';
import type { StaffMember } from '../users/staff-directory.repository';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** The columns a list row's summary is built from (a page selects these and the queue's own). */
export const SUMMARY_COLUMNS = [
  'id',
  'number',
  'type',
  'status',
  'subject',
  'categoryId',
  'subcategoryId',
  'priority',
  'important',
  'overdue',
  'escalated',
  'escalatedToDepartmentId',
  'extended',
  'unidentified',
  'noAnswerRequired',
  'departmentId',
  'assigneeId',
  'createdAt',
  'registeredAt',
  'dueAt',
  'parentAppealId',
  'answerChannel',
  'version',
] as const satisfies readonly (keyof Appeal)[];

export type AppealSummarySource = Pick<Appeal, (typeof SUMMARY_COLUMNS)[number]>;

export function toSummary(a: AppealSummarySource): AppealSummaryDto {
  return {
    id: a.id,
    number: a.number,
    type: a.type,
    status: a.status,
    subject: a.subject,
    categoryId: a.categoryId,
    subcategoryId: a.subcategoryId,
    priority: a.priority,
    important: a.important,
    overdue: a.overdue,
    escalated: a.escalated,
    escalatedToDepartmentId: a.escalatedToDepartmentId,
    extended: a.extended,
    unidentified: a.unidentified,
    noAnswerRequired: a.noAnswerRequired,
    departmentId: a.departmentId,
    assigneeId: a.assigneeId,
    createdAt: a.createdAt.toISOString(),
    registeredAt: iso(a.registeredAt),
    dueAt: iso(a.dueAt),
    parentAppealId: a.parentAppealId,
    answerChannel: a.answerChannel,
    version: a.version,
  };
}

export function toHistoryEntry(h: AppealHistory, locale: Locale): HistoryEntryDto {
  return {
    id: h.id,
    event: h.event,
    label: HISTORY_EVENT_LABELS[h.event]?.[locale] ?? h.event,
    fromStatus: h.fromStatus,
    toStatus: h.toStatus,
    actorName: h.actorName,
    actorPosition: h.actorPosition,
    actorRole: h.actorRole,
    comment: h.comment,
    at: h.createdAt.toISOString(),
  };
}

export function toMessage(m: AppealMessage): MessageDto {
  return {
    id: m.id,
    text: m.body,
    authorRole: m.authorRole,
    authorName: m.authorName,
    internal: m.internal,
    createdAt: m.createdAt.toISOString(),
  };
}

/** Staff see contact details masked; revealing them (logged) is the identity issue's work. */
export function maskContact(contact: ContactViewDto): ContactViewDto {
  return {
    fullName: contact.fullName ? contact.fullName.split(/\s+/).map((w, i) => (i === 0 ? w : `${w.slice(0, 1)}.`)).join(' ') : undefined,
    phone: contact.phone ? `${contact.phone.slice(0, 2)}******${contact.phone.slice(-4)}` : undefined,
    email: contact.email ? contact.email.replace(/^(.).*(@.*)$/, '$1***$2') : undefined,
    address: contact.address ? `${contact.address.slice(0, 10)}…` : undefined,
  };
}

export function toCard(
  a: Appeal,
  view: {
    contact: ContactViewDto | null;
    history: AppealHistory[];
    messages: AppealMessage[];
    answer: Answer | null;
    attachments: AttachmentDto[];
    viewerRole: Role;
    handling: boolean;
    assigneeName: string | null;
    locale: Locale;
    now: Date;
    /** The handling department's approval setting (staff view). */
    approvalRequiredFor: readonly ApprovableBySetting[];
    department: DepartmentInfo | null;
    executor: Pick<StaffMember, 'fullName' | 'position'> | null;
    /** A gratitude's employee thanked. */
    thanked?: Pick<StaffMember, 'fullName' | 'position'> | null;
    /** CITIZEN_SEES_EXECUTOR_NAME: whether a citizen reads the executor's name (staff always do). */
    showExecutorName: boolean;
  },
): AppealDto {
  const citizen = view.viewerRole === Role.Citizen;
  return {
    ...toSummary(a),
    text: a.body,
    desiredAnswerDate: a.desiredAnswerDate,
    extraFields: a.extraFields,
    extraFieldsSchemaVersion: a.extraFieldsSchemaVersion ?? null,
    contact: view.contact && (citizen ? view.contact : maskContact(view.contact)),
    firstResponseDueAt: iso(a.firstResponseDueAt),
    closedAt: iso(a.closedAt),
    updatedAt: a.updatedAt.toISOString(),
    firstReactionAt: iso(a.firstReactionAt),
    answeredAt: iso(a.answeredAt),
    assigneeName: citizen ? undefined : view.assigneeName,
    department: view.department ? toDepartment(view.department, view.locale) : null,
    executor: view.executor ? toExecutor(view.executor, !citizen || view.showExecutorName) : null,
    term: toTerm(a, view.history),
    thankedEmployee: view.thanked ? toExecutor(view.thanked, !citizen || view.showExecutorName) : null,
    printAnswer: citizen ? undefined : a.answerChannel === AnswerChannel.Post && view.answer !== null,
    answerPrintedAt: citizen ? undefined : iso(a.answerPrintedAt),
    slaPaused: a.slaPausedAt !== null,
    documentsDueOn: a.documentsDueOn,
    correspondenceTerminated: a.correspondenceTerminated,
    unsuccessfulRounds: a.unsuccessfulRounds,
    rating: a.rating,
    ratingComment: a.ratingComment,
    rereview: citizen ? undefined : a.rereview,
    reviewOutcome: citizen ? undefined : a.reviewOutcome,
    reviewedAt: citizen ? undefined : (a.reviewedAt?.toISOString() ?? null),
    transferredToSedAt: citizen ? undefined : iso(a.transferredToSedAt),
    sedRegistrationNumber: citizen ? undefined : a.sedRegistrationNumber,
    answer: view.answer ? toAnswerDto(view.answer) : null,
    allowedActions: citizen
      ? allowedCitizenActions(a.status, citizenContext(a, view.now)).filter((x) => x !== (a.important ? CitizenAction.MarkImportant : CitizenAction.UnmarkImportant))
      : [],
    allowedStaffActions: citizen
      ? []
      : allowedStaffActions(a.status, { ...staffContext(a, view.now), role: view.viewerRole, approvalRequiredFor: view.approvalRequiredFor }).filter(
          (x) => view.handling || OVERSIGHT_ACTIONS.includes(x),
        ),
    pendingProposal: citizen ? undefined : toPendingProposal(a),
    history: view.history.map((h) => toHistoryEntry(h, view.locale)),
    messages: view.messages.filter((m) => !citizen || !m.internal).map(toMessage),
    attachments: view.attachments,
    channel: a.channel,
    receivedAt: iso(a.receivedAt),
    organisation: a.organisation,
    mergedIntoAppealId: a.mergedIntoAppealId,
  };
}

export function toDepartment(d: DepartmentInfo, locale: Locale): AppealDepartmentDto {
  return { id: d.id, name: locale === 'en' ? d.nameEn : d.nameRu, nameRu: d.nameRu, nameEn: d.nameEn };
}

export function toExecutor(e: Pick<StaffMember, 'fullName' | 'position'>, withName: boolean): AppealExecutorDto {
  return { position: e.position, name: withName ? e.fullName : null };
}

/** The term as the citizen reads it: the due date, and whether the clock runs, waits for them or has stopped. */
export function toTerm(a: Appeal, history: readonly AppealHistory[]): AppealTermDto {
  const open = UNANSWERED_STATUSES.includes(a.status);
  const state =
    a.status === AppealStatus.Draft || (!a.dueAt && open)
      ? AppealClockState.None
      : a.slaPausedAt !== null || a.status === AppealStatus.AwaitingCitizen
        ? AppealClockState.AwaitingCitizen
        : open
          ? AppealClockState.Running
          : AppealClockState.Stopped;
  const extension = a.extended ? [...history].reverse().find((h) => h.event === HistoryEvent.Extended) : undefined;
  return {
    state,
    dueAt: iso(a.dueAt),
    pausedSince: iso(a.slaPausedAt),
    documentsDueOn: state === AppealClockState.AwaitingCitizen ? a.documentsDueOn : null,
    extended: a.extended,
    extensionReason: extension?.comment ?? null,
    overdue: a.overdue,
  };
}

/** The proposal awaiting the supervisor, as staff see it on the card. */
function toPendingProposal(a: Appeal): PendingProposalDto | null {
  const p = a.pendingProposal;
  if (!p) return null;
  return {
    action: p.action,
    reason: p.reason,
    proposedBy: p.proposedBy,
    proposedByName: p.proposedByName,
    proposedAt: p.proposedAt,
    grounds: p.body.grounds ?? null,
    repeatsAppealIds: p.body.repeatsAppealIds ?? [],
    days: p.body.days ?? null,
    noticeText: p.body.noticeText ?? null,
  };
}
