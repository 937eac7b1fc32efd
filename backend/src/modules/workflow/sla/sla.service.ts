import { Expiring } from '../../../common/cache/expiring';
import { SettingsChanges } from '../../../database/settings-changes';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import {
  AppealDeadlines,
  AppealType,
  computeDeadlines,
  DEFAULT_DEADLINE_POLICY,
  DeadlinePolicy,
  DeadlinePolicyTable,
  endOfMoscowDay,
  extendDeadline,
  moscowDate,
  pauseClock,
  ProductionCalendar,
  ProductionCalendarYear,
  resumeClock,
  RUSSIAN_OFFICIAL_CALENDAR,
  SlaClockState,
} from '@otklik/shared/domain';
import { SlaPolicy } from './sla-policy.entity';

/** Which policy applies: the subcategory's, else the category's, else the type's default. */
export interface PolicyKey {
  type: AppealType;
  categoryId: string;
  subcategoryId: string | null;
}

export interface RegistrationFacts extends PolicyKey {
  /** The category or subcategory is a priority one (утрата доступа, ошибки авторизации). */
  priorityCategory: boolean;
}

/** A policy as the scheduler and the deadline maths use it. */
export interface ResolvedPolicy extends DeadlinePolicy {
  reminderLeadHours: number;
}

interface PolicyRow {
  type: AppealType;
  category_id: string | null;
  resolution_unit: DeadlinePolicy['resolution']['unit'];
  resolution_amount: number;
  first_response_hours: number;
  priority_first_response_hours: number;
  reminder_lead_hours: number;
}

interface Snapshot {
  policies: Map<string, ResolvedPolicy>;
  calendar: ProductionCalendar;
}

/**
 * Policies and calendar change rarely and are read on every registration: they are cached per
 * process. A write through the admin routes invalidates this process's cache at once; other
 * processes pick the change up within this many milliseconds.
 */
export const SLA_CACHE_MS = 30_000;
const DEFAULT_REMINDER_LEAD_HOURS = 24;
/** A reopened appeal whose term has passed gets a fresh one of this many working days. */
const REOPEN_TERM_WORKING_DAYS = 5;

/** What a renewed term touches: the deadline, the overdue marks and the reminder. */
export interface RenewableTerm {
  dueAt: Date | null;
  overdue: boolean;
  overdueAt: Date | null;
  reminderSentAt: Date | null;
}
const keyOf = (type: AppealType, categoryId: string | null) => `${type}:${categoryId ?? '*'}`;

/**
 * Deadlines from the SLA policy table and the production calendar kept in the database
 * (DOMAIN.md «Deadlines»): at registration, and when the clock pauses, resumes or is extended.
 * The maths is shared/domain's (computeDeadlines, sla-clock); this service picks its inputs.
 */
@Injectable()
export class SlaService {
  private readonly snapshot = new Expiring<Snapshot>(SLA_CACHE_MS);

  constructor(
    @InjectRepository(SlaPolicy) private readonly own: Repository<SlaPolicy>,
    changes: SettingsChanges,
  ) {
    changes.watch(['sla_policies', 'production_calendar_years'], () => this.invalidate());
  }

  /** `dueAt` and `firstResponseDueAt` of an appeal registered at `registeredAt`. */
  async deadlinesAtRegistration(manager: EntityManager, facts: RegistrationFacts, registeredAt: Date): Promise<AppealDeadlines> {
    const { calendar, policies } = await this.current(manager);
    const policy = pick(policies, facts);
    return computeDeadlines({
      type: facts.type,
      registeredAt,
      priorityCategory: facts.priorityCategory,
      calendar,
      policy: tableWith(facts.type, policy),
    });
  }

  /** The policy that applies to an appeal (category-specific over the type's default). */
  async policyFor(manager: EntityManager, key: PolicyKey): Promise<ResolvedPolicy> {
    return pick((await this.current(manager)).policies, key);
  }

  /** The production calendar: official years from the database, Labour Code rules for the rest. */
  async calendar(manager: EntityManager = this.own.manager): Promise<ProductionCalendar> {
    return (await this.current(manager)).calendar;
  }

  /** Stops the clock (→ awaiting_citizen). */
  pause<T extends SlaClockState>(state: T, now: Date): T {
    return pauseClock(state, now);
  }

