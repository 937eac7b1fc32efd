import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { AppealType, DeadlineUnit, moscowDate, ProductionCalendar } from '@otklik/shared/domain';
import { Clock } from '../../../common/clock/clock';
import { Actor } from '../../../common/http/actor';
import { FieldError, ValidationFailedError } from '../../../common/problem/domain-error';
import { AuditService } from '../../audit/audit.service';
import { CalendarImportError, CalendarImportFormat, parseCalendar } from './calendar-import';
import { CalendarSource, CalendarYearDto, DeadlinePreviewDto, DeadlinePreviewQuery, LoadCalendarYearDto, SlaPolicyDto, UpsertSlaPolicyDto } from './dto/sla.dto';
import { SlaService } from './sla.service';
import { SlaPolicy } from './sla-policy.entity';
import { CatalogService } from '../../catalog/catalog.service';

interface PolicyRow {
  id: string;
  type: AppealType;
  category_id: string | null;
  resolution_unit: DeadlineUnit;
  resolution_amount: number;
  first_response_hours: number;
  priority_first_response_hours: number;
  reminder_lead_hours: number;
  updated_at: Date;
}

const POLICY_COLUMNS = `id, type, category_id, resolution_unit, resolution_amount, first_response_hours, priority_first_response_hours, reminder_lead_hours, updated_at`;

function toPolicy(r: PolicyRow): SlaPolicyDto {
  return {
    id: r.id,
    type: r.type,
    categoryId: r.category_id,
    resolutionUnit: r.resolution_unit,
    resolutionAmount: r.resolution_amount,
    firstResponseHours: r.first_response_hours,
    priorityFirstResponseHours: r.priority_first_response_hours,
    reminderLeadHours: r.reminder_lead_hours,
    updatedAt: new Date(r.updated_at).toISOString(),
  };
}

/** What an audit row compares of a policy: its terms (the id is the row's entity; who and when the row says itself). */
function policyFields(p: SlaPolicyDto): Record<string, unknown> {
  const { id: _id, updatedAt: _updatedAt, ...fields } = p;
  return fields;
}

const weekend = (date: string) => [0, 6].includes(new Date(`${date}T00:00:00Z`).getUTCDay());

/** Admin side of the deadlines: the SLA policy table and the production calendar by year. */
@Injectable()
export class SlaAdminService {
  constructor(
    @InjectRepository(SlaPolicy) private readonly own: Repository<SlaPolicy>,
    private readonly sla: SlaService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly catalog: CatalogService,
  ) {}

  async listPolicies(): Promise<SlaPolicyDto[]> {
    const rows = await this.own.manager.query<PolicyRow[]>(
      `SELECT ${POLICY_COLUMNS} FROM sla_policies ORDER BY type, category_id NULLS FIRST`,
    );
    return rows.map(toPolicy);
  }

  /** Creates or replaces the policy of (type, category); the next registration uses it. */
  async upsertPolicy(actor: Actor, dto: UpsertSlaPolicyDto): Promise<SlaPolicyDto> {
    const categoryId = dto.categoryId ?? null;
    const row = await this.own.manager.transaction(async (m) => {
      if (categoryId) {
        if (!(await this.catalog.find(m, categoryId))) throw new ValidationFailedError([{ field: 'categoryId', code: 'unknown_category', message: '' }]);
      }
      // The policy as it was, locked, for the audit row's before → after.
      const [previous] = await m.query<PolicyRow[]>(
        `SELECT ${POLICY_COLUMNS} FROM sla_policies WHERE type = $1 AND category_id IS NOT DISTINCT FROM $2 FOR UPDATE`,
        [dto.type, categoryId],
      );
      const conflict = categoryId ? `(type, category_id) WHERE category_id IS NOT NULL` : `(type) WHERE category_id IS NULL`;
      const [saved] = await m.query<PolicyRow[]>(
        `INSERT INTO sla_policies (type, category_id, resolution_unit, resolution_amount, first_response_hours,
                                   priority_first_response_hours, reminder_lead_hours, updated_by, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
         ON CONFLICT ${conflict} DO UPDATE SET
           resolution_unit = EXCLUDED.resolution_unit, resolution_amount = EXCLUDED.resolution_amount,
           first_response_hours = EXCLUDED.first_response_hours, priority_first_response_hours = EXCLUDED.priority_first_response_hours,
           reminder_lead_hours = EXCLUDED.reminder_lead_hours, updated_by = EXCLUDED.updated_by, updated_at = EXCLUDED.updated_at
         RETURNING ${POLICY_COLUMNS}`,
        [
          dto.type,
          categoryId,
          dto.resolutionUnit,
          dto.resolutionAmount,
          dto.firstResponseHours,
          dto.priorityFirstResponseHours,
          dto.reminderLeadHours ?? 24,
          actor.userId,
          this.clock.now(),
        ],
      );
      const policy = toPolicy(saved);
      await this.audit.record(m, actor, {
        action: 'sla_policy.upserted',
        entityType: 'sla_policy',
        entityId: policy.id,
        details: { ...policy },
        change: { before: previous ? policyFields(toPolicy(previous)) : null, after: policyFields(policy) },
      });
      return policy;
    });
    this.sla.invalidate();
    return row;
  }

