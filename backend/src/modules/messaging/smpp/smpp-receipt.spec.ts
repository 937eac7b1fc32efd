import { PartReceipts } from './part-receipts';
import { parseDeliveryReceipt } from './smpp-receipt';

const receiptText = (id: string, stat: string, err = '000') =>
  `id:${id} sub:001 dlvrd:001 submit date:2612051200 done date:2612051201 stat:${stat} err:${err} text:Ваш код`;

describe('parseDeliveryReceipt', () => {
  it('reads the id and the final state from the receipt text', () => {
    expect(parseDeliveryReceipt({ esm_class: 0x04, short_message: { message: receiptText('A1B2', 'DELIVRD') } })).toEqual({ messageId: 'A1B2', status: 'delivered' });
    expect(parseDeliveryReceipt({ esm_class: 0x04, short_message: { message: receiptText('7', 'UNDELIV', '034') } })).toEqual({ messageId: '7', status: 'failed', error: 'stat:UNDELIV err:034' });
    expect(parseDeliveryReceipt({ esm_class: 0x04, short_message: { message: receiptText('7', 'EXPIRED') } })).toMatchObject({ status: 'expired' });
    expect(parseDeliveryReceipt({ esm_class: 0x04, short_message: { message: receiptText('7', 'REJECTD') } })).toMatchObject({ status: 'rejected' });
    expect(parseDeliveryReceipt({ esm_class: 0x04, short_message: { message: receiptText('7', 'ACCEPTD') } })).toMatchObject({ status: 'unknown' });
  });

  it('prefers the receipted_message_id and message_state TLVs', () => {
    expect(parseDeliveryReceipt({ esm_class: 0x04, short_message: { message: receiptText('text-id', 'DELIVRD') }, receipted_message_id: 'tlv-id', message_state: 5 })).toEqual({
      messageId: 'tlv-id',
      status: 'failed',
      error: 'stat:DELIVRD',
    });
    expect(parseDeliveryReceipt({ esm_class: 0x04, receipted_message_id: 'X9', message_state: 2 })).toEqual({ messageId: 'X9', status: 'delivered' });
  });

  it('is null for a message from a handset (no receipt bit)', () => {
    expect(parseDeliveryReceipt({ esm_class: 0x00, short_message: { message: receiptText('1', 'DELIVRD') } })).toBeNull();
  });
});

describe('PartReceipts', () => {
  const at = new Date('2026-12-05T12:00:00Z');

  it('passes a single message’s receipt through under its own id', () => {
    const sut = new PartReceipts();
    expect(sut.settle({ messageId: 'm1', status: 'delivered' }, at)).toEqual({ providerId: 'm1', status: 'delivered', at });
  });

  it('folds the parts of a concatenated message into one receipt under the first part’s id, the worst status winning', () => {
    const sut = new PartReceipts();
    const group = sut.open(3);
    sut.accept(group, 0, 'p1');
    expect(sut.settle({ messageId: 'p1', status: 'delivered' }, at)).toBeNull();
    sut.accept(group, 1, 'p2');
    sut.accept(group, 2, 'p3');
    expect(sut.settle({ messageId: 'p3', status: 'failed', error: 'err:034' }, at)).toBeNull();
    expect(sut.settle({ messageId: 'p2', status: 'delivered' }, at)).toEqual({ providerId: 'p1', status: 'failed', at, error: 'err:034' });
    expect(sut.size).toBe(0);
  });

  it('forgets groups after three days', () => {
    let now = 0;
    const sut = new PartReceipts(() => now);
    sut.accept(sut.open(2), 0, 'old');
    now = 73 * 3600_000;
    sut.open(2);
    expect(sut.size).toBe(1);
    expect(sut.settle({ messageId: 'old', status: 'delivered' }, at)).toMatchObject({ providerId: 'old' });
  });
});