  /**
   * Restarts the clock with the time that was left, in the unit of the appeal's policy. A moved
   * deadline earns a new reminder (reminderSentAt is cleared when the state carries it).
   */
  async resume<T extends SlaClockState & PolicyKey>(manager: EntityManager, state: T, now: Date): Promise<T> {
    const { calendar, policies } = await this.current(manager);
    return clearReminderIfMoved(state, resumeClock(state, now, calendar, tableWith(state.type, pick(policies, state))));
  }

  /**
   * A reopened appeal keeps its deadline unless it has passed; then it gets a fresh short term
   * (REOPEN_TERM_WORKING_DAYS from today) and its overdue marks and reminder start over.
   */
  async renewTermIfPassed<T extends RenewableTerm>(manager: EntityManager, state: T, now: Date): Promise<T> {
    if (state.dueAt && state.dueAt.getTime() > now.getTime()) return state;
    const { calendar } = await this.current(manager);
    const dueAt = endOfMoscowDay(calendar.addWorkingDays(moscowDate(now), REOPEN_TERM_WORKING_DAYS));
    return { ...state, dueAt, overdue: false, overdueAt: null, reminderSentAt: null };
  }

  /** The one extension (throws ExtensionNotAllowedError the second time); `days` caps it. */
  async extend<T extends SlaClockState>(manager: EntityManager, state: T, days?: number): Promise<T> {
    const { calendar } = await this.current(manager);
    return clearReminderIfMoved(state, extendDeadline(state, calendar, days));
  }

  /** Forget the cached policies and calendar (after an admin changed them). */
  invalidate(): void {
    this.snapshot.invalidate();
  }

  private async current(manager: EntityManager): Promise<Snapshot> {
    // Concurrent registrations after an expiry share one load. It reads on the caller's connection:
    // the embedded database has only one, which a caller inside a transaction already holds.
    return this.snapshot.get(() => this.load(manager));
  }

  private async load(manager: EntityManager): Promise<Snapshot> {
    // One after the other: the manager may be a transaction's single connection.
    const rows = await manager.query<PolicyRow[]>(
      `SELECT type, category_id, resolution_unit, resolution_amount, first_response_hours, priority_first_response_hours, reminder_lead_hours
         FROM sla_policies`,
    );
    const years = await manager.query<{ year: number; non_working: string[]; working: string[]; shortened: string[] }[]>(
      `SELECT year, non_working::text[] AS non_working, working::text[] AS working, shortened::text[] AS shortened FROM production_calendar_years`,
    );
    const policies = new Map<string, ResolvedPolicy>();
    for (const r of rows) {
      policies.set(keyOf(r.type, r.category_id), {
        resolution: { unit: r.resolution_unit, amount: r.resolution_amount },
        firstResponseHours: r.first_response_hours,
        priorityFirstResponseHours: r.priority_first_response_hours,
        reminderLeadHours: r.reminder_lead_hours,
      });
    }
    const official: Record<number, ProductionCalendarYear> = { ...RUSSIAN_OFFICIAL_CALENDAR };
    for (const y of years) official[y.year] = { nonWorking: y.non_working, working: y.working, shortened: y.shortened };
    return { policies, calendar: new ProductionCalendar(official) };
  }
}

function pick(policies: Map<string, ResolvedPolicy>, key: PolicyKey): ResolvedPolicy {
  return (
    (key.subcategoryId ? policies.get(keyOf(key.type, key.subcategoryId)) : undefined) ??
    policies.get(keyOf(key.type, key.categoryId)) ??
    policies.get(keyOf(key.type, null)) ?? { ...DEFAULT_DEADLINE_POLICY[key.type], reminderLeadHours: DEFAULT_REMINDER_LEAD_HOURS }
  );
}

/** shared/domain reads policies by type: the applicable one goes in the type's slot. */
function tableWith(type: AppealType, policy: DeadlinePolicy): DeadlinePolicyTable {
  return { ...DEFAULT_DEADLINE_POLICY, [type]: policy };
}

function clearReminderIfMoved<T extends SlaClockState>(before: T, after: T): T {
  const moved = before.dueAt?.getTime() !== after.dueAt?.getTime();
  if (moved && 'reminderSentAt' in after) return { ...after, reminderSentAt: null };
  return after;
}
