import { AppealStatus, HistoryEvent, Role } from '@otklik/shared/domain';
import { AppealStepPayload, DispatchedEvent, DOMAIN_EVENT_TYPES, DomainEventPayloads, DomainEventType, StepEvent } from '../../outbox/domain-event';
import { noticesOf as sut, NoticeTarget } from './event-notices';
import { NOTICE_KIND_SPECS, NOTICE_KINDS } from './notice-kinds';

const OPERATOR = 'operator-1';
const SUPERVISOR = 'supervisor-1';

function event<T extends DomainEventType>(eventType: T, payload: DomainEventPayloads[T]): DispatchedEvent {
  return { id: '1', version: 1, createdAt: '2026-12-05T10:00:00Z', eventType, aggregateType: 'appeal', aggregateId: 'a', payload } as DispatchedEvent;
}

function step(
  e: StepEvent,
  from: AppealStatus | null,
  to: AppealStatus,
  extra: Partial<AppealStepPayload> = {},
): DispatchedEvent {
  return event(`appeal.${e}`, {
    appealId: 'a',
    number: 12345678,
    citizenId: 'c',
    departmentId: 'd',
    type: 'complaint',
    from,
    to,
    actorId: OPERATOR,
    actorRole: Role.Operator,
    assigneeId: OPERATOR,
    ...extra,
  });
}

const citizenKind = (targets: NoticeTarget[]) => targets.filter((t) => t.to === 'citizen').map((t) => t.kind);
const staff = (targets: NoticeTarget[]) => targets.filter((t) => t.to !== 'citizen');
const S = AppealStatus;
const E = HistoryEvent;

