import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { MatTableModule } from '@angular/material/table';
import type { Schemas } from '@otklik/shared/api/client';
import { API } from '../../core/api/api-client';
import { fieldErrors, asProblem } from '../../core/api/problem';
import { AuthService } from '../../core/auth/auth.service';
import { I18n } from '../../core/i18n/i18n.service';
import type { MessageKey } from '../../core/i18n/messages.ru';

type Staff = Schemas['StaffAccountDto'];
type Detail = Schemas['StaffAccountDetailDto'];
type Department = Schemas['AdminDepartmentDto'];
type Status = Schemas['StaffStatus'];
type StaffRole = Schemas['StaffRole'];

const PAGE_SIZE = 50;
export const STAFF_ROLES: StaffRole[] = ['operator', 'supervisor', 'admin', 'auditor'];
const STATUS_KEYS: Record<Status, MessageKey> = { invited: 'staff.status.invited', active: 'staff.status.active', locked: 'staff.status.locked' };

/**
 * Staff accounts (admins; supervisors read their subtree): search, invite a new member (the
 * invitation is e-mailed), and for the one chosen: lock or unlock, reset the second factor, send a
 * password-reset link or the invitation again, edit the IP allow-list, and end sessions.
 */
@Component({
  selector: 'ok-staff-page',
  imports: [ReactiveFormsModule, MatButtonModule, MatFormFieldModule, MatInputModule, MatSelectModule, MatTableModule],
  templateUrl: './staff.page.html',
  styleUrl: './admin-pages.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class StaffPage {
  private readonly api = inject(API);
  private readonly auth = inject(AuthService);
  protected readonly i18n = inject(I18n);
  protected readonly t = this.i18n.t;
  private readonly fb = inject(NonNullableFormBuilder);

  protected readonly roles = STAFF_ROLES;
  protected readonly statuses: Status[] = ['invited', 'active', 'locked'];
  protected readonly columns = ['name', 'role', 'department', 'status', 'lastSignIn', 'actions'];
  protected readonly sessionColumns = ['createdAt', 'lastUsedAt', 'ip', 'userAgent', 'actions'];
  protected readonly isAdmin = computed(() => this.auth.user()?.role === 'admin');

  protected readonly filters = this.fb.group({ q: ['', Validators.maxLength(200)], status: this.fb.control<Status | ''>('') });
  protected readonly invite = this.fb.group({
    email: ['', [Validators.required, Validators.email, Validators.maxLength(254)]],
    fullName: ['', [Validators.required, Validators.maxLength(200)]],
    position: ['', Validators.maxLength(200)],
    role: ['operator' as StaffRole, Validators.required],
    departmentId: [''],
  });
  protected readonly allowList = this.fb.control('', Validators.maxLength(4000));

  protected readonly staff = signal<Staff[]>([]);
  protected readonly departments = signal<Department[]>([]);
  protected readonly nextCursor = signal<string | null>(null);
  protected readonly selected = signal<Detail | null>(null);
  protected readonly loading = signal(false);
  protected readonly failed = signal(false);
  protected readonly busy = signal(false);
  protected readonly showInvite = signal(false);
  protected readonly inviteErrors = signal<Record<string, string>>({});
  protected readonly detailErrors = signal<Record<string, string>>({});
  /** What the last action did, read out by screen readers (role=status). */
  protected readonly notice = signal<string | null>(null);
  protected readonly needsDepartment = signal(true);

  private loadSeq = 0;

  constructor() {
    void this.load(true);
    void this.loadDepartments();
    this.invite.controls.role.valueChanges.subscribe((role) => this.needsDepartment.set(role === 'operator' || role === 'supervisor'));
  }

  protected departmentName(id: string | null): string {
    if (!id) return '—';
    const department = this.departments().find((d) => d.id === id);
    return department ? this.i18n.name(department) : '—';
  }

  protected statusLabel(status: Status): string {
    return this.t(STATUS_KEYS[status]);
  }

  protected search(): void {
    void this.load(true);
  }

  protected more(): void {
    void this.load(false);
  }

  protected async open(row: Staff): Promise<void> {
    const { data } = await this.api.GET('/api/v1/admin/staff/{id}', { params: { path: { id: row.id } } });
    if (data) this.select(data);
  }

  protected close(): void {
    this.selected.set(null);
  }

  protected async submitInvite(): Promise<void> {
    this.inviteErrors.set({});
    if (this.invite.invalid) {
      this.invite.markAllAsTouched();
      return;
    }
    const v = this.invite.getRawValue();
    await this.run(async () => {
      const { data, error } = await this.api.POST('/api/v1/admin/staff', {
        body: { email: v.email.trim(), fullName: v.fullName.trim(), position: v.position.trim() || null, role: v.role, departmentId: this.needsDepartment() ? v.departmentId || null : null },
      });
      if (!data) {
        this.inviteErrors.set(fieldErrors(asProblem(error)));
        return;
      }
      this.notice.set(this.t('staff.invited', { email: data.email }));
      this.invite.reset({ role: 'operator', email: '', fullName: '', position: '', departmentId: '' });
      this.showInvite.set(false);
      this.select(data);
      await this.load(true);
    });
  }

  protected lock(): Promise<void> {
    return this.act('lock', 'staff.lockedNotice');
  }

  protected unlock(): Promise<void> {
    return this.act('unlock', 'staff.unlockedNotice');
  }

  protected resetMfa(): Promise<void> {
    return this.act('reset-mfa', 'staff.mfaResetNotice');
  }

  protected async resetPassword(): Promise<void> {
    const account = this.selected();
    if (!account) return;
    await this.run(async () => {
      const { data } = await this.api.POST('/api/v1/admin/staff/{id}/reset-password', { params: { path: { id: account.id } } });
      if (data) this.notice.set(this.t(data.mailed ? 'staff.resetSentNotice' : 'staff.mailFailedNotice', { email: account.email }));
    });
  }

  protected async resendInvitation(): Promise<void> {
    const account = this.selected();
    if (!account) return;
    await this.run(async () => {
      const { data } = await this.api.POST('/api/v1/admin/staff/{id}/invitation', { params: { path: { id: account.id } } });
      if (data) this.notice.set(this.t(data.mailed ? 'staff.invited' : 'staff.mailFailedNotice', { email: account.email }));
      await this.refreshSelected();
    });
  }

  protected async saveAllowList(): Promise<void> {
    const account = this.selected();
    if (!account) return;
    this.detailErrors.set({});
    const ipAllowList = this.allowList.value.split(/[\s,;]+/).map((s) => s.trim()).filter(Boolean);
    await this.run(async () => {
      const { data, error } = await this.api.PATCH('/api/v1/admin/staff/{id}', { params: { path: { id: account.id } }, body: { ipAllowList } });
      if (!data) {
        const errors = fieldErrors(asProblem(error));
        this.detailErrors.set({ ipAllowList: Object.entries(errors).map(([field, message]) => `${field.replace(/^ipAllowList\[(\d+)\]$/, (_, i: string) => ipAllowList[Number(i)] ?? i)}: ${message}`).join('; ') });
        return;
      }
      this.notice.set(this.t('staff.allowListSaved'));
      this.select(data);
      await this.load(true);
    });
  }

  protected async revoke(sessionId: string): Promise<void> {
    const account = this.selected();
    if (!account) return;
    await this.run(async () => {
      const { response } = await this.api.DELETE('/api/v1/admin/staff/{id}/sessions/{sessionId}', { params: { path: { id: account.id, sessionId } } });
      if (response.ok) this.notice.set(this.t('staff.sessionEnded'));
      await this.refreshSelected();
    });
  }

  private async act(action: 'lock' | 'unlock' | 'reset-mfa', done: MessageKey): Promise<void> {
    const account = this.selected();
    if (!account) return;
    await this.run(async () => {
      const params = { params: { path: { id: account.id } } };
      const { data } =
        action === 'lock'
          ? await this.api.POST('/api/v1/admin/staff/{id}/lock', { ...params, body: {} })
          : action === 'unlock'
            ? await this.api.POST('/api/v1/admin/staff/{id}/unlock', params)
            : await this.api.POST('/api/v1/admin/staff/{id}/reset-mfa', params);
      if (!data) return;
      this.notice.set(this.t(done, { name: data.fullName }));
      this.select(data);
      await this.load(true);
    });
  }

  private select(detail: Detail): void {
    this.selected.set(detail);
    this.allowList.setValue(detail.ipAllowList.join('\n'));
    this.detailErrors.set({});
  }

  private async refreshSelected(): Promise<void> {
    const account = this.selected();
    if (!account) return;
    const { data } = await this.api.GET('/api/v1/admin/staff/{id}', { params: { path: { id: account.id } } });
    if (data) this.select(data);
  }

  private async run(work: () => Promise<void>): Promise<void> {
    this.busy.set(true);
    this.notice.set(null);
    try {
      await work();
    } finally {
      this.busy.set(false);
    }
  }

  private async loadDepartments(): Promise<void> {
    const { data } = await this.api.GET('/api/v1/admin/departments');
    if (data) this.departments.set(data.filter((d) => !d.retiredAt));
  }

  private async load(reset: boolean): Promise<void> {
    const seq = ++this.loadSeq;
    this.loading.set(true);
    this.failed.set(false);
    try {
      const { q, status } = this.filters.getRawValue();
      const cursor = reset ? undefined : (this.nextCursor() ?? undefined);
      const { data } = await this.api.GET('/api/v1/admin/staff', { params: { query: { q: q.trim() || undefined, status: status || undefined, limit: PAGE_SIZE, cursor } } });
      if (seq !== this.loadSeq) return;
      if (!data) {
        this.failed.set(true);
        return;
      }
      this.staff.update((all) => (reset ? data.items : [...all, ...data.items]));
      this.nextCursor.set(data.nextCursor);
    } catch {
      if (seq === this.loadSeq) this.failed.set(true);
    } finally {
      if (seq === this.loadSeq) this.loading.set(false);
    }
  }
}
