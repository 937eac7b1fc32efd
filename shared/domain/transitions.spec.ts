import { APPEAL_STATUSES, AppealStatus } from './appeal-status';
import {
  allowedCitizenActions,
  CITIZEN_ACTIONS,
  CitizenAction,
  CitizenActionNotAllowedError,
  citizenActionAllowed,
  nextStatus,
} from './transitions';

// The brief's rules, written as a matrix independently of transitions.ts.
// Columns: submit, edit, withdraw, close, mark-important, unmark-important.
const EXPECTED: Record<string, string> = {
  draft: 'S E . . . .',
  registered: '. E W C M U',
  in_progress: '. . W C M U',
  awaiting_approval: '. . W C M U',
  awaiting_citizen: '. . W C M U',
  resolved: '. . . C M U',
  rejected: '. . . C M U',
  closed: '. . . . M U',
  withdrawn: '. . . . M U',
};
const COLUMNS = ['submit', 'edit', 'withdraw', 'close', 'mark-important', 'unmark-important'];

function expectedAllowed(action: string, status: string): boolean {
  const cells = EXPECTED[status].split(' ');
  return cells[COLUMNS.indexOf(action)] !== '.';
}

/** The resulting status, or 'same' when the action leaves it unchanged. */
const EXPECTED_NEXT: Record<string, string> = {
  submit: 'registered',
  edit: 'same',
  withdraw: 'withdrawn',
  close: 'closed',
  'mark-important': 'same',
  'unmark-important': 'same',
};

describe('citizen transitions', () => {
  it('has exactly the API action values', () => {
    expect([...CITIZEN_ACTIONS].sort()).toEqual([...COLUMNS].sort());
  });

  it('the matrix covers every status', () => {
    expect(Object.keys(EXPECTED).sort()).toEqual([...APPEAL_STATUSES].sort());
  });

  const cases = APPEAL_STATUSES.flatMap((status) => CITIZEN_ACTIONS.map((action) => [status, action] as const));

  it.each(cases)('%s × %s', (status, action) => {
    const allowed = expectedAllowed(action, status);
    expect(citizenActionAllowed(action, status)).toBe(allowed);
    expect(allowedCitizenActions(status).includes(action)).toBe(allowed);
    if (allowed) {
      const next = EXPECTED_NEXT[action];
      expect(nextStatus(action, status)).toBe(next === 'same' ? status : next);
    } else {
      expect(() => nextStatus(action, status)).toThrow(CitizenActionNotAllowedError);
    }
  });

  it('names the action and status in the error', () => {
    let error: unknown;
    try {
      nextStatus(CitizenAction.Withdraw, AppealStatus.Resolved);
    } catch (e) {
      error = e;
    }
    expect(error).toMatchObject({
      code: 'CITIZEN_ACTION_NOT_ALLOWED',
      action: 'withdraw',
      status: 'resolved',
    });
  });

  it('hands out a copy, so callers cannot change the table', () => {
    allowedCitizenActions(AppealStatus.Draft).push(CitizenAction.Close);
    expect(citizenActionAllowed(CitizenAction.Close, AppealStatus.Draft)).toBe(false);
  });
});
