import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import type { Schemas } from '@otklik/shared/api/client';
import { API } from '../../../core/api/api-client';
import { I18n } from '../../../core/i18n/i18n.service';
import { problemText } from './problem-text';

type CalendarYear = Schemas['CalendarYearDto'];
type AppealType = Schemas['AppealType'];
type Preview = Schemas['DeadlinePreviewDto'];
/** A day as the grid shows it; a click cycles working → short → day off → holiday → working. */
export type DayState = 'working' | 'short' | 'off' | 'holiday';
const CYCLE: readonly DayState[] = ['working', 'short', 'off', 'holiday'];

interface Day {
  date: string;
  day: number;
  weekend: boolean;
  state: DayState;
}
interface Month {
  index: number;
  lead: number[];
  days: Day[];
}


const isWeekend = (date: string) => [0, 6].includes(new Date(`${date}T00:00:00Z`).getUTCDay());

/** A year's states from the API's lists (an unlisted weekday works, an unlisted weekend rests). */
export function statesOf(year: CalendarYear): Map<string, DayState> {
  const states = new Map<string, DayState>();
  const holidays = new Set(year.holidays);
  const nonWorking = new Set(year.nonWorking);
  const working = new Set(year.working);
  const shortened = new Set(year.shortened);
  for (let t = Date.UTC(year.year, 0, 1); t < Date.UTC(year.year + 1, 0, 1); t += 86_400_000) {
    const date = new Date(t).toISOString().slice(0, 10);
    let state: DayState = isWeekend(date) ? 'off' : 'working';
    if (working.has(date)) state = 'working';
    if (nonWorking.has(date)) state = 'off';
    if (holidays.has(date)) state = 'holiday';
    if (shortened.has(date)) state = 'short';
    states.set(date, state);
  }
  return states;
}

/** The lists the API takes for a year's states. */
export function listsOf(states: Map<string, DayState>): { nonWorking: string[]; working: string[]; shortened: string[]; holidays: string[] } {
  const lists = { nonWorking: [] as string[], working: [] as string[], shortened: [] as string[], holidays: [] as string[] };
  for (const [date, state] of states) {
    const weekend = isWeekend(date);
    if (state === 'off' || state === 'holiday') {
      if (!weekend) lists.nonWorking.push(date);
      if (state === 'holiday') lists.holidays.push(date);
    } else {
      if (weekend) lists.working.push(date);
      if (state === 'short') lists.shortened.push(date);
    }
  }
  return lists;
}

/**
 * The production calendar (admins): a year as a grid of months, a click on a day cycles its kind;
 * saving replaces the year. A year can be imported from an xmlcalendar file (XML or JSON), and
 * the deadline preview shows what an appeal registered at a given moment would get.
 */