  /** A year as the deadline maths sees it: loaded (official) or by Labour Code art. 112. */
  async calendarYear(year: number): Promise<CalendarYearDto> {
    const [row] = await this.own.manager.query<{ non_working: string[]; working: string[]; shortened: string[]; holidays: string[]; loaded_at: Date; loaded_by: string | null }[]>(
      `SELECT non_working::text[] AS non_working, working::text[] AS working, shortened::text[] AS shortened, holidays::text[] AS holidays, loaded_at, loaded_by
         FROM production_calendar_years WHERE year = $1`,
      [year],
    );
    const calendar = await this.sla.calendar();
    const days = daysOf(year);
    return {
      year,
      source: row ? CalendarSource.Official : CalendarSource.LabourCode,
      nonWorking: row ? row.non_working : days.filter((d) => !weekend(d) && !calendar.isWorkingDay(d)),
      working: row ? row.working : [],
      shortened: row ? row.shortened : [],
      holidays: row ? row.holidays : [],
      workingDays: days.filter((d) => calendar.isWorkingDay(d)).length,
      loadedAt: row ? new Date(row.loaded_at).toISOString() : null,
      loadedBy: row?.loaded_by ?? null,
    };
  }

  /** Loads (or replaces) a year's official calendar; deadlines computed from now on use it. */
  async loadCalendarYear(actor: Actor, year: number, dto: LoadCalendarYearDto, action = 'calendar.loaded'): Promise<CalendarYearDto> {
    const errors: FieldError[] = [];
    const nonWorking = [...new Set(dto.nonWorking)].sort();
    const working = [...new Set(dto.working)].sort();
    const shortened = [...new Set(dto.shortened ?? [])].sort();
    const holidays = [...new Set(dto.holidays ?? [])].sort();
    dto.nonWorking.forEach((d, i) => {
      if (!d.startsWith(`${year}-`)) errors.push({ field: `nonWorking.${i}`, code: 'date_outside_year', message: '' });
    });
    dto.working.forEach((d, i) => {
      if (!d.startsWith(`${year}-`)) errors.push({ field: `working.${i}`, code: 'date_outside_year', message: '' });
      else if (nonWorking.includes(d)) errors.push({ field: `working.${i}`, code: 'date_working_and_non_working', message: '' });
      else if (!weekend(d)) errors.push({ field: `working.${i}`, code: 'not_a_weekend', message: '' });
    });
    (dto.shortened ?? []).forEach((d, i) => {
      if (!d.startsWith(`${year}-`)) errors.push({ field: `shortened.${i}`, code: 'date_outside_year', message: '' });
      else if (nonWorking.includes(d) || (weekend(d) && !working.includes(d))) errors.push({ field: `shortened.${i}`, code: 'not_a_working_day', message: '' });
    });
    (dto.holidays ?? []).forEach((d, i) => {
      if (!d.startsWith(`${year}-`)) errors.push({ field: `holidays.${i}`, code: 'date_outside_year', message: '' });
      else if (!nonWorking.includes(d) && !(weekend(d) && !working.includes(d))) errors.push({ field: `holidays.${i}`, code: 'holiday_not_a_day_off', message: '' });
    });
    if (errors.length > 0) throw new ValidationFailedError(errors);
    // The domain's own check, so the table never holds a year the calendar would refuse.
    new ProductionCalendar({}).withYear(year, { nonWorking, working, shortened });
    await this.own.manager.transaction(async (m) => {
      const [previous] = await m.query<{ non_working: string[]; working: string[]; shortened: string[]; holidays: string[] }[]>(
        `SELECT non_working::text[] AS non_working, working::text[] AS working, shortened::text[] AS shortened, holidays::text[] AS holidays
           FROM production_calendar_years WHERE year = $1 FOR UPDATE`,
        [year],
      );
      await m.query(
        `INSERT INTO production_calendar_years (year, non_working, working, shortened, holidays, loaded_by, loaded_at)
         VALUES ($1, $2::date[], $3::date[], $4::date[], $5::date[], $6, $7)
         ON CONFLICT (year) DO UPDATE SET non_working = EXCLUDED.non_working, working = EXCLUDED.working,
           shortened = EXCLUDED.shortened, holidays = EXCLUDED.holidays, loaded_by = EXCLUDED.loaded_by, loaded_at = EXCLUDED.loaded_at`,
        [year, nonWorking, working, shortened, holidays, actor.userId, this.clock.now()],
      );
      await this.audit.record(m, actor, {
        action,
        entityType: 'production_calendar_year',
        entityId: String(year),
        details: { year, nonWorking: nonWorking.length, working: working.length, shortened: shortened.length },
        change: {
          before: previous ? { nonWorking: previous.non_working, working: previous.working, shortened: previous.shortened, holidays: previous.holidays } : null,
          after: { nonWorking, working, shortened, holidays },
        },
      });
    });
    this.sla.invalidate();
    return this.calendarYear(year);
  }

