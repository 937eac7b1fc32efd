import { DOMAIN_EVENT_TYPES, DomainEventType } from './domain-event';
import { EventConsumer, EventConsumers } from './event-consumers';

const consumer = (name: string, events: string[]): EventConsumer => ({ name, events: events as DomainEventType[], handle: async () => undefined });

describe('EventConsumers (the registry the relay creates deliveries from)', () => {
  let sut: EventConsumers;
  beforeEach(() => (sut = new EventConsumers()));

  it('lists the consumers of each event type', () => {
    sut.register(consumer('notifications.email', ['appeal.answered', 'appeal.extended']));
    sut.register(consumer('reporting.rollups', ['appeal.answered']));
    expect(sut.of('appeal.answered')).toEqual(['notifications.email', 'reporting.rollups']);
    expect(sut.of('appeal.extended')).toEqual(['notifications.email']);
    expect(sut.of('appeal.submitted')).toEqual([]);
  });

  it('routes every (type, consumer) pair and names the consumers that narrow their types by a query, with the query', () => {
    sut.register(consumer('notifications', ['appeal.answered', 'appeal.extended']));
    sut.register({ ...consumer('webhooks', ['appeal.answered']), activeTypesQuery: 'SELECT unnest(events) FROM webhook_subscriptions WHERE enabled' });
    expect(sut.routes()).toEqual({
      types: ['appeal.answered', 'appeal.answered', 'appeal.extended'],
      consumers: ['notifications', 'webhooks', 'notifications'],
      gated: [{ consumer: 'webhooks', query: 'SELECT unnest(events) FROM webhook_subscriptions WHERE enabled' }],
    });
  });

  it('refuses an unknown event type, so the process does not boot with a consumer that would never run', () => {
    expect(() => sut.register(consumer('typo', ['appeal.answerd']))).toThrow('unknown event type "appeal.answerd"');
  });

  it('refuses a second consumer of the same name (its deliveries would be shared)', () => {
    sut.register(consumer('notifications.email', ['appeal.answered']));
    expect(() => sut.register(consumer('notifications.email', ['appeal.extended']))).toThrow('two event consumers are named');
  });

  it('refuses a name that is not a stable identifier', () => {
    expect(() => sut.register(consumer('Notifications Email', ['appeal.answered']))).toThrow('not a stable identifier');
  });

  it('knows every appeal step and the scheduler events', () => {
    expect(DOMAIN_EVENT_TYPES).toEqual(expect.arrayContaining(['appeal.submitted', 'appeal.answered', 'appeal.overdue', 'appeal.deadline_approaching', 'appeal.first_reaction_overdue', 'appeal.message']));
  });
});
