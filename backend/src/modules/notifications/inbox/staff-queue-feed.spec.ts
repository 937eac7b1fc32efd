import type { AppealAccess } from '../../appeals/appeal-access.service';
import type { OutboxService, RelayedEvent } from '../../outbox/outbox.service';
import type { NotificationStream } from './notification-stream';
import { StaffQueueFeed } from './staff-queue-feed';

describe('StaffQueueFeed', () => {
  const setUp = () => {
    const published: unknown[][] = [];
    const asked: string[][] = [];
    const access = {
      queueDepartmentsOf: jest.fn(async (ids: readonly string[]) => {
        asked.push([...ids]);
        return new Map([
          ['a-1', { number: 101, departments: ['d-1'] }],
          ['a-2', { number: 102, departments: ['d-2', 'd-3'] }],
        ]);
      }),
    } as unknown as AppealAccess;
    const stream = { publish: jest.fn(async (envelopes: unknown[]) => void published.push(envelopes)) } as unknown as NotificationStream;
    const feed = new StaffQueueFeed({} as OutboxService, access, stream);
    return { feed, published, asked };
  };
  const event = (aggregateId: string, eventType: string, departmentId: string | null = null): RelayedEvent => ({ eventType, aggregateType: 'appeal', aggregateId, departmentId });

  it("sends one queue message per appeal and kind of event of a relay pass, to the appeal's queues and the one the event names", async () => {
    const { feed, published, asked } = setUp();
    await feed.relay([
      event('a-1', 'appeal.extended'),
      event('a-1', 'appeal.extended'),
      event('a-2', 'appeal.taken'),
      event('a-1', 'appeal.commented'),
      event('a-2', 'appeal.redirected', 'd-9'),
      event('a-1', 'appeal.extended'),
      { eventType: 'audit.alert', aggregateType: 'alert', aggregateId: 'x', departmentId: null },
    ]);
    expect(asked).toEqual([['a-1', 'a-2', 'a-1', 'a-2']]);
    expect(published).toEqual([
      [
        { departments: ['d-1'], message: { type: 'queue', item: { appealId: 'a-1', number: 101, event: 'appeal.extended' } } },
        { departments: ['d-2', 'd-3'], message: { type: 'queue', item: { appealId: 'a-2', number: 102, event: 'appeal.taken' } } },
        { departments: ['d-1'], message: { type: 'queue', item: { appealId: 'a-1', number: 101, event: 'appeal.commented' } } },
        { departments: ['d-2', 'd-3', 'd-9'], message: { type: 'queue', item: { appealId: 'a-2', number: 102, event: 'appeal.redirected' } } },
      ],
    ]);
  });

  it('reads and sends nothing for a pass without appeal events', async () => {
    const { feed, published, asked } = setUp();
    await feed.relay([{ eventType: 'audit.alert', aggregateType: 'alert', aggregateId: 'x', departmentId: null }]);
    expect(asked).toEqual([]);
    expect(published).toEqual([]);
  });
});