  /**
   * Loads a year from an xmlcalendar file (XML or JSON). The file must be of `year`: importing
   * one year's file into another is refused (422 calendar_year_mismatch), as is a file that is
   * not of the format (422 naming `content`).
   */
  async importCalendarYear(actor: Actor, year: number, format: CalendarImportFormat, content: string): Promise<CalendarYearDto> {
    let parsed;
    try {
      parsed = parseCalendar(format, content);
    } catch (e) {
      if (e instanceof CalendarImportError) throw new ValidationFailedError(e.errors);
      throw e;
    }
    if (parsed.year !== year) throw new ValidationFailedError([{ field: 'content', code: 'calendar_year_mismatch', message: `the file is of ${parsed.year}` }]);
    return this.loadCalendarYear(actor, year, parsed, 'calendar.imported');
  }

  /**
   * The deadlines an appeal of `type` (and optionally a category) registered at `from` would get,
   * computed by the same code as a real registration, with the calendar and policies in force.
   */
  async previewDeadline(query: DeadlinePreviewQuery): Promise<DeadlinePreviewDto> {
    const registeredAt = /^\d{4}-\d{2}-\d{2}$/.test(query.from) ? new Date(`${query.from}T00:00:00+03:00`) : new Date(query.from);
    let priorityCategory = false;
    let key = { type: query.type, categoryId: '', subcategoryId: null as string | null };
    if (query.categoryId) {
      const facts = await this.catalog.routingFacts(this.own.manager, query.categoryId);
      if (!facts) throw new ValidationFailedError([{ field: 'categoryId', code: 'unknown_category', message: '' }]);
      key = { type: query.type, categoryId: facts.categoryId, subcategoryId: facts.subcategoryId };
      priorityCategory = facts.priority;
    }
    const policy = await this.sla.policyFor(this.own.manager, key);
    const deadlines = await this.sla.deadlinesAtRegistration(this.own.manager, { ...key, priorityCategory }, registeredAt);
    const calendar = await this.sla.calendar();
    const nonWorkingDays: string[] = [];
    const last = moscowDate(deadlines.dueAt);
    for (let day = moscowDate(registeredAt); day < last && nonWorkingDays.length < PREVIEW_DAYS_LISTED; ) {
      day = calendar.addCalendarDays(day, 1);
      if (!calendar.isWorkingDay(day)) nonWorkingDays.push(day);
    }
    return {
      registeredAt: registeredAt.toISOString(),
      type: query.type,
      resolutionUnit: policy.resolution.unit,
      resolutionAmount: policy.resolution.amount,
      dueAt: deadlines.dueAt.toISOString(),
      firstResponseDueAt: deadlines.firstResponseDueAt.toISOString(),
      priorityCategory,
      nonWorkingDays,
    };
  }
}

/** The most non-working days a preview lists. */
const PREVIEW_DAYS_LISTED = 60;

function daysOf(year: number): string[] {
  const days: string[] = [];
  for (let t = Date.UTC(year, 0, 1); t < Date.UTC(year + 1, 0, 1); t += 86_400_000) days.push(new Date(t).toISOString().slice(0, 10));
  return days;
}
