import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { AnswerResult, AppealType, Role, StaffAction } from '../../../shared/domain';
import { AppModule } from '../../../backend/src/app.module';
import { Clock } from '../../../backend/src/common/clock/clock';
import { Actor } from '../../../backend/src/common/http/actor';
import { loadConfig } from '../../../backend/src/config/app-config';
import { AppealIntakeService } from '../../../backend/src/modules/appeals/appeal-intake.service';
import { CreateAppealDto } from '../../../backend/src/modules/appeals/dto/appeal-input.dto';
import { AppealSummaryDto } from '../../../backend/src/modules/appeals/dto/appeal-output.dto';
import { SeedService } from '../../../backend/src/modules/seed/seed.service';
import { UsersService } from '../../../backend/src/modules/users/users.service';
import { AppealAction } from '../../../backend/src/modules/workflow/actions/dto/citizen-actions.dto';
import { AnswerInputDto, StaffActionRouteBodyDto, StaffRouteAction } from '../../../backend/src/modules/workflow/actions/dto/staff-actions.dto';
import { CitizenActionsService } from '../../../backend/src/modules/workflow/actions/citizen/citizen-actions.service';
import { StaffActionsService } from '../../../backend/src/modules/workflow/actions/staff/staff-actions.service';
import { AppealAnswersService } from '../../../backend/src/modules/workflow/answers/appeal-answers.service';
import { SlaTickService } from '../../../backend/src/modules/workflow/sla/sla-tick.service';
import { openTestDatabase, TestDatabase } from './database';

const PEOPLE = {
  citizen: { role: Role.Citizen, department: null, fullName: 'Иванов Иван Иванович', position: null },
  citizen2: { role: Role.Citizen, department: null, fullName: 'Петрова Анна Сергеевна', position: null },
  operator: { role: Role.Operator, department: 'tech-support', fullName: 'Сидоров Пётр Алексеевич', position: 'Специалист' },
  operator2: { role: Role.Operator, department: 'tech-support', fullName: 'Волков Андрей Николаевич', position: 'Ведущий специалист' },
  office: { role: Role.Operator, department: 'administration', fullName: 'Лебедева Ольга Павловна', position: 'Специалист приёмной' },
  supervisor: { role: Role.Supervisor, department: 'administration', fullName: 'Смирнова Елена Викторовна', position: 'Начальник управления' },
  admin: { role: Role.Admin, department: null, fullName: 'Орлов Игорь Дмитриевич', position: null },
} as const;
export type Person = keyof typeof PEOPLE;

/**
 * The workflow's service tier: the whole application as Nest providers (the CLI's process: no
 * HTTP, no relay, no scheduler) on a real, migrated PostgreSQL with the demo catalogue, and the
 * people of a small department. Tests call the services the controllers call.
 */
export interface World {
  app: INestApplicationContext;
  db: DataSource;
  clock: Clock;
  intake: AppealIntakeService;
  staff: StaffActionsService;
  citizen: CitizenActionsService;
  answers: AppealAnswersService;
  tick: SlaTickService;
  people: Record<Person, Actor>;
  departments: Record<string, string>;
  categories: Record<string, string>;
  close(): Promise<void>;
}

export async function openWorld(env: Record<string, string> = {}): Promise<World> {
  const database: TestDatabase = await openTestDatabase();
  const config = loadConfig({ APP_MODE: 'demo', DATA_DIR: database.dataDir, DATABASE_URL: database.url, LOG_LEVEL: 'silent', ...env });
  const app = await NestFactory.createApplicationContext(AppModule.forRoot({ config, databaseUrl: database.url, embedded: false, process: 'cli' }), { logger: false });
  await app.get(SeedService).seedCatalog();
  const db = app.get(DataSource);
  const departments = Object.fromEntries((await db.query<{ code: string; id: string }[]>(`SELECT code, id FROM departments`)).map((r) => [r.code, r.id]));
  const categories = Object.fromEntries((await db.query<{ code: string; id: string }[]>(`SELECT code, id FROM categories`)).map((r) => [r.code, r.id]));
  const users = app.get(UsersService);
  const system = { userId: null, role: 'system', name: 'test', departmentId: null, ip: null, userAgent: null, requestId: null } as const;
  const people = {} as Record<Person, Actor>;
  for (const [key, p] of Object.entries(PEOPLE) as [Person, (typeof PEOPLE)[Person]][]) {
    const user = await users.create({ email: `${key}@service.test`, password: 'Service#Test2026', role: p.role, fullName: p.fullName, position: p.position, department: p.department }, system);
    people[key] = { userId: user.id, role: p.role, name: p.fullName, departmentId: user.departmentId, ip: null, userAgent: null, requestId: null };
  }
  return {
    app,
    db,
    clock: app.get(Clock),
    intake: app.get(AppealIntakeService),
    staff: app.get(StaffActionsService),
    citizen: app.get(CitizenActionsService),
    answers: app.get(AppealAnswersService),
    tick: app.get(SlaTickService),
    people,
    departments,
    categories,
    async close() {
      await app.close();
      await database.close();
    },
  };
}

