import { DomainError } from '../problem/domain-error';
import { decodeCursor, encodeCursor } from './cursor';

describe('keyset cursors', () => {
  it('round-trip the sort key of the last row', () => {
    const values = ['0.0607927', '2026-11-22T10:00:00.000Z', '8f0f8c2e-2d7e-4a6b-9b7a-0d8c7c9c1a11'];
    expect(decodeCursor(encodeCursor(values), 3)).toEqual(values);
  });

  it.each(['', 'garbage', encodeCursor(['a']), Buffer.from('{"a":1}').toString('base64url'), Buffer.from('[{}, 1]').toString('base64url')])(
    'rejects %p as a 422 on the cursor field',
    (cursor) => {
      let error: unknown;
      try {
        decodeCursor(cursor, 2);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(DomainError);
      expect((error as DomainError).status).toBe(422);
      expect((error as DomainError).errors[0].field).toBe('cursor');
    },
  );
});
