import { CODE_MAX_ATTEMPTS, judgeCode } from './one-time-codes';

describe('judgeCode', () => {
  const now = new Date('2026-03-01T10:00:00Z');
  const stored = (over: Partial<{ codeHash: string; attempts: number; expiresAt: Date; consumedAt: Date | null }> = {}) => ({
    codeHash: 'aa'.repeat(32),
    attempts: 0,
    expiresAt: new Date(now.getTime() + 60_000),
    consumedAt: null,
    ...over,
  });

  it('accepts the right code once it is stored, unexpired and unused', () => {
    expect(judgeCode(stored(), 'aa'.repeat(32), now)).toBe('ok');
  });

  it('refuses a wrong code', () => {
    expect(judgeCode(stored(), 'bb'.repeat(32), now)).toBe('invalid');
  });

  it('refuses a used (consumed) code even when it matches', () => {
    expect(judgeCode(stored({ consumedAt: now }), 'aa'.repeat(32), now)).toBe('invalid');
  });

  it('refuses an expired code even when it matches', () => {
    expect(judgeCode(stored({ expiresAt: new Date(now.getTime() - 1) }), 'aa'.repeat(32), now)).toBe('expired');
  });

  it(`refuses after ${CODE_MAX_ATTEMPTS} attempts even when it matches`, () => {
    expect(judgeCode(stored({ attempts: CODE_MAX_ATTEMPTS }), 'aa'.repeat(32), now)).toBe('exhausted');
  });

  it('refuses when there is no code', () => {
    expect(judgeCode(null, 'aa'.repeat(32), now)).toBe('invalid');
  });
});
