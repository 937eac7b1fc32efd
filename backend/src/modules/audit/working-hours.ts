import type { WorkingHours } from '../users/department-tree.repository';

/** The local weekday (1 Monday … 7 Sunday) and minutes since midnight of an instant in a time zone. */
function localOf(at: Date, timeZone: string): { day: number; minutes: number } {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone, weekday: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(at);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  const day = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'].indexOf(get('weekday')) + 1;
  return { day, minutes: Number(get('hour')) * 60 + Number(get('minute')) };
}

const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/**
 * Whether an instant falls within a department's working hours. A span whose end is not after its
 * start crosses midnight (22:00–06:00 is a night shift): its early-morning part belongs to the day
 * the shift started.
 */
export function withinWorkingHours(hours: WorkingHours, at: Date): boolean {
  const { day, minutes } = localOf(at, hours.timeZone);
  const from = minutesOf(hours.from);
  const to = minutesOf(hours.to);
  if (from < to) return hours.days.includes(day) && minutes >= from && minutes < to;
  const previous = day === 1 ? 7 : day - 1;
  return (hours.days.includes(day) && minutes >= from) || (hours.days.includes(previous) && minutes < to);
}

/** Whether the runtime knows the IANA time zone. */
export function isTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone });
    return true;
  } catch {
    return false;
  }
}
