import fc from 'fast-check';
import { APPEAL_STATUSES, AppealStatus } from './appeal-status';
import { Role } from './role';
import {
  AnswerResult,
  APPROVABLE_BY_SETTING,
  ProposableAction,
  PROPOSED_ACTION,
  StaffActionContext,
  staffRoleRefusal,
  SUPERVISOR_ACTIONS,
  allowedStaffActions,
  nextStatusForStaff,
  STAFF_ACTIONS,
  StaffAction,
  StaffActionNotAllowedError,
  staffActionAllowed,
} from './staff-transitions';

// Written independently of the implementation: rows are statuses, columns the actions in
// STAFF_ACTIONS order (take assign request-documents send-for-approval approve redirect extend
// no-answer-required terminate-correspondence reopen answer propose-termination propose-extension
// propose-no-answer approve-proposal return-proposal return-answer); the cell is the resulting status, '=' for
// "unchanged", '.' for "not allowed". No role and no pending proposal: the status-level rules.
const COLUMNS = [
  'take',
  'assign',
  'request-documents',
  'send-for-approval',
  'approve',
  'redirect',
  'extend',
  'no-answer-required',
  'terminate-correspondence',
  'reopen',
  'answer',
  'propose-termination',
  'propose-extension',
  'propose-no-answer',
  'approve-proposal',
  'return-proposal',
  'return-answer',
  'record-review',
  'escalate',
  'reclassify',
];
const AA = 'awaiting_approval';
const EXPECTED: Record<AppealStatus, string> = {
  draft: '.           .           .                .               .           .           .  .       .       .           .  .  .  .  .  . . . . .',
  registered: `in_progress in_progress .                .               .           registered  =  closed  closed  .           .  ${AA} ${AA} ${AA} . . . . = =`,
  in_progress: `.           =           awaiting_citizen awaiting_approval .         registered  =  closed  closed  .           *  ${AA} ${AA} ${AA} . . . . = =`,
  awaiting_approval: '.      =           .                .               in_progress .           =  .       .       .           *  .  .  .  .  . in_progress . = =',
  awaiting_citizen: '.       =           .                .               .           .           =  .       .       .           .  .  .  .  .  . . . = =',
  resolved: '.           .           .                .               .           .           .  .       .       in_progress .  .  .  .  .  . . . . .',
  rejected: '.           .           .                .               .           .           .  .       .       in_progress .  .  .  .  .  . . . . .',
  closed: '.             .           .                .               .           .           .  .       .       in_progress .  .  .  .  .  . . . . .',
  withdrawn: '.          .           .                .               .           .           .  .       .       .           .  .  .  .  .  . . . . .',
};

const cell = (status: AppealStatus, action: StaffAction) => EXPECTED[status].trim().split(/\s+/)[COLUMNS.indexOf(action)];

