import { createHash, randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { AnswerResult, AppealStatus, AppealType } from '@otklik/shared/domain';
import { Clock } from '../../common/clock/clock';
import { AnonymousActor } from '../../common/http/actor';
import { FieldError, ValidationFailedError } from '../../common/problem/domain-error';
import { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { TransactionRunner } from '../../database/transaction-runner';
import { AppealFactsReader, AppealPublicState } from '../appeals/appeal-facts.repository';
import { AppealIntakeService } from '../appeals/appeal-intake.service';
import { PublicAppealInput } from '../appeals/dto/public-appeal.dto';
import { RetryLaterError } from '../auth/protection/rate-limited.error';
import { RateLimiter } from '../auth/protection/rate-limiter';
import { coerceAttributes } from './open311-attributes';
import { list, Open311Error, Open311List } from './open311-format';
import { Open311ServiceEntry, Open311Services } from './open311-services';
import { ApiKeyRow, Open311Store, RequestRow } from './open311.repository';

/** A form or query: strings, or lists of them when a name repeats. */
export type Open311Params = Record<string, string | string[] | undefined>;

/** Spec: without dates, the last 90 days; at most 1000 requests per answer. */
const DEFAULT_WINDOW_MS = 90 * 86_400_000;
const MAX_REQUESTS = 1000;
const NUMBER = /^\d{1,15}$/;
const PHONE = /^\+?[\d\s()-]{5,20}$/;

export function hashApiKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

/** What the public sees of where an appeal stands: the workflow mapped to GeoReport's open / closed. */
export function open311Status(status: AppealStatus): 'open' | 'closed' {
  switch (status) {
    case AppealStatus.Draft:
    case AppealStatus.Registered:
    case AppealStatus.InProgress:
    case AppealStatus.AwaitingApproval:
    case AppealStatus.AwaitingCitizen:
      return 'open';
    case AppealStatus.Resolved:
    case AppealStatus.Rejected:
    case AppealStatus.Closed:
    case AppealStatus.Withdrawn:
      return 'closed';
  }
}

const STATUS_NOTES: Record<AppealStatus, string> = {
  [AppealStatus.Draft]: 'Черновик',
  [AppealStatus.Registered]: 'Зарегистрировано, ожидает рассмотрения',
  [AppealStatus.InProgress]: 'В работе',
  [AppealStatus.AwaitingApproval]: 'Ответ готов и согласовывается',
  [AppealStatus.AwaitingCitizen]: 'Ожидаются уточнения или документы заявителя',
  [AppealStatus.Resolved]: 'Дан ответ: решено',
  [AppealStatus.Rejected]: 'Дан ответ: отказано',
  [AppealStatus.Closed]: 'Закрыто',
  [AppealStatus.Withdrawn]: 'Отозвано заявителем',
};

const ANSWER_RESULTS: Record<string, string> = {
  [AnswerResult.Done]: 'меры приняты',
  [AnswerResult.Refused]: 'отказано',
  [AnswerResult.ClarificationNeeded]: 'запрошены уточнения',
};

const day = (d: Date) => d.toISOString().slice(0, 10);

/** status_notes and service_notice: the workflow's state in words, never the answer's text or any name. */
export function publicNotes(state: AppealPublicState): { statusNotes: string; serviceNotice: string; responded: boolean } {
  const responded = state.answeredAt !== null;
  let statusNotes = STATUS_NOTES[state.status];
  if (state.status === AppealStatus.Closed && state.noAnswerRequired && !responded) statusNotes = 'Закрыто без ответа по существу (59-ФЗ ст. 11)';
  else if (state.status === AppealStatus.Closed && responded) statusNotes = 'Дан ответ, обращение закрыто';
  const serviceNotice = responded
    ? `Ответ дан ${day(state.answeredAt!)}: ${ANSWER_RESULTS[state.answerResult ?? ''] ?? 'ответ направлен заявителю'}`
    : state.dueAt
      ? `Срок ответа — до ${day(state.dueAt)}`
      : '';
  return { statusNotes, serviceNotice, responded };
}

function one(params: Open311Params, name: string): string | undefined {
  const value = params[name];
  return Array.isArray(value) ? value[0] : value;
}

function csv(params: Open311Params, name: string): string[] | undefined {
  const value = one(params, name);
  if (value === undefined || value.trim() === '') return undefined;
  return value.split(',').map((v) => v.trim()).filter(Boolean);
}

function dateParam(params: Open311Params, name: string): Date | undefined {
  const value = one(params, name);
  if (value === undefined || value === '') return undefined;
  const date = /^\d{4}-\d{2}-\d{2}([T ][\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/.test(value) ? new Date(value) : new Date(NaN);
  if (Number.isNaN(date.getTime())) throw new Open311Error(400, `${name} must be a W3C date-time, e.g. 2026-01-31T12:00:00Z`);
  return date;
}

function coordinate(params: Open311Params, name: 'lat' | 'long', limit: number): number | null {
  const value = one(params, name);
  if (value === undefined || value.trim() === '') return null;
  const n = Number(value);
  if (!/^-?\d{1,3}(\.\d{1,12})?$/.test(value.trim()) || !Number.isFinite(n) || Math.abs(n) > limit) {
    throw new Open311Error(400, `${name} must be a decimal number between -${limit} and ${limit}`);
  }
  return n;
}

/** The form's `attribute[code]` and `attribute[code][]` fields. */
function attributesGiven(params: Open311Params): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [key, value] of Object.entries(params)) {
    const match = /^attribute\[([A-Za-z0-9_-]{1,64})\](\[\])?$/.exec(key);
    if (!match || value === undefined) continue;
    out[match[1]] = match[2] ? [value].flat() : value;
  }
  return out;
}

/** Names the Open311 parameters behind intake's field errors. */
const FIELD_NAMES: Record<string, string> = { text: 'description', surname: 'last_name', email: 'email', subject: 'service_code', categoryId: 'service_code', subcategoryId: 'service_code', type: 'service_code' };

function describe(errors: FieldError[]): string {
  const names = errors.map((e) => (e.field.startsWith('extraFields.') ? `attribute[${e.field.slice('extraFields.'.length)}]` : (FIELD_NAMES[e.field] ?? e.field)));
  return `Invalid ${[...new Set(names)].join(', ')}`;
}

/** The client's request (its IP and user agent), for the journal and the audit row. */
export interface Open311Client {
  ip: string | null;
  userAgent: string | null;
  requestId: string;
}

/**
 * Service requests of GeoReport v2: filing through the unidentified intake (547-ФЗ: the API key
 * and its rate limit stand for the CAPTCHA), and the public view of what was filed here.
 */
@Injectable()
export class Open311Requests {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly services: Open311Services,
    private readonly store: Open311Store,
    private readonly intake: AppealIntakeService,
    private readonly facts: AppealFactsReader,
    private readonly limiter: RateLimiter,
    private readonly tx: TransactionRunner,
    private readonly clock: Clock,
  ) {}

  /** The key of `api_key`: 400 when missing, 403 when unknown or revoked. */
  async keyOf(apiKey: string | undefined): Promise<ApiKeyRow> {
    if (!apiKey) throw new Open311Error(400, 'api_key is required');
    const key = apiKey.length <= 200 ? await this.store.keyByHash(hashApiKey(apiKey)) : null;
    if (!key) throw new Open311Error(403, 'Invalid api_key');
    if (key.revokedAt) throw new Open311Error(403, 'This api_key has been revoked');
    return key;
  }

  async file(params: Open311Params, client: Open311Client): Promise<Open311List> {
    const key = await this.keyOf(one(params, 'api_key'));
    try {
      await this.limiter.hit({ bucket: `open311:key:${key.id}:minute`, limit: this.config.open311.ratePerMinute, windowSeconds: 60 });
    } catch (error) {
      if (error instanceof RetryLaterError) throw new Open311Error(429, 'Too many requests for this api_key; retry later', error.retryAfterSeconds);
      throw error;
    }
    await this.store.touchKey(key.id);
    const code = one(params, 'service_code');
    if (!code) throw new Open311Error(400, 'service_code is required');
    const service = await this.services.byCode(code);
    if (!service) throw new Open311Error(400, 'service_code is not a known service');
    const description = one(params, 'description')?.trim();
    if (!description) throw new Open311Error(400, 'description is required');
    const lat = coordinate(params, 'lat', 90);
    const long = coordinate(params, 'long', 180);
    const address = one(params, 'address_string')?.trim() || null;
    if ((lat === null) !== (long === null)) throw new Open311Error(400, 'lat and long go together');
    if (lat === null && !address) throw new Open311Error(400, 'A location is required: lat and long, or address_string');
    if (address && address.length > 500) throw new Open311Error(400, 'address_string is longer than 500 characters');
    const phone = one(params, 'phone');
    if (phone && !PHONE.test(phone)) throw new Open311Error(400, 'Invalid phone');
    const firstName = one(params, 'first_name');
    if (firstName && firstName.length > 100) throw new Open311Error(400, 'Invalid first_name');

    const input = await this.appealInput(service, description, params);
    const actor: AnonymousActor = { userId: null, role: 'anonymous', name: `Open311: ${key.name}`.slice(0, 200), departmentId: null, ip: client.ip, userAgent: client.userAgent, requestId: client.requestId };
    const token = randomBytes(18).toString('base64url');
    try {
      const appeal = await this.tx.run(async (manager) => {
        const { appeal } = await this.intake.createUnidentified(actor, input, manager);
        await this.store.insertRequest(manager, { appealId: appeal.id, number: appeal.number!, apiKeyId: key.id, token, serviceCode: service.code, lat, long, addressString: address, requestedAt: appeal.registeredAt! });
        return appeal;
      });
      const notice = appeal.noAnswerRequired
        ? 'Зарегистрировано. Без фамилии и e-mail ответ по существу не даётся (59-ФЗ ст. 11)'
        : `Зарегистрировано, срок ответа — до ${day(appeal.dueAt!)}`;
      return list('request', [{ service_request_id: appeal.number!, token, service_notice: notice, account_id: null }]);
    } catch (error) {
      if (error instanceof ValidationFailedError) throw new Open311Error(400, describe(error.errors));
      throw error;
    }
  }

  /** The unidentified intake's own input, validated by its own rules (the public form's DTO). */
  private async appealInput(service: Open311ServiceEntry, description: string, params: Open311Params): Promise<PublicAppealInput> {
    const type = service.appealTypes.includes(AppealType.Complaint) ? AppealType.Complaint : service.appealTypes[0];
    const plain = {
      type,
      categoryId: service.categoryId,
      subcategoryId: service.subcategoryId ?? undefined,
      subject: `Open311: ${service.name}`.slice(0, 200),
      text: description,
      extraFields: coerceAttributes(service.schema, attributesGiven(params)),
      surname: one(params, 'last_name') || undefined,
      email: one(params, 'email') || undefined,
    };
    const input = plainToInstance(PublicAppealInput, plain);
    const errors = await validate(input, { whitelist: true, forbidNonWhitelisted: true });
    if (errors.length > 0) throw new Open311Error(400, describe(errors.map((e) => ({ field: e.property, code: 'invalid', message: '' }))));
    return input;
  }

  /** GET requests: the filters of the spec; descriptions and addresses only for the key that filed them. */
  async find(params: Open311Params): Promise<Open311List> {
    const viewer = one(params, 'api_key') ? await this.keyOf(one(params, 'api_key')) : null;
    const ids = csv(params, 'service_request_id');
    if (ids?.some((id) => !NUMBER.test(id))) throw new Open311Error(400, 'service_request_id must be a comma-separated list of request numbers');
    const statuses = csv(params, 'status');
    if (statuses?.some((s) => s !== 'open' && s !== 'closed')) throw new Open311Error(400, 'status must be open, closed or both');
    const serviceCodes = csv(params, 'service_code');
    const start = dateParam(params, 'start_date');
    const end = dateParam(params, 'end_date');
    if (start && end && start > end) throw new Open311Error(400, 'start_date is after end_date');
    // Spec: with service_request_id the other parameters are ignored.
    const rows = await this.store.findRequests(
      ids
        ? { numbers: ids.map(Number), from: new Date(0), to: new Date(8.64e15), limit: MAX_REQUESTS }
        : { serviceCodes, from: start ?? new Date((end ?? this.clock.now()).getTime() - DEFAULT_WINDOW_MS), to: end ?? new Date(8.64e15), limit: MAX_REQUESTS },
    );
    const shown = await this.present(rows, viewer);
    return list('request', ids || !statuses ? shown : shown.filter((r) => statuses.includes(r.status)));
  }

  async one(id: string, params: Open311Params): Promise<Open311List> {
    const viewer = one(params, 'api_key') ? await this.keyOf(one(params, 'api_key')) : null;
    const row = NUMBER.test(id) ? await this.store.requestByNumber(Number(id)) : null;
    const shown = row ? await this.present([row], viewer) : [];
    if (shown.length === 0) throw new Open311Error(404, 'No such service request');
    return list('request', shown);
  }

  async token(token: string): Promise<Open311List> {
    const row = /^[A-Za-z0-9_-]{10,64}$/.test(token) ? await this.store.requestByToken(token) : null;
    if (!row) throw new Open311Error(404, 'No such token');
    return list('request', [{ service_request_id: row.number, token: row.token }]);
  }

  private async present(rows: RequestRow[], viewer: ApiKeyRow | null) {
    const states = await this.facts.publicStateOfMany(rows.map((r) => r.appealId));
    const own = viewer ? rows.filter((r) => r.apiKeyId === viewer.id) : [];
    const texts = await this.facts.textsOf(own.map((r) => r.appealId));
    const names = new Map((await this.services.all()).map((s) => [s.code, s.name]));
    return rows.flatMap((row) => {
      const state = states.get(row.appealId);
      if (!state) return [];
      const mine = viewer?.id === row.apiKeyId;
      const notes = publicNotes(state);
      const serviceName = names.get(row.serviceCode) ?? row.serviceCode;
      return [
        {
          service_request_id: row.number,
          status: open311Status(state.status),
          status_notes: notes.statusNotes,
          service_name: serviceName,
          service_code: row.serviceCode,
          description: mine ? (texts.get(row.appealId) ?? null) : `Обращение по теме «${serviceName}»`,
          agency_responsible: state.departmentName,
          agency_responded: notes.responded,
          service_notice: notes.serviceNotice,
          requested_datetime: new Date(row.requestedAt).toISOString(),
          updated_datetime: new Date(state.updatedAt).toISOString(),
          expected_datetime: state.dueAt ? new Date(state.dueAt).toISOString() : null,
          address: mine ? row.addressString : null,
          address_id: null,
          zipcode: null,
          lat: row.lat,
          long: row.long,
          media_url: null,
        },
      ];
    });
  }
}
