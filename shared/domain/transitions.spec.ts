import fc from 'fast-check';
import { APPEAL_STATUSES, AppealStatus } from './appeal-status';
import { APPEAL_TYPES, AppealType } from './appeal-type';
import {
  allowedCitizenActions,
  CITIZEN_ACTIONS,
  CitizenAction,
  CitizenActionContext,
  CitizenActionNotAllowedError,
  citizenActionAllowed,
  nextStatus,
} from './transitions';

// DOMAIN.md «Citizen actions», written as a matrix independently of transitions.ts. A cell is
// the letter of the column when the status admits the action (before the context guards).
// Columns: submit, edit, withdraw, close, mark-, unmark-important, request-clarification,
// reopen, dispute, resubmit, escalate, rate, add-materials.
const COLUMNS = ['submit', 'edit', 'withdraw', 'close', 'mark-important', 'unmark-important', 'request-clarification', 'reopen', 'dispute', 'resubmit', 'escalate', 'rate', 'add-materials'];
const EXPECTED: Record<string, string> = {
  draft: '            S E . . . . . . . . . . .',
  registered: '       . E W C M U . . . . X . A',
  in_progress: '      . . W C M U . . . . X . A',
  awaiting_approval: '. . W C M U . . . . X . A',
  awaiting_citizen: ' . . W C M U . . . . X . A',
  resolved: '         . . . C M U Q O D . X R .',
  rejected: '         . . . C M U Q . D F X R .',
  closed: '           . . . . M U . O D F . R .',
  withdrawn: '        . . . . M U . . . . . . .',
};

function inTable(action: string, status: string): boolean {
  return EXPECTED[status].trim().split(/\s+/)[COLUMNS.indexOf(action)] !== '.';
}

/** The resulting status, or 'same' when the action leaves it unchanged. */
const EXPECTED_NEXT: Record<string, string> = {
  submit: 'registered',
  edit: 'same',
  withdraw: 'withdrawn',
  close: 'closed',
  'mark-important': 'same',
  'unmark-important': 'same',
  'request-clarification': 'in_progress',
  reopen: 'in_progress',
  dispute: 'same',
  resubmit: 'same',
  escalate: 'same',
  rate: 'same',
  'add-materials': 'awaiting_citizen→in_progress',
};

const NOW = new Date('2026-06-15T10:00:00Z');
const DAY = 86_400_000;

/** The context guards, again written from DOMAIN.md rather than from the code. */
function guardAllows(action: string, c: CitizenActionContext): boolean {
  const answered = !!c.answeredAt;
  switch (action) {
    case 'request-clarification':
    case 'resubmit':
      return answered;
    case 'reopen':
      return answered && c.type === AppealType.Question;
    case 'dispute':
      return answered && c.type !== AppealType.DecisionAppeal && NOW.getTime() - c.answeredAt!.getTime() <= 30 * DAY;
    case 'escalate':
      return !c.escalated && (!!c.overdue || (c.unsuccessfulRounds ?? 0) >= 2);
    case 'rate':
      return answered && !c.rated;
    default:
      return true;
  }
}

const contextArb: fc.Arbitrary<CitizenActionContext> = fc.record({
  type: fc.constantFrom(...APPEAL_TYPES),
  answeredAt: fc.option(fc.integer({ min: 0, max: 60 }).map((days) => new Date(NOW.getTime() - days * DAY - 1000)), { nil: null }),
  now: fc.constant(NOW),
  unsuccessfulRounds: fc.integer({ min: 0, max: 4 }),
  overdue: fc.boolean(),
  escalated: fc.boolean(),
  rated: fc.boolean(),
});

describe('citizen transitions', () => {
  it('has exactly the API action values', () => {
    expect([...CITIZEN_ACTIONS].sort()).toEqual([...COLUMNS].sort());
  });

  it('the matrix covers every status', () => {
    expect(Object.keys(EXPECTED).sort()).toEqual([...APPEAL_STATUSES].sort());
  });

  // Every status × every action, under every combination of the context facts: allowed exactly
  // when the status admits it and the guard of DOMAIN.md holds.
  it('status × action × context: allowed exactly when DOMAIN.md says', () => {
    fc.assert(
      fc.property(fc.constantFrom(...APPEAL_STATUSES), fc.constantFrom(...CITIZEN_ACTIONS), contextArb, (status, action, context) => {
        const allowed = inTable(action, status) && guardAllows(action, context);
        expect(citizenActionAllowed(action, status, context)).toBe(allowed);
        expect(allowedCitizenActions(status, context).includes(action)).toBe(allowed);
        if (allowed) {
          const next = EXPECTED_NEXT[action];
          const [before, after] = next.split('→');
          const current: string = status;
          const expected = next === 'same' ? status : after !== undefined ? (current === before ? after : status) : next;
          expect(nextStatus(action, status, context)).toBe(expected);
        } else {
          expect(() => nextStatus(action, status, context)).toThrow(CitizenActionNotAllowedError);
        }
      }),
      { numRuns: 5000 },
    );
  });

  it('a dispute is possible on day 30 after the answer and not on day 31', () => {
    const context = { type: AppealType.Complaint, now: NOW };
    expect(citizenActionAllowed(CitizenAction.Dispute, AppealStatus.Rejected, { ...context, answeredAt: new Date(NOW.getTime() - 30 * DAY) })).toBe(true);
    expect(citizenActionAllowed(CitizenAction.Dispute, AppealStatus.Rejected, { ...context, answeredAt: new Date(NOW.getTime() - 31 * DAY) })).toBe(false);
  });

  it('escalation needs two unsuccessful rounds or an overdue appeal, and happens once', () => {
    const status = AppealStatus.Resolved;
    expect(citizenActionAllowed(CitizenAction.Escalate, status, { unsuccessfulRounds: 1 })).toBe(false);
    expect(citizenActionAllowed(CitizenAction.Escalate, status, { unsuccessfulRounds: 2 })).toBe(true);
    expect(citizenActionAllowed(CitizenAction.Escalate, AppealStatus.InProgress, { overdue: true })).toBe(true);
    expect(citizenActionAllowed(CitizenAction.Escalate, AppealStatus.InProgress, { overdue: true, escalated: true })).toBe(false);
  });

  it('names the action and status in the error', () => {
    let error: unknown;
    try {
      nextStatus(CitizenAction.Withdraw, AppealStatus.Resolved);
    } catch (e) {
      error = e;
    }
    expect(error).toMatchObject({ code: 'CITIZEN_ACTION_NOT_ALLOWED', action: 'withdraw', status: 'resolved' });
  });

  it('hands out a copy, so callers cannot change the table', () => {
    allowedCitizenActions(AppealStatus.Draft).push(CitizenAction.Close);
    expect(citizenActionAllowed(CitizenAction.Close, AppealStatus.Draft)).toBe(false);
  });
});
