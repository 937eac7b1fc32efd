// PLACEHOLDER until the catalogue branch lands.
import { DispatchedEvent } from '../../outbox/domain-event';
import { NoticeKind } from './notice-kinds';

export interface NoticeTarget {
  kind: NoticeKind;
  to: 'citizen' | 'payload_recipients' | 'assignee' | 'department_staff';
}

export function noticesOf(event: DispatchedEvent): NoticeTarget[] {
  const p = event.payload as { from?: string | null; to?: string };
  const out: NoticeTarget[] = [];
  switch (event.eventType) {
    case 'appeal.submitted':
      out.push({ kind: 'registered', to: 'citizen' }, { kind: 'queue_new', to: 'department_staff' });
      break;
    case 'appeal.redirected':
      out.push({ kind: 'redirected', to: 'citizen' });
      break;
    case 'appeal.extended':
      out.push({ kind: 'extended', to: 'citizen' });
      break;
    case 'appeal.answered':
      out.push({ kind: 'answer_ready', to: 'citizen' });
      break;
    case 'appeal.overdue':
      out.push({ kind: 'overdue', to: 'payload_recipients' });
      break;
    default:
      if (p.to && p.from && p.from !== p.to) out.push({ kind: 'status_changed', to: 'citizen' });
  }
  return out;
}
