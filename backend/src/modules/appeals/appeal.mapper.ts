import { allowedCitizenActions, allowedStaffActions, ApprovableBySetting, CitizenAction, HISTORY_EVENT_LABELS, Role } from '@otklik/shared/domain';
import { citizenContext, OVERSIGHT_ACTIONS, staffContext, toAnswerDto } from './appeal-context';
import { Answer } from './answer.entity';
import { Locale } from '../../common/i18n/messages';
import { AttachmentDto } from '../attachments/dto/attachment.dto';
import { AppealHistory } from './appeal-history.entity';
import { AppealMessage } from './appeal-message.entity';
import { Appeal } from './appeal.entity';
import { AppealDto, AppealSummaryDto, ContactViewDto, HistoryEntryDto, MessageDto, PendingProposalDto } from './dto/appeal-output.dto';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function toSummary(a: Appeal): AppealSummaryDto {
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