describe('noticesOf', () => {
  describe('the citizen', () => {
    it.each([
      [E.Submitted, S.Draft, S.Registered, 'registered'],
      [E.Submitted, null, S.Registered, 'registered'],
      [E.DocumentsRequested, S.InProgress, S.AwaitingCitizen, 'documents_requested'],
      [E.Extended, S.InProgress, S.InProgress, 'extended'],
      // An approved extension proposal writes the extension's own event.
      [E.Extended, S.AwaitingApproval, S.InProgress, 'extended'],
      [E.Redirected, S.InProgress, S.Registered, 'redirected'],
      [E.NoAnswerRequired, S.Registered, S.Closed, 'law_notice'],
      [E.CorrespondenceTerminated, S.AwaitingApproval, S.Closed, 'law_notice'],
      [E.Answered, S.InProgress, S.Resolved, 'answer_ready'],
      [E.Answered, S.InProgress, S.AwaitingCitizen, 'answer_ready'],
      [E.Closed, S.Resolved, S.Closed, 'rating_requested'],
      [E.AutoClosed, S.Rejected, S.Closed, 'rating_requested'],
      // Closed by the citizen before any answer: nothing to rate.
      [E.Closed, S.InProgress, S.Closed, 'status_changed'],
      [E.Taken, S.Registered, S.InProgress, 'status_changed'],
      [E.Assigned, S.Registered, S.InProgress, 'status_changed'],
      [E.SentForApproval, S.InProgress, S.AwaitingApproval, 'status_changed'],
      [E.Approved, S.AwaitingApproval, S.InProgress, 'status_changed'],
      [E.ProposalMade, S.InProgress, S.AwaitingApproval, 'status_changed'],
      [E.ProposalReturned, S.AwaitingApproval, S.InProgress, 'status_changed'],
      [E.MaterialsAdded, S.AwaitingCitizen, S.InProgress, 'status_changed'],
      [E.ClarificationRequested, S.Resolved, S.InProgress, 'status_changed'],
      [E.Reopened, S.Resolved, S.InProgress, 'status_changed'],
      [E.Withdrawn, S.Registered, S.Withdrawn, 'status_changed'],
    ] as const)('%s %s → %s: %s', (e, from, to, kind) => {
      expect(citizenKind(sut(step(e, from, to)))).toEqual([kind]);
    });

    it('hears of no step that leaves the status as it was', () => {
      for (const e of [E.Assigned, E.Rated, E.Escalated, E.Disputed, E.Resubmitted, E.MarkedImportant, E.UnmarkedImportant, E.Rechecked, E.MaterialsAdded] as StepEvent[]) {
        expect(citizenKind(sut(step(e, S.InProgress, S.InProgress)))).toEqual([]);
      }
      expect(citizenKind(sut(step(E.Created, null, S.Draft)))).toEqual([]);
    });

    it('hears of EVERY status change, exactly once', () => {
      for (const e of Object.values(E).filter((x): x is StepEvent => x !== E.Overdue && x !== E.Created)) {
        expect(citizenKind(sut(step(e, S.InProgress, S.AwaitingApproval)))).toHaveLength(1);
      }
    });

    it("hears the supervisor's re-review outcome when a supervisor reopens the answered appeal", () => {
      const reopened = step(E.Reopened, S.Resolved, S.InProgress, { actorId: SUPERVISOR, actorRole: Role.Supervisor });
      expect(citizenKind(sut(reopened))).toEqual(['review_outcome']);
      expect(citizenKind(sut(step(E.Reopened, S.Closed, S.InProgress, { actorId: 'c', actorRole: Role.Citizen })))).toEqual(['status_changed']);
    });

    it("hears the recorded re-review's outcome, whether the answer stands or the appeal goes back to work; staff hear nothing of it", () => {
      const upheld = sut(step(E.Reviewed, S.Closed, S.Closed, { actorId: SUPERVISOR, actorRole: Role.Supervisor }));
      expect(citizenKind(upheld)).toEqual(['review_outcome']);
      expect(upheld.filter((t) => t.to !== 'citizen')).toEqual([]);
      expect(citizenKind(sut(step(E.Reviewed, S.Resolved, S.InProgress, { actorId: SUPERVISOR, actorRole: Role.Supervisor })))).toEqual(['review_outcome']);
    });

    it('hears of a staff message in the thread, not of an internal note nor of their own message', () => {
      const message = (authorRole: string) => event('appeal.message', { appealId: 'a', number: 1, citizenId: 'c', messageId: 'm', authorRole, assigneeId: OPERATOR });
      expect(sut(message(Role.Operator))).toEqual([{ kind: 'staff_reply', to: 'citizen' }]);
      expect(sut(message(Role.Supervisor))).toEqual([{ kind: 'staff_reply', to: 'citizen' }]);
      expect(citizenKind(sut(message(Role.Citizen)))).toEqual([]);
      expect(sut(event('appeal.internal_note', { appealId: 'a', number: 1, citizenId: 'c', messageId: 'm', authorRole: Role.Operator }))).toEqual([]);
    });

    it('is reminded of the documents due', () => {
      const due = event('appeal.documents_due_soon', {
        appealId: 'a',
        number: 1,
        citizenId: 'c',
        departmentId: 'd',
        type: 'complaint',
        status: S.AwaitingCitizen,
        documentsDueOn: '2026-12-10',
      });
      expect(sut(due)).toEqual([{ kind: 'documents_reminder', to: 'citizen' }]);
    });
  });

  describe('staff', () => {
    it('tell the department of a new appeal in its queue, and an auto-assignee of the assignment first', () => {
      expect(staff(sut(step(E.Submitted, S.Draft, S.Registered, { actorId: 'c', actorRole: Role.Citizen, assigneeId: null })))).toEqual([
        { kind: 'queue_new', to: 'department_staff' },
      ]);
      expect(staff(sut(step(E.Submitted, S.Draft, S.Registered, { actorId: 'c', actorRole: Role.Citizen, assigneeId: OPERATOR })))).toEqual([
        { kind: 'assigned', to: 'assignee' },
        { kind: 'queue_new', to: 'department_staff' },
      ]);
      // The general pool is a department too; without one, no queue to tell.
      expect(staff(sut(step(E.Submitted, S.Draft, S.Registered, { departmentId: null, assigneeId: null })))).toEqual([]);
    });

    it('tell the new department of a redirected appeal', () => {
      expect(sut(step(E.Redirected, S.InProgress, S.Registered, { assigneeId: null }))).toEqual([
        { kind: 'redirected', to: 'citizen' },
        { kind: 'queue_new', to: 'department_staff' },
      ]);
    });

    it('tell the assignee of an assignment by someone else, not of taking it oneself', () => {
      expect(staff(sut(step(E.Assigned, S.Registered, S.InProgress, { actorId: SUPERVISOR, assigneeId: OPERATOR })))).toEqual([{ kind: 'assigned', to: 'assignee' }]);
      expect(staff(sut(step(E.Assigned, S.InProgress, S.InProgress, { actorId: OPERATOR, assigneeId: OPERATOR })))).toEqual([]);
      expect(staff(sut(step(E.Taken, S.Registered, S.InProgress, { actorId: OPERATOR, assigneeId: OPERATOR })))).toEqual([]);
      // An event journaled before assigneeId was: the planner reads the appeal's assignee.
      expect(staff(sut(step(E.Assigned, S.Registered, S.InProgress, { assigneeId: undefined })))).toEqual([{ kind: 'assigned', to: 'assignee' }]);
    });

    it.each([E.MaterialsAdded, E.ClarificationRequested, E.Disputed] as StepEvent[])('tell the assignee of the citizen’s %s', (e) => {
      expect(staff(sut(step(e, S.Resolved, S.InProgress, { actorId: 'c', actorRole: Role.Citizen })))).toEqual([{ kind: 'citizen_reply', to: 'assignee' }]);
      expect(staff(sut(step(e, S.Resolved, S.InProgress, { actorId: 'c', actorRole: Role.Citizen, assigneeId: null })))).toEqual([
        { kind: 'citizen_reply', to: 'department_staff' },
      ]);
    });

    it('tell the assignee of a citizen’s message (the department when nobody is assigned)', () => {
      const message = (assigneeId: string | null | undefined) => event('appeal.message', { appealId: 'a', number: 1, citizenId: 'c', messageId: 'm', authorRole: Role.Citizen, assigneeId });
      expect(sut(message(OPERATOR))).toEqual([{ kind: 'citizen_reply', to: 'assignee' }]);
      expect(sut(message(undefined))).toEqual([{ kind: 'citizen_reply', to: 'assignee' }]);
      expect(sut(message(null))).toEqual([{ kind: 'citizen_reply', to: 'department_staff' }]);
    });

    it('tell the assignee of a rating below 3 only', () => {
      for (const score of [1, 2]) expect(sut(step(E.Rated, S.Resolved, S.Resolved, { score }))).toEqual([{ kind: 'low_rating', to: 'assignee' }]);
      for (const score of [3, 4, 5]) expect(sut(step(E.Rated, S.Resolved, S.Resolved, { score }))).toEqual([]);
      expect(sut(step(E.Rated, S.Resolved, S.Resolved))).toEqual([]);
    });

    it('tell the supervisors of a proposal and the assignee of its return', () => {
      expect(staff(sut(step(E.ProposalMade, S.InProgress, S.AwaitingApproval, { recipients: [SUPERVISOR] })))).toEqual([
        { kind: 'approval_requested', to: 'payload_recipients' },
      ]);
      expect(staff(sut(step(E.ProposalReturned, S.AwaitingApproval, S.InProgress, { actorId: SUPERVISOR })))).toEqual([{ kind: 'approval_returned', to: 'assignee' }]);
    });

    it('tell those the scheduler names of deadlines', () => {
      const base = { appealId: 'a', number: 1, departmentId: 'd', type: 'complaint', status: S.InProgress, assigneeId: OPERATOR, recipients: [OPERATOR] };
      expect(sut(event('appeal.deadline_approaching', { ...base, dueAt: 'x' }))).toEqual([{ kind: 'due_soon', to: 'payload_recipients' }]);
      expect(sut(event('appeal.first_reaction_overdue', { ...base, firstResponseDueAt: 'x', headsDepartmentId: 'd' }))).toEqual([
        { kind: 'first_reaction_overdue', to: 'payload_recipients' },
      ]);
      const overdue = {
        ...(step(E.Escalated, S.InProgress, S.InProgress).payload as AppealStepPayload),
        dueAt: 'x',
        overdueAt: 'y',
        assigneeId: OPERATOR,
        recipients: [SUPERVISOR],
        headsDepartmentId: 'd',
        escalatedToDepartmentId: 'p',
      };
      expect(sut(event('appeal.overdue', overdue))).toEqual([{ kind: 'overdue', to: 'payload_recipients' }]);
    });

    it('tell the heads the step names of an escalation (the citizen’s or staff’s), once, and the citizen nothing', () => {
      const byCitizen = step(E.Escalated, S.Resolved, S.Resolved, { actorId: 'c', actorRole: Role.Citizen, recipients: [SUPERVISOR] });
      const byStaff = step(E.Escalated, S.InProgress, S.InProgress, { recipients: [SUPERVISOR] });
      for (const e of [byCitizen, byStaff]) expect(sut(e)).toEqual([{ kind: 'escalated_to_department', to: 'payload_recipients' }]);
      // The overdue tick's escalation is its overdue notice alone.
      const overdue = { ...(byStaff.payload as AppealStepPayload), dueAt: 'x', overdueAt: 'y', assigneeId: OPERATOR, recipients: [SUPERVISOR], headsDepartmentId: 'd', escalatedToDepartmentId: 'p' };
      expect(sut(event('appeal.overdue', overdue)).map((t) => t.kind)).not.toContain('escalated_to_department');
    });

    it('tell those named of an infected file', () => {
      const infected = event('appeal.file_infected', {
        appealId: 'a',
        number: 1,
        attachmentId: 'f',
        fileName: 'x.pdf',
        departmentId: 'd',
        assigneeId: null,
        recipients: [SUPERVISOR],
      });
      expect(sut(infected)).toEqual([{ kind: 'infected_file', to: 'payload_recipients' }]);
    });
  });

  it('gives each audience one notice per event and kinds of the right audience', () => {
    const statuses = Object.values(S);
    for (const type of DOMAIN_EVENT_TYPES.filter((t) => t.startsWith('appeal.') && !['appeal.overdue'].includes(t))) {
      const e = type.slice('appeal.'.length) as StepEvent;
      if (!Object.values(E).includes(e)) continue;
      for (const from of statuses) {
        for (const to of statuses) {
          const targets = sut(step(e, from, to, { score: 1, assigneeId: OPERATOR, actorId: SUPERVISOR, actorRole: Role.Supervisor }));
          const audiences = targets.map((t) => t.to);
          expect(new Set(audiences).size).toBe(audiences.length);
          for (const t of targets) {
            expect(NOTICE_KINDS).toContain(t.kind);
            expect(NOTICE_KIND_SPECS[t.kind].audience).toBe(t.to === 'citizen' ? 'citizen' : 'staff');
          }
        }
      }
    }
  });

  it('knows every event type', () => {
    for (const type of DOMAIN_EVENT_TYPES) expect(() => sut(event(type, step(E.Taken, S.Registered, S.InProgress).payload as never))).not.toThrow();
  });
});
