import type { SmsReceipt } from '../sms-sender';
import type { PartReceipt } from './smpp-receipt';

/** The parts of one concatenated message, as the SMSC accepted them. */
export interface PartGroup {
  /** The first part's message_id: what `send` resolved with. */
  primaryId: string | null;
  total: number;
  receipts: Map<string, PartReceipt>;
  ids: string[];
  openedAt: number;
}

/** How long a concatenated message waits for the receipts of all its parts before it is forgotten. */
const KEEP_MS = 72 * 3600_000;
const STATUS_ORDER: SmsReceipt['status'][] = ['rejected', 'failed', 'expired', 'unknown', 'delivered'];

/**
 * The SMSC answers each part of a concatenated message with its own message_id and its own
 * receipt; the caller knows one message and one id (the first part's). This folds the parts'
 * receipts into one: emitted when every part has reported, with the worst status among them.
 * In memory only: after a restart, receipts of earlier messages' later parts come through under
 * their own ids (which the caller does not know and ignores); the first part's id is the message's.
 */
export class PartReceipts {
  private readonly byPart = new Map<string, PartGroup>();
  private readonly groups = new Set<PartGroup>();

  constructor(private readonly now: () => number = Date.now) {}

  open(total: number): PartGroup {
    this.prune();
    const group: PartGroup = { primaryId: null, total, receipts: new Map(), ids: [], openedAt: this.now() };
    this.groups.add(group);
    return group;
  }

  /** Called synchronously with submit_sm_resp, before a receipt for that part can be read. */
  accept(group: PartGroup, index: number, messageId: string): void {
    if (index === 0) group.primaryId = messageId;
    group.ids.push(messageId);
    this.byPart.set(messageId, group);
  }

  /** A part failed to go out: its group will never complete. */
  drop(group: PartGroup): void {
    this.groups.delete(group);
    for (const id of group.ids) this.byPart.delete(id);
  }

  /**
   * The receipt to give the caller: the part's own (a single-part message or an unknown id), the
   * folded one when this was the last part to report, or null while parts are still outstanding.
   */
  settle(part: PartReceipt, at: Date): SmsReceipt | null {
    const group = this.byPart.get(part.messageId);
    if (!group) return withError({ providerId: part.messageId, status: part.status, at }, part.error);
    group.receipts.set(part.messageId, part);
    if (group.receipts.size < group.total || !group.primaryId) return null;
    this.drop(group);
    const parts = group.ids.map((id) => group.receipts.get(id)!);
    const worst = parts.reduce((a, b) => (STATUS_ORDER.indexOf(b.status) < STATUS_ORDER.indexOf(a.status) ? b : a));
    return withError({ providerId: group.primaryId, status: worst.status, at }, worst.error);
  }

  get size(): number {
    return this.groups.size;
  }

  private prune(): void {
    const cutoff = this.now() - KEEP_MS;
    for (const group of this.groups) {
      if (group.openedAt >= cutoff) break;
      this.drop(group);
    }
  }
}

function withError(receipt: SmsReceipt, error: string | undefined): SmsReceipt {
  return error ? { ...receipt, error } : receipt;
}