describe('staff transitions', () => {
  it("record-review: a supervisor's, only for an answered or closed appeal on the re-review list; the status stays", () => {
    for (const status of [AppealStatus.Resolved, AppealStatus.Rejected, AppealStatus.Closed]) {
      expect(staffActionAllowed(StaffAction.RecordReview, status, { rereview: true })).toBe(true);
      expect(staffActionAllowed(StaffAction.RecordReview, status, { rereview: false })).toBe(false);
      expect(staffActionAllowed(StaffAction.RecordReview, status, { rereview: true, role: Role.Supervisor })).toBe(true);
      expect(staffRoleRefusal(StaffAction.RecordReview, { role: Role.Operator })).toBe('supervisor_only');
      expect(nextStatusForStaff(StaffAction.RecordReview, status, { rereview: true })).toBe(status);
    }
    expect(staffActionAllowed(StaffAction.RecordReview, AppealStatus.InProgress, { rereview: true })).toBe(false);
  });

  it('escalate: any staff role, on an open unanswered appeal not yet escalated; the status stays', () => {
    for (const status of [AppealStatus.Registered, AppealStatus.InProgress, AppealStatus.AwaitingApproval, AppealStatus.AwaitingCitizen]) {
      for (const role of [Role.Operator, Role.Supervisor]) expect(staffActionAllowed(StaffAction.Escalate, status, { role })).toBe(true);
      expect(staffActionAllowed(StaffAction.Escalate, status, { escalated: true })).toBe(false);
      expect(nextStatusForStaff(StaffAction.Escalate, status)).toBe(status);
    }
    for (const status of [AppealStatus.Draft, AppealStatus.Resolved, AppealStatus.Rejected, AppealStatus.Closed, AppealStatus.Withdrawn]) {
      expect(staffActionAllowed(StaffAction.Escalate, status)).toBe(false);
    }
  });

  it('reclassify: any staff role, on any open appeal (a proposal pending or not); the status stays; never on a closed one', () => {
    for (const status of [AppealStatus.Registered, AppealStatus.InProgress, AppealStatus.AwaitingApproval, AppealStatus.AwaitingCitizen]) {
      for (const role of [Role.Operator, Role.Supervisor]) expect(staffActionAllowed(StaffAction.Reclassify, status, { role, escalated: true })).toBe(true);
      expect(nextStatusForStaff(StaffAction.Reclassify, status)).toBe(status);
    }
    for (const status of [AppealStatus.Draft, AppealStatus.Resolved, AppealStatus.Rejected, AppealStatus.Closed, AppealStatus.Withdrawn]) {
      expect(staffActionAllowed(StaffAction.Reclassify, status)).toBe(false);
    }
  });

  it('the columns name every staff action, in order', () => {
    expect(COLUMNS).toEqual(STAFF_ACTIONS);
  });

  const matrix = APPEAL_STATUSES.flatMap((status) => STAFF_ACTIONS.map((action) => [status, action] as const));

  it.each(matrix)('%s × %s is allowed exactly as the table says, with the expected result', (status, action) => {
    const expected = cell(status, action);
    expect(staffActionAllowed(action, status)).toBe(expected !== '.');
    if (expected === '.') {
      expect(() => nextStatusForStaff(action, status, {}, AnswerResult.Done)).toThrow(StaffActionNotAllowedError);
    } else if (expected === '*') {
      expect(nextStatusForStaff(action, status, {}, AnswerResult.Done)).toBe(AppealStatus.Resolved);
      expect(nextStatusForStaff(action, status, {}, AnswerResult.Refused)).toBe(AppealStatus.Rejected);
      expect(nextStatusForStaff(action, status, {}, AnswerResult.ClarificationNeeded)).toBe(AppealStatus.AwaitingCitizen);
    } else {
      expect(nextStatusForStaff(action, status)).toBe(expected === '=' ? status : expected);
    }
  });

  it('an answer needs a result', () => {
    expect(() => nextStatusForStaff(StaffAction.Answer, AppealStatus.InProgress)).toThrow('An answer needs a result');
  });

  it('extends a deadline once', () => {
    expect(staffActionAllowed(StaffAction.Extend, AppealStatus.InProgress, { extended: false })).toBe(true);
    expect(staffActionAllowed(StaffAction.Extend, AppealStatus.InProgress, { extended: true })).toBe(false);
    expect(allowedStaffActions(AppealStatus.InProgress, { extended: true })).not.toContain(StaffAction.Extend);
  });

  it('asks for documents only when the author can send them: not on an appeal filed without an account', () => {
    expect(staffActionAllowed(StaffAction.RequestDocuments, AppealStatus.InProgress, { unidentified: false })).toBe(true);
    expect(staffActionAllowed(StaffAction.RequestDocuments, AppealStatus.InProgress, { unidentified: true })).toBe(false);
    expect(allowedStaffActions(AppealStatus.InProgress, { unidentified: true })).not.toContain(StaffAction.RequestDocuments);
  });

  it('redirects within 7 days of registration by default, or the configured number of days', () => {
    const registeredAt = new Date('2026-05-04T09:00:00Z');
    const at = (iso: string, days?: number) =>
      staffActionAllowed(StaffAction.Redirect, AppealStatus.Registered, { registeredAt, now: new Date(iso), redirectDays: days });
    expect(at('2026-05-11T09:00:00Z')).toBe(true);
    expect(at('2026-05-11T09:00:01Z')).toBe(false);
    expect(at('2026-05-12T09:00:00Z', 10)).toBe(true);
    expect(nextStatusForStaff(StaffAction.Redirect, AppealStatus.InProgress, { registeredAt, now: new Date('2026-05-05T00:00:00Z') })).toBe(
      AppealStatus.Registered,
    );
  });

  describe('59-ФЗ guardrails: proposals and approvals', () => {
    const operator = (extra: StaffActionContext = {}): StaffActionContext => ({ role: Role.Operator, ...extra });
    const supervisor = (extra: StaffActionContext = {}): StaffActionContext => ({ role: Role.Supervisor, ...extra });

    it('an operator never terminates correspondence: they propose it; a supervisor terminates and does not propose', () => {
      for (const status of [AppealStatus.Registered, AppealStatus.InProgress]) {
        expect(allowedStaffActions(status, operator())).toContain(StaffAction.ProposeTermination);
        expect(allowedStaffActions(status, operator())).not.toContain(StaffAction.TerminateCorrespondence);
        expect(staffRoleRefusal(StaffAction.TerminateCorrespondence, operator())).toBe('approval_required');
        expect(allowedStaffActions(status, supervisor())).toContain(StaffAction.TerminateCorrespondence);
        expect(allowedStaffActions(status, supervisor())).not.toContain(StaffAction.ProposeTermination);
      }
    });

    it('extension and no-answer need a proposal only where the department asks for approval', () => {
      const free = allowedStaffActions(AppealStatus.InProgress, operator());
      expect(free).toEqual(expect.arrayContaining([StaffAction.Extend, StaffAction.NoAnswerRequired]));
      expect(free).not.toEqual(expect.arrayContaining([StaffAction.ProposeExtension]));
      expect(free).not.toContain(StaffAction.ProposeNoAnswer);
      const guarded = allowedStaffActions(AppealStatus.InProgress, operator({ approvalRequiredFor: [StaffAction.Extend, StaffAction.NoAnswerRequired] }));
      expect(guarded).toEqual(expect.arrayContaining([StaffAction.ProposeExtension, StaffAction.ProposeNoAnswer]));
      expect(guarded).not.toContain(StaffAction.Extend);
      expect(guarded).not.toContain(StaffAction.NoAnswerRequired);
      expect(staffRoleRefusal(StaffAction.Extend, operator({ approvalRequiredFor: [StaffAction.Extend] }))).toBe('approval_required');
      // The supervisor acts directly either way.
      expect(allowedStaffActions(AppealStatus.InProgress, supervisor({ approvalRequiredFor: [StaffAction.Extend] }))).toContain(StaffAction.Extend);
      // An extension already used is not proposed either.
      expect(allowedStaffActions(AppealStatus.InProgress, operator({ approvalRequiredFor: [StaffAction.Extend], extended: true }))).not.toContain(StaffAction.ProposeExtension);
    });

    it.each([
      [StaffAction.TerminateCorrespondence, AppealStatus.Closed],
      [StaffAction.NoAnswerRequired, AppealStatus.Closed],
      [StaffAction.Extend, AppealStatus.InProgress],
    ] as const)('a pending %s proposal: the supervisor approves (→ %s) or returns it (→ in_progress); nothing else but assign, escalate and reclassify', (proposed, after) => {
      const pending = supervisor({ pendingProposal: proposed });
      expect(allowedStaffActions(AppealStatus.AwaitingApproval, pending).sort()).toEqual(
        [StaffAction.Assign, StaffAction.ApproveProposal, StaffAction.ReturnProposal, StaffAction.Escalate, StaffAction.Reclassify].sort(),
      );
      expect(nextStatusForStaff(StaffAction.ApproveProposal, AppealStatus.AwaitingApproval, pending)).toBe(after);
      expect(nextStatusForStaff(StaffAction.ReturnProposal, AppealStatus.AwaitingApproval, pending)).toBe(AppealStatus.InProgress);
      // The operator waits: neither decision nor the answer is theirs meanwhile.
      expect(allowedStaffActions(AppealStatus.AwaitingApproval, operator({ pendingProposal: proposed }))).toEqual([StaffAction.Assign, StaffAction.Escalate, StaffAction.Reclassify]);
    });

    it('every proposal names the action it asks for, and that action is one the supervisor takes or the setting guards', () => {
      for (const [proposal, proposed] of Object.entries(PROPOSED_ACTION)) {
        expect(nextStatusForStaff(proposal as StaffAction, AppealStatus.InProgress, { approvalRequiredFor: [...APPROVABLE_BY_SETTING] })).toBe(AppealStatus.AwaitingApproval);
        expect(SUPERVISOR_ACTIONS.includes(proposed) || (APPROVABLE_BY_SETTING as readonly StaffAction[]).includes(proposed)).toBe(true);
      }
    });

    const contexts = fc.record({
      role: fc.constantFrom(Role.Operator, Role.Supervisor),
      pendingProposal: fc.constantFrom<ProposableAction | null>(null, ...Object.values(PROPOSED_ACTION)),
      approvalRequiredFor: fc.subarray([...APPROVABLE_BY_SETTING]),
      extended: fc.boolean(),
      unidentified: fc.boolean(),
    });

    it('property: a role only narrows what the status allows; operators never decide, supervisors never propose', () => {
      fc.assert(
        fc.property(fc.constantFrom(...APPEAL_STATUSES), contexts, (status, context) => {
          const allowed = allowedStaffActions(status, context);
          const { role, ...withoutRole } = context;
          expect(allowed.every((a) => allowedStaffActions(status, withoutRole).includes(a))).toBe(true);
          if (role === Role.Operator) expect(allowed.filter((a) => SUPERVISOR_ACTIONS.includes(a))).toEqual([]);
          if (role === Role.Supervisor) expect(allowed.filter((a) => a in PROPOSED_ACTION)).toEqual([]);
          // An operator in a department that asks for approval cannot do that action alone, in any status.
          for (const guarded of context.approvalRequiredFor) if (role === Role.Operator) expect(allowed).not.toContain(guarded);
        }),
      );
    });

    it('property: no way to a closed appeal by termination that skips a supervisor', () => {
      fc.assert(
        fc.property(fc.constantFrom(...APPEAL_STATUSES), contexts, (status, context) => {
          for (const action of allowedStaffActions(status, context)) {
            const terminates = action === StaffAction.TerminateCorrespondence || (action === StaffAction.ApproveProposal && context.pendingProposal === StaffAction.TerminateCorrespondence);
            if (terminates) expect(context.role).toBe(Role.Supervisor);
            // A proposal always waits for the decision; a decision on one always ends the wait.
            if (action in PROPOSED_ACTION) expect(nextStatusForStaff(action, status, context)).toBe(AppealStatus.AwaitingApproval);
            if (action === StaffAction.ReturnProposal || action === StaffAction.ApproveProposal) {
              expect(nextStatusForStaff(action, status, context)).not.toBe(AppealStatus.AwaitingApproval);
            }
          }
        }),
      );
    });
  });
});
