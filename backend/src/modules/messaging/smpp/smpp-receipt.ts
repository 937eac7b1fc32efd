import type { SmsReceipt } from '../sms-sender';

/** What one deliver_sm receipt says about one submitted PDU. */
export interface PartReceipt {
  messageId: string;
  status: SmsReceipt['status'];
  error?: string;
}

/** esm_class bits 5–2: the message type; 0001 is an SMSC delivery receipt. */
const MESSAGE_TYPE_MASK = 0x3c;
const MC_DELIVERY_RECEIPT = 0x04;

/** message_state values (SMPP 3.4 §5.2.28). */
const BY_STATE: Record<number, SmsReceipt['status']> = { 2: 'delivered', 3: 'expired', 4: 'failed', 5: 'failed', 8: 'rejected' };
/** The `stat:` words of the receipt text (SMPP 3.4 appendix B). */
const BY_STAT: Record<string, SmsReceipt['status']> = { DELIVRD: 'delivered', EXPIRED: 'expired', DELETED: 'failed', UNDELIV: 'failed', REJECTD: 'rejected' };

/**
 * The receipt a deliver_sm carries, or null when it is not one (a message from a handset). The
 * receipted_message_id and message_state TLVs win over the text (`id:… stat:DELIVRD err:000 …`),
 * which is the only form SMPP 3.3-era SMSCs send.
 */
export function parseDeliveryReceipt(pdu: Readonly<Record<string, unknown>>): PartReceipt | null {
  const esmClass = typeof pdu.esm_class === 'number' ? pdu.esm_class : 0;
  if ((esmClass & MESSAGE_TYPE_MASK) !== MC_DELIVERY_RECEIPT) return null;
  const text = textOf(pdu.short_message) || textOf(pdu.message_payload);
  const tlvId = typeof pdu.receipted_message_id === 'string' ? pdu.receipted_message_id.replace(/\0+$/, '') : '';
  const messageId = tlvId || /\bid:(\S+)/i.exec(text)?.[1];
  if (!messageId) return null;
  const stat = /\bstat:(\w+)/i.exec(text)?.[1]?.toUpperCase();
  const status = typeof pdu.message_state === 'number' ? (BY_STATE[pdu.message_state] ?? 'unknown') : stat ? (BY_STAT[stat] ?? 'unknown') : 'unknown';
  const err = /\berr:(\w+)/i.exec(text)?.[1];
  if (status === 'delivered') return { messageId, status };
  const error = [stat && `stat:${stat}`, err && !/^0+$/.test(err) && `err:${err}`].filter(Boolean).join(' ');
  return error ? { messageId, status, error } : { messageId, status };
}

function textOf(field: unknown): string {
  if (!field) return '';
  if (typeof field === 'string') return field;
  if (Buffer.isBuffer(field)) return field.toString('latin1');
  const message = (field as { message?: unknown }).message;
  if (typeof message === 'string') return message;
  return Buffer.isBuffer(message) ? message.toString('latin1') : '';
}