@Component({
  selector: 'ok-calendar-page',
  imports: [MatButtonModule],
  templateUrl: './calendar.page.html',
  styleUrls: ['../admin-forms.scss', './calendar.page.scss'],
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CalendarPage {
  private readonly api = inject(API);
  protected readonly i18n = inject(I18n);
  protected readonly t = this.i18n.t;

  protected readonly year = signal(new Date().getUTCFullYear());
  protected readonly loaded = signal<CalendarYear | null>(null);
  protected readonly states = signal(new Map<string, DayState>());
  protected readonly dirty = signal(false);
  protected readonly busy = signal(false);
  protected readonly error = signal('');
  protected readonly status = signal('');
  protected readonly types = signal<AppealType[]>([]);
  protected readonly previewFrom = signal('');
  protected readonly previewType = signal<AppealType>('question');
  protected readonly preview = signal<Preview | null>(null);
  protected readonly weekdays = [1, 2, 3, 4, 5, 6, 0];
  protected readonly legend: readonly DayState[] = CYCLE;

  protected readonly months = computed<Month[]>(() => {
    const y = this.year();
    const states = this.states();
    return Array.from({ length: 12 }, (_, m) => {
      const count = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
      const firstWeekday = new Date(Date.UTC(y, m, 1)).getUTCDay();
      const lead = Array.from({ length: (firstWeekday + 6) % 7 }, (_, i) => i);
      const days = Array.from({ length: count }, (_, d) => {
        const date = `${y}-${String(m + 1).padStart(2, '0')}-${String(d + 1).padStart(2, '0')}`;
        return { date, day: d + 1, weekend: isWeekend(date), state: states.get(date) ?? (isWeekend(date) ? 'off' : 'working') };
      });
      return { index: m, lead, days };
    });
  });
  protected readonly workingDays = computed(() => [...this.states().values()].filter((s) => s === 'working' || s === 'short').length);

  constructor() {
    void this.load();
    void this.api.GET('/api/v1/catalog/appeal-types').then(({ data }) => this.types.set((data ?? []).map((x) => x.code)));
  }

  protected async load(): Promise<void> {
    this.error.set('');
    const { data, error } = await this.api.GET('/api/v1/admin/calendar/{year}', { params: { path: { year: this.year() } } });
    if (!data) return this.error.set(problemText(error));
    this.loaded.set(data);
    this.states.set(statesOf(data));
    this.dirty.set(false);
  }

  protected text(event: Event): string {
    return (event.target as HTMLInputElement).value;
  }

  protected changeYear(value: string): void {
    const y = Number(value);
    if (!Number.isInteger(y) || y < 1990 || y > 2200) return;
    this.year.set(y);
    void this.load();
  }

  protected monthName(index: number): string {
    return new Intl.DateTimeFormat(this.i18n.lang(), { month: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(2000, index, 1)));
  }

  protected weekdayName(day: number): string {
    return new Intl.DateTimeFormat(this.i18n.lang(), { weekday: 'short', timeZone: 'UTC' }).format(new Date(Date.UTC(2023, 0, 1 + day)));
  }

  protected unitLabel(unit: Schemas['DeadlineUnit']): string {
    return this.t(`admin.calendar.unit.${unit}` as const);
  }

  protected stateLabel(state: DayState): string {
    return this.t(`admin.calendar.state.${state}` as const);
  }

  protected dayLabel(day: Day): string {
    // The name starts with the number shown on the button (WCAG 2.5.3, label in name).
    return `${day.day} (${this.i18n.date(day.date)}): ${this.stateLabel(day.state)}`;
  }

  protected cycle(day: Day): void {
    const next = CYCLE[(CYCLE.indexOf(day.state) + 1) % CYCLE.length];
    this.states.update((all) => new Map(all).set(day.date, next));
    this.dirty.set(true);
  }

  protected async save(): Promise<void> {
    this.busy.set(true);
    this.error.set('');
    try {
      const { data, error } = await this.api.PUT('/api/v1/admin/calendar/{year}', { params: { path: { year: this.year() } }, body: listsOf(this.states()) });
      if (!data) return this.error.set(problemText(error));
      this.loaded.set(data);
      this.states.set(statesOf(data));
      this.dirty.set(false);
      this.status.set(this.t('admin.calendar.saved', { year: data.year }));
    } finally {
      this.busy.set(false);
    }
  }

  /** Reads the chosen xmlcalendar file (XML or JSON, told apart by its first character) and imports it into the shown year. */
  protected async importFile(event: Event): Promise<void> {
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0];
    if (!file) return;
    const content = await file.text();
    input.value = '';
    const format = content.trimStart().startsWith('{') ? 'xmlcalendar_json' : 'xmlcalendar_xml';
    this.busy.set(true);
    this.error.set('');
    try {
      const { data, error } = await this.api.POST('/api/v1/admin/calendar/{year}/import', { params: { path: { year: this.year() } }, body: { format, content } });
      if (!data) return this.error.set(problemText(error));
      this.loaded.set(data);
      this.states.set(statesOf(data));
      this.dirty.set(false);
      this.status.set(this.t('admin.calendar.imported', { year: data.year, shortened: data.shortened.length }));
    } finally {
      this.busy.set(false);
    }
  }

  protected setPreviewType(value: string): void {
    this.previewType.set(value as AppealType);
  }

  protected async runPreview(): Promise<void> {
    const from = this.previewFrom();
    if (!from) return;
    this.error.set('');
    // datetime-local is Moscow time here: the deadlines are counted by Moscow days.
    const instant = `${from.length === 16 ? `${from}:00` : from}+03:00`;
    const { data, error } = await this.api.GET('/api/v1/admin/calendar/preview', { params: { query: { from: instant, type: this.previewType() } } });
    if (!data) return this.error.set(problemText(error));
    this.preview.set(data);
  }
}
