import { withinWorkingHours } from './working-hours';

describe('withinWorkingHours', () => {
  const office = { days: [1, 2, 3, 4, 5], from: '09:00', to: '18:00', timeZone: 'Europe/Moscow' };

  it('counts the local time of the department, not UTC', () => {
    // Monday 2026-03-02 06:30 UTC is 09:30 in Moscow.
    expect(withinWorkingHours(office, new Date('2026-03-02T06:30:00Z'))).toBe(true);
    expect(withinWorkingHours(office, new Date('2026-03-02T05:59:00Z'))).toBe(false);
    expect(withinWorkingHours(office, new Date('2026-03-02T15:00:00Z'))).toBe(false);
    expect(withinWorkingHours({ ...office, timeZone: 'Asia/Vladivostok' }, new Date('2026-03-02T00:30:00Z'))).toBe(true);
  });

  it('keeps weekends out', () => {
    expect(withinWorkingHours(office, new Date('2026-03-07T09:00:00Z'))).toBe(false);
  });

  it('lets a night shift cross midnight into the next day', () => {
    const night = { days: [5], from: '22:00', to: '06:00', timeZone: 'Europe/Moscow' };
    expect(withinWorkingHours(night, new Date('2026-03-06T20:00:00Z'))).toBe(true); // Friday 23:00
    expect(withinWorkingHours(night, new Date('2026-03-07T01:00:00Z'))).toBe(true); // Saturday 04:00
    expect(withinWorkingHours(night, new Date('2026-03-07T04:00:00Z'))).toBe(false); // Saturday 07:00
    expect(withinWorkingHours(night, new Date('2026-03-05T20:00:00Z'))).toBe(false); // Thursday 23:00
  });
});
