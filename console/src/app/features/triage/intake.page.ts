import { ChangeDetectionStrategy, Component, DestroyRef, computed, inject, signal, viewChild } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { AbstractControl, FormControl, FormRecord, NonNullableFormBuilder, ReactiveFormsModule, ValidationErrors, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { Router } from '@angular/router';
import type { Schemas } from '@otklik/shared/api/client';
import { INTAKE_APPEAL_TYPES, STAFF_INTAKE_CHANNELS, isValidSnils } from '@otklik/shared/domain';
import { API } from '../../core/api/api-client';
import { Notifier } from '../../core/api/notifier';
import { asProblem } from '../../core/api/problem';
import { AuthService } from '../../core/auth/auth.service';
import { CatalogService, type Category } from '../../core/catalog/catalog.service';
import { I18n, type MessageKey } from '../../core/i18n/i18n.service';
import { QueueViews } from '../../core/queue/queue-views';
import { AnswerAttachments } from '../appeal/answer-attachments';
import { putFieldErrors } from '../appeal/form-errors';
import { extraFieldsOf, extraFieldValues, type ExtraField } from './intake-extra-fields';

type Department = Schemas['DepartmentDto'];
type Channel = Schemas['StaffIntakeChannel'];
type AnswerChannel = Schemas['AnswerChannel'];
type IntakeType = Schemas['IntakeAppealType'];

const ANSWER_CHANNELS: readonly AnswerChannel[] = ['post', 'email', 'cabinet'];
const PHONE = /^\+7\d{10}$/;

/** «YYYY-MM-DDTHH:mm» of a moment in the browser's time, as a datetime-local input shows it. */
function localInputValue(at: Date): string {
  const local = new Date(at.getTime() - at.getTimezoneOffset() * 60_000);
  return local.toISOString().slice(0, 16);
}

/** The received date exists and is not ahead of now (a minute's grace for the clock). */
function notInFuture(control: AbstractControl<string>): ValidationErrors | null {
  const at = Date.parse(control.value);
  if (!control.value) return null;
  if (Number.isNaN(at)) return { date: true };
  return at > Date.now() + 60_000 ? { future: true } : null;
}

const snils = (control: AbstractControl<string>): ValidationErrors | null => (control.value && !isValidSnils(control.value) ? { snils: true } : null);
const phone = (control: AbstractControl<string>): ValidationErrors | null => (control.value && !PHONE.test(control.value.replace(/[\s()-]/g, '')) ? { phone: true } : null);

/**
 * «Зарегистрировать обращение»: an appeal that came by phone, e-mail, post or in person, registered
 * by the operator for its applicant — a citizen the API finds by СНИЛС, phone or e-mail, or a person
 * without an account whose name and contacts go with the appeal — into the operator's own
 * departments, or the general pool. Scans are uploaded first and attached on registration. One
 * Idempotency-Key per filled form: a double click or a retry registers once. The API's field errors
 * show under the fields; on success the number is announced and the card opens.
 */
@Component({
  selector: 'ok-intake-page',
  imports: [ReactiveFormsModule, MatFormFieldModule, MatInputModule, MatSelectModule, MatCheckboxModule, MatButtonModule, AnswerAttachments],
  templateUrl: './intake.page.html',
  styleUrl: './intake.page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class IntakePage {
  private readonly api = inject(API);
  private readonly router = inject(Router);
  private readonly notifier = inject(Notifier);
  private readonly auth = inject(AuthService);
  private readonly views = inject(QueueViews);
  protected readonly catalog = inject(CatalogService);
  protected readonly i18n = inject(I18n);
  protected readonly t = this.i18n.t;

  protected readonly channels: readonly Channel[] = STAFF_INTAKE_CHANNELS as readonly Channel[];
  protected readonly answerChannels = ANSWER_CHANNELS;
  private readonly fb = inject(NonNullableFormBuilder);
  protected readonly form = this.fb.group({
    channel: ['' as Channel | '', Validators.required],
    receivedAt: [localInputValue(new Date()), [Validators.required, notInFuture]],
    categoryId: ['', Validators.required],
    subcategoryId: [''],
    type: ['' as IntakeType | '', Validators.required],
    subject: ['', [Validators.required, Validators.maxLength(200)]],
    text: ['', [Validators.required, Validators.maxLength(5000)]],
    fullName: ['', [Validators.required, Validators.maxLength(200)]],
    phone: ['', phone],
    email: ['', [Validators.email, Validators.maxLength(254)]],
    address: ['', Validators.maxLength(500)],
    snils: ['', snils],
    answerChannel: [''],
    departmentId: [''],
    forOrganisation: [false],
    orgName: ['', Validators.maxLength(300)],
    orgInn: [''],
    orgOgrn: [''],
    orgBasis: ['', Validators.maxLength(300)],
  });
  /** The category's extra fields (its JSON Schema's simple properties), one control each. */
  protected readonly extra = new FormRecord<FormControl<string | boolean>>({});
  protected readonly maxReceived = localInputValue(new Date(Date.now() + 60_000));

  private readonly categoryId = toSignal(this.form.controls.categoryId.valueChanges, { initialValue: '' });
  private readonly subcategoryId = toSignal(this.form.controls.subcategoryId.valueChanges, { initialValue: '' });
  protected readonly forOrganisation = toSignal(this.form.controls.forOrganisation.valueChanges, { initialValue: false });
  protected readonly categories = signal<readonly Category[]>([]);
  protected readonly category = computed(() => this.categories().find((c) => c.id === this.categoryId()));
  protected readonly subcategories = computed(() => this.category()?.children ?? []);
  protected readonly types = computed(() => {
    const served = this.category()?.appealTypes;
    return INTAKE_APPEAL_TYPES.filter((type) => !served || served.includes(type)) as IntakeType[];
  });
  protected readonly extraFields = computed<readonly ExtraField[]>(() => {
    const sub = this.subcategories().find((c) => c.id === this.subcategoryId());
    return extraFieldsOf(sub?.extraFieldsSchema ?? this.category()?.extraFieldsSchema ?? null);
  });
  /** The operator's own departments (a supervisor's subtree) and the general pool. */
  protected readonly departments = signal<readonly Department[]>([]);
  /** Every department by id, to name where a registered appeal went. */
  private readonly names = new Map<string, Department>();
  /** The departments whose appeals this user may open: their own (a supervisor's subtree), not the pool unless it is theirs. */
  private readonly readable = new Set<string>();
  /**
   * An appeal registered into a queue this user cannot open (the routing rules sent it to the
   * general pool): its number and where it went, shown on the emptied form instead of a card
   * that would only say «not found».
   */
  protected readonly handedOver = signal<{ number: string; department: string } | null>(null);

  protected readonly sending = signal(false);
  protected readonly otherErrors = signal<readonly string[]>([]);
  private readonly files = viewChild.required(AnswerAttachments);
  /** One key per filled form: a retry or a second click of the same registration answers the first. */
  private idempotencyKey = crypto.randomUUID();

  constructor() {
    void this.load();
    // A category of other types, or with other fields, starts its own from scratch.
    const categoryChanges = this.form.controls.categoryId.valueChanges.subscribe(() => {
      this.form.controls.subcategoryId.setValue('');
      if (this.form.controls.type.value && !this.types().includes(this.form.controls.type.value)) this.form.controls.type.setValue('');
      this.rebuildExtra();
    });
    const subcategoryChanges = this.form.controls.subcategoryId.valueChanges.subscribe(() => this.rebuildExtra());
    inject(DestroyRef).onDestroy(() => {
      categoryChanges.unsubscribe();
      subcategoryChanges.unsubscribe();
    });
  }

  private async load(): Promise<void> {
    const [, departments] = await Promise.all([this.catalog.load(), this.api.GET('/api/v1/staff/departments').catch(() => ({ data: undefined }))]);
    const { data } = await this.api.GET('/api/v1/catalog/categories');
    this.categories.set(data ?? []);
    const all = departments.data ?? [];
    const own = this.auth.user()?.department?.id ?? null;
    const supervisor = this.auth.user()?.role === 'supervisor';
    const scope = new Set<string>(own ? [own] : []);
    // A supervisor's scope is the department and every one below it.
    for (let grown = supervisor; grown; ) {
      grown = false;
      for (const d of all) {
        if (d.parentId && scope.has(d.parentId) && !scope.has(d.id)) {
          scope.add(d.id);
          grown = true;
        }
      }
    }
    this.departments.set(all.filter((d) => scope.has(d.id) || d.isGeneralPool));
    for (const d of all) this.names.set(d.id, d);
    for (const id of scope) this.readable.add(id);
  }

  private rebuildExtra(): void {
    for (const name of Object.keys(this.extra.controls)) this.extra.removeControl(name);
    for (const field of this.extraFields()) {
      this.extra.addControl(field.name, new FormControl<string | boolean>(field.kind === 'boolean' ? false : '', { nonNullable: true, validators: field.required ? [Validators.required] : [] }));
    }
  }

  protected typeLabel(type: IntakeType): string {
    return this.i18n.type(type);
  }

  protected channelLabel(channel: Channel): string {
    return this.t(`reports.channel.${channel}` as const);
  }

  protected answerChannelLabel(channel: AnswerChannel): string {
    return this.t(`intake.answerChannel.${channel}` as const);
  }

  /** The message under a field: the API's words first, then the form's own checks (after leaving it). */
  protected error(control: AbstractControl): string | null {
    if (control.hasError('server')) return control.getError('server') as string;
    if (!control.touched) return null;
    const checks: [string, MessageKey][] = [
      ['required', 'intake.error.required'],
      ['maxlength', 'intake.error.tooLong'],
      ['future', 'intake.error.future'],
      ['date', 'intake.error.date'],
      ['phone', 'intake.error.phone'],
      ['email', 'intake.error.email'],
      ['snils', 'intake.error.snils'],
      ['contact', 'intake.error.contact'],
      ['address', 'intake.error.address'],
    ];
    const hit = checks.find(([code]) => control.hasError(code));
    return hit ? this.t(hit[1]) : null;
  }

  protected async submit(): Promise<void> {
    if (this.sending()) return;
    this.otherErrors.set([]);
    const v = this.form.getRawValue();
    // A receipt and an answer need somewhere to go; a postal answer, an address.
    if (!v.phone.trim() && !v.email.trim() && !v.address.trim()) this.form.controls.phone.setErrors({ contact: true });
    if (v.answerChannel === 'post' && !v.address.trim()) this.form.controls.address.setErrors({ address: true });
    for (const name of ['orgName', 'orgInn', 'orgOgrn', 'orgBasis'] as const) {
      const control = this.form.controls[name];
      // Not for an organisation: its fields (and what the API said of them) do not count.
      if (!v.forOrganisation) control.setErrors(null);
      else if (name !== 'orgBasis' && !control.value.trim()) control.setErrors({ required: true });
    }
    if (this.form.invalid || this.extra.invalid || this.files().uploading()) {
      this.form.markAllAsTouched();
      this.extra.markAllAsTouched();
      return;
    }
    const trimmed = (s: string) => s.trim() || undefined;
    const extraFields = extraFieldValues(this.extraFields(), this.extra.getRawValue());
    const body: Schemas['StaffAppealInputDto'] = {
      channel: v.channel as Channel,
      receivedAt: new Date(v.receivedAt).toISOString(),
      type: v.type as IntakeType,
      categoryId: v.categoryId,
      subcategoryId: v.subcategoryId || undefined,
      subject: v.subject,
      text: v.text,
      ...(Object.keys(extraFields).length ? { extraFields } : {}),
      applicant: {
        fullName: v.fullName,
        phone: trimmed(v.phone.replace(/[\s()-]/g, '')),
        email: trimmed(v.email),
        address: trimmed(v.address),
        snils: trimmed(v.snils),
      },
      ...(v.forOrganisation ? { organisation: { name: v.orgName, inn: v.orgInn.trim(), ogrn: v.orgOgrn.trim(), representativeBasis: trimmed(v.orgBasis) } } : {}),
      answerChannel: (v.answerChannel || undefined) as AnswerChannel | undefined,
      departmentId: v.departmentId || undefined,
      attachmentIds: this.files().attachmentIds().length ? [...this.files().attachmentIds()] : undefined,
    };
    this.sending.set(true);
    this.handedOver.set(null);
    try {
      const { data, error } = await this.api.POST('/api/v1/staff/appeals', { body, headers: { 'Idempotency-Key': this.idempotencyKey } });
      if (data) {
        this.idempotencyKey = crypto.randomUUID();
        const number = String(data.number ?? '');
        this.notifier.info(data.applicantKind === 'citizen' ? 'intake.doneCitizen' : 'intake.done', { number });
        this.views.soon();
        if (!data.departmentId || this.readable.has(data.departmentId)) {
          await this.router.navigate(['/appeals', data.number ?? data.id]);
          return;
        }
        // Routed where this user cannot follow it: say so on a fresh form for the next caller.
        const went = this.names.get(data.departmentId);
        this.reset();
        this.handedOver.set({ number, department: went ? this.i18n.name(went) : '' });
        return;
      }
      const problem = asProblem(error);
      const unplaced = putFieldErrors(this.form, problem, '', INTAKE_FIELDS);
      this.otherErrors.set(this.placeExtra(unplaced));
    } catch {
      // The problem middleware has already said that the server could not be reached.
    } finally {
      this.sending.set(false);
    }
  }

  /** A blank form (the channel and the department kept: the next caller likely came the same way). */
  private reset(): void {
    const { channel, departmentId } = this.form.getRawValue();
    this.form.reset({ channel, departmentId, receivedAt: localInputValue(new Date()) });
    this.rebuildExtra();
    this.files().clear();
  }

  /** `extraFields.<name>` errors go under that field; what is left is listed under the form. */
  private placeExtra(unplaced: string[]): string[] {
    return unplaced.filter((line) => {
      const match = /^extraFields\.([^:.[]+)[^:]*: (.*)$/.exec(line);
      const control = match ? this.extra.get(match[1]) : null;
      if (!control) return true;
      control.setErrors({ server: match![2] });
      control.markAsTouched();
      return false;
    });
  }
}

/** The API's field paths → the form's controls (the applicant's and organisation's fields are flat here). */
const INTAKE_FIELDS: Readonly<Record<string, string>> = {
  'applicant.fullName': 'fullName',
  'applicant.phone': 'phone',
  'applicant.email': 'email',
  'applicant.address': 'address',
  'applicant.snils': 'snils',
  applicant: 'phone',
  'organisation.name': 'orgName',
  'organisation.inn': 'orgInn',
  'organisation.ogrn': 'orgOgrn',
  'organisation.representativeBasis': 'orgBasis',
};
