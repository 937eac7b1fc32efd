import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import type { Schemas } from '@otklik/shared/api/client';
import { I18n, type MessageKey } from '../../core/i18n/i18n.service';
import { DueDate } from '../../ui/due-date';

type Appeal = Schemas['AppealDto'];

interface Step {
  key: string;
  label: MessageKey;
  at: string | null;
  /** A date without a time (the documents' due date). */
  date?: string | null;
  note?: string;
  state: 'done' | 'now' | 'due';
}

/**
 * The appeal's clock as a timeline: registered, the first reaction (or its deadline), each pause
 * for documents (requested → received, the documents' due date while it lasts), the extension,
 * the answer and the deadline — the deadline marked paused while the clock stands.
 */
@Component({
  selector: 'ok-sla-timeline',
  imports: [DueDate],
  template: `
    <ol class="sla" data-testid="sla-timeline">
      @for (step of steps(); track step.key) {
        <li [attr.data-step]="step.key" [attr.data-state]="step.state">
          <span class="what">{{ t(step.label) }}</span>
          <span class="when">
            @if (step.key === 'due') {
              <ok-due-date [dueAt]="step.at" [overdue]="appeal().overdue" />
            } @else if (step.at) {
              {{ i18n.dateTime(step.at) }}
            }
            @if (step.date) {
              {{ t('sla.documentsDue', { date: i18n.date(step.date) }) }}
            }
            @if (step.note) {
              <span class="muted">{{ step.note }}</span>
            }
          </span>
        </li>
      }
    </ol>
  `,
  styles: `
    .sla { list-style: none; margin: 0; padding: 0 0 0 14px; border-left: 2px solid var(--mat-sys-outline-variant, #ccc); display: grid; gap: 8px; }
    .sla li { display: flex; flex-direction: column; }
    .what { font-size: 12px; color: var(--mat-sys-on-surface-variant); }
    .when { overflow-wrap: anywhere; }
    li[data-state='now'] .what { font-weight: 600; color: var(--mat-sys-on-surface); }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SlaTimeline {
  protected readonly i18n = inject(I18n);
  protected readonly t = this.i18n.t;

  readonly appeal = input.required<Appeal>();

  protected readonly steps = computed<Step[]>(() => {
    const a = this.appeal();
    const steps: Step[] = [{ key: 'registered', label: 'sla.registered', at: a.registeredAt, state: 'done' }];
    steps.push(
      a.firstReactionAt
        ? { key: 'reaction', label: 'sla.firstReaction', at: a.firstReactionAt, state: 'done' }
        : { key: 'reaction', label: 'sla.firstReactionDue', at: a.firstResponseDueAt, state: 'due' },
    );
    // The pauses: each documents request until the citizen brought them (oldest first, as the history is).
    let pause = 0;
    let open: Step | null = null;
    for (const entry of a.history) {
      if (entry.event === 'documents_requested') {
        pause++;
        open = { key: `pause-${pause}`, label: 'sla.paused', at: entry.at, state: 'now' };
        steps.push(open);
      } else if (open && entry.fromStatus === 'awaiting_citizen' && entry.toStatus !== 'awaiting_citizen') {
        open.state = 'done';
        steps.push({ key: `resumed-${pause}`, label: entry.event === 'materials_added' ? 'sla.documentsReceived' : 'sla.resumed', at: entry.at, state: 'done' });
        open = null;
      } else if (entry.event === 'extended') {
        steps.push({ key: `extended-${entry.id}`, label: 'sla.extended', at: entry.at, note: entry.comment ?? undefined, state: 'done' });
      }
    }
    // While the clock stands, the documents' due date is what the operator waits for.
    if (open && a.slaPaused) open.date = a.documentsDueOn;
    if (a.answeredAt) steps.push({ key: 'answered', label: 'sla.answered', at: a.answeredAt, state: 'done' });
    steps.push({ key: 'due', label: a.slaPaused ? 'sla.duePaused' : 'sla.due', at: a.dueAt, state: a.answeredAt ? 'done' : 'due' });
    return steps;
  });
}
