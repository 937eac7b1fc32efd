import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormControl, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatListModule } from '@angular/material/list';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatTableModule } from '@angular/material/table';
import type { Schemas } from '@otklik/shared/api/client';
import { API } from '../../core/api/api-client';
import { I18n } from '../../core/i18n/i18n.service';

type Access = Schemas['PersonalDataAccessDto'];
type Citizen = Schemas['CitizenMatchDto'];

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const PAGE_SIZE = 50;

/** Who accessed one citizen's personal data, when and why (152-ФЗ), for admins and auditors. */
@Component({
  selector: 'ok-personal-data-access-page',
  imports: [ReactiveFormsModule, MatButtonModule, MatFormFieldModule, MatInputModule, MatListModule, MatTableModule],
  templateUrl: './personal-data-access.page.html',
  styleUrl: './alerts.page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PersonalDataAccessPage {
  private readonly api = inject(API);
  protected readonly i18n = inject(I18n);
  protected readonly t = this.i18n.t;

  /** A citizen id (the log at once), or an e-mail, a phone or a part of the name to search by. */
  protected readonly citizenId = new FormControl('', { nonNullable: true, validators: [Validators.required, Validators.minLength(3), Validators.maxLength(200)] });
  protected readonly columns = ['occurredAt', 'action', 'appeal', 'who', 'department', 'reason'];
  /** Citizens the last search found (null: no search made). */
  protected readonly matches = signal<Citizen[] | null>(null);
  /** Whose log is shown. */
  protected readonly chosen = signal<{ id: string; fullName: string | null } | null>(null);
  protected readonly rows = signal<Access[]>([]);
  protected readonly nextCursor = signal<string | null>(null);
  protected readonly searched = signal(false);
  protected readonly loading = signal(false);
  protected readonly failed = signal(false);

  protected search(): void {
    if (this.citizenId.invalid) {
      this.citizenId.markAsTouched();
      return;
    }
    const value = this.citizenId.value.trim();
    if (UUID.test(value)) {
      this.choose({ id: value, fullName: null });
      return;
    }
    void this.find(value);
  }

  protected choose(citizen: { id: string; fullName: string | null }): void {
    this.chosen.set(citizen);
    this.matches.set(null);
    void this.load(true);
  }

  private async find(q: string): Promise<void> {
    this.loading.set(true);
    this.failed.set(false);
    this.searched.set(false);
    this.chosen.set(null);
    try {
      const { data } = await this.api.GET('/api/v1/audit/citizens', { params: { query: { q } } });
      if (!data) {
        this.failed.set(true);
        return;
      }
      this.matches.set(data.items);
    } catch {
      this.failed.set(true);
    } finally {
      this.loading.set(false);
    }
  }

  protected more(): void {
    void this.load(false);
  }

  private async load(reset: boolean): Promise<void> {
    this.loading.set(true);
    this.failed.set(false);
    try {
      const cursor = reset ? undefined : (this.nextCursor() ?? undefined);
      const { data } = await this.api.GET('/api/v1/audit/personal-data-access/{citizenId}', {
        params: { path: { citizenId: this.chosen()!.id }, query: { limit: PAGE_SIZE, cursor } },
      });
      if (!data) {
        this.failed.set(true);
        return;
      }
      this.rows.update((all) => (reset ? data.items : [...all, ...data.items]));
      this.nextCursor.set(data.nextCursor);
      this.searched.set(true);
    } catch {
      this.failed.set(true);
    } finally {
      this.loading.set(false);
    }
  }
}