/** A World for the test file that calls this: opened before its tests, closed after them; the getter gives it. */
export function worldOfFile(env: Record<string, string> = {}): () => World {
  let world: World | undefined;
  beforeAll(async () => {
    world = await openWorld(env);
  }, 60_000);
  afterAll(async () => {
    await world?.close();
  });
  return () => {
    if (!world) throw new Error('the World is not open (used outside a test?)');
    return world;
  };
}

/** The journal of one appeal as the three tables hold it, oldest first. */
export async function journalOf(w: World, appealId: string): Promise<{ history: string[]; audit: string[]; outbox: string[] }> {
  const [history, audit, outbox] = await Promise.all([
    w.db.query<{ event: string }[]>(`SELECT event FROM appeal_history WHERE appeal_id = $1 ORDER BY created_at, id`, [appealId]),
    w.db.query<{ action: string }[]>(`SELECT action FROM audit_log WHERE entity_type = 'appeal' AND entity_id = $1 ORDER BY id`, [appealId]),
    w.db.query<{ event_type: string }[]>(`SELECT event_type FROM outbox WHERE aggregate_id = $1 ORDER BY id`, [appealId]),
  ]);
  return { history: history.map((r) => r.event), audit: audit.map((r) => r.action), outbox: outbox.map((r) => r.event_type) };
}

/** What is written after `before` (a journalOf taken earlier): the rows one step added. */
export async function journalSince(w: World, appealId: string, before: { history: string[]; audit: string[]; outbox: string[] }) {
  const now = await journalOf(w, appealId);
  return { history: now.history.slice(before.history.length), audit: now.audit.slice(before.audit.length), outbox: now.outbox.slice(before.outbox.length) };
}

/** The appeal's row as the database holds it (snake_case columns). */
export async function rowOf(w: World, appealId: string): Promise<Record<string, any>> {
  const [row] = await w.db.query<Record<string, any>[]>(`SELECT * FROM appeals WHERE id = $1`, [appealId]);
  return row;
}

/**
 * An upload of `person` not yet bound to anything, as the upload route leaves it (the file's bytes
 * are not needed by the workflow: only the row).
 */
export async function uploadedFile(w: World, person: Person): Promise<string> {
  const [row] = await w.db.query<{ id: string }[]>(
    `INSERT INTO attachments (owner_id, owner_role, original_name, name, content_type, size, sha256, storage_key, wrapped_key, key_id, scan_status, created_at)
     VALUES ($1, $2, 'scan.pdf', 'scan.pdf', 'application/pdf', 100, repeat('0', 64), gen_random_uuid()::text, 'k', 'k1', 'clean', now()) RETURNING id`,
    [w.people[person].userId, w.people[person].role],
  );
  return row.id;
}

type Step = (w: World, appeal: AppealSummaryDto) => Promise<AppealSummaryDto>;

/**
 * A fluent factory of appeals that goes through the services, as a client would:
 * `await appeal(w).registered().assignedTo('operator').build()`.
 */
export class AppealFactory {
  private readonly steps: Step[] = [];
  private input: Partial<CreateAppealDto> = {};
  private author: Person = 'citizen';

  constructor(private readonly w: World) {}

  by(person: Person): this {
    this.author = person;
    return this;
  }

  ofType(type: AppealType): this {
    this.input.type = type;
    return this;
  }

  /** Filed and registered at once (the default: filing registers). */
  registered(): this {
    return this;
  }

  takenBy(person: Person): this {
    return this.staffStep(person, StaffAction.Take, {});
  }

  /** Assigned by the supervisor (the appeal goes to work). */
  assignedTo(person: Person, by: Person = 'supervisor'): this {
    return this.step(async (w, a) => w.staff.act(w.people[by], a.id, StaffAction.Assign, { assigneeId: w.people[person].userId }));
  }

  answered(result: AnswerResult = AnswerResult.Done, by: Person = 'operator'): this {
    const dto: AnswerInputDto = { result, resultCode: 1, text: 'Ответ по существу', ...(result === AnswerResult.Refused ? { reason: 'Нет оснований' } : {}) };
    return this.step((w, a) => w.answers.answer(w.people[by], a.id, dto));
  }

  staffStep(person: Person, action: StaffRouteAction, body: StaffActionRouteBodyDto): this {
    return this.step((w, a) => w.staff.act(w.people[person], a.id, action, body));
  }

  citizenStep(action: AppealAction, body: { comment?: string; text?: string } = {}): this {
    return this.step((w, a) => w.citizen.act(w.people[this.author], a.id, action, body).then((s) => (action === 'dispute' || action === 'resubmit' ? a : s)));
  }

  step(step: Step): this {
    this.steps.push(step);
    return this;
  }

  async build(): Promise<AppealSummaryDto> {
    const w = this.w;
    let summary = await w.intake.create(w.people[this.author], {
      type: AppealType.Complaint,
      categoryId: w.categories.knowledge,
      subject: 'Не работает вход в личный кабинет',
      text: 'После обновления страница входа показывает ошибку.',
      ...this.input,
    });
    for (const step of this.steps) summary = await step(w, summary);
    return summary;
  }
}

export const appeal = (w: World) => new AppealFactory(w);
