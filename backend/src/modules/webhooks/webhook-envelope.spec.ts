import type { AppealRouting } from '../appeals/appeal-facts.repository';
import { DispatchedEvent } from '../outbox/domain-event';
import { filterFacts, matchesFilters, WEBHOOK_EVENT_TYPES, webhookData } from './webhook-envelope';

const appeal: AppealRouting = { number: 42, type: 'complaint', status: 'in_progress', departmentId: 'dep-1', categoryId: 'cat-1', subcategoryId: 'sub-1' };
const event = (eventType: string, payload: Record<string, unknown>): DispatchedEvent =>
  ({ id: '7', eventType, version: 1, aggregateType: 'appeal', aggregateId: 'appeal-1', payload, createdAt: '2026-12-06T00:00:00.000Z' }) as unknown as DispatchedEvent;

describe('webhook envelope data', () => {
  it('carries identifiers, statuses and roles of a step, never personal data or texts', () => {
    const sut = webhookData(
      event('appeal.taken', { appealId: 'appeal-1', number: 42, citizenId: 'citizen-1', departmentId: 'dep-1', type: 'complaint', from: 'registered', to: 'in_progress', actorId: 'staff-1', actorRole: 'operator', comment: 'Иванов И. И., тел. +7 916 000-00-00', recipients: ['staff-2'], assigneeId: 'staff-1' }),
      appeal,
    );
    expect(sut).toEqual({ appealId: 'appeal-1', number: 42, appealType: 'complaint', status: 'in_progress', departmentId: 'dep-1', categoryId: 'cat-1', subcategoryId: 'sub-1', from: 'registered', to: 'in_progress', actorRole: 'operator' });
  });

  it('leaves out the file name of an infected file and the subject of a security alert', () => {
    expect(webhookData(event('appeal.file_infected', { attachmentId: 'f-1', fileName: 'Паспорт Иванова.pdf', recipients: [] }), appeal)).not.toHaveProperty('fileName');
    expect(webhookData({ ...event('audit.alert_raised', { alertId: 'a-1', kind: 'mass_reveal', subjectUserId: 'u-1', subjectName: 'Петров', accountLocked: true }), aggregateType: 'audit_alert' } as DispatchedEvent, null)).toEqual({
      alertId: 'a-1',
      kind: 'mass_reveal',
      accountLocked: true,
    });
  });

  it('offers every event but the internal note and its own notice', () => {
    expect(WEBHOOK_EVENT_TYPES).toContain('appeal.submitted');
    expect(WEBHOOK_EVENT_TYPES).toContain('audit.alert_raised');
    expect(WEBHOOK_EVENT_TYPES).not.toContain('appeal.internal_note');
    expect(WEBHOOK_EVENT_TYPES).not.toContain('webhook.subscription_disabled');
  });
});

describe('subscription filters', () => {
  const facts = filterFacts(event('appeal.taken', { departmentId: 'old-dep' }), appeal);

  it('match the appeal as it is now: its department, category or subcategory', () => {
    expect(facts).toEqual({ departmentIds: ['dep-1'], categoryIds: ['cat-1', 'sub-1'] });
    expect(matchesFilters({ departmentIds: [], categoryIds: [] }, facts)).toBe(true);
    expect(matchesFilters({ departmentIds: ['dep-1'], categoryIds: ['sub-1'] }, facts)).toBe(true);
    expect(matchesFilters({ departmentIds: ['dep-2'], categoryIds: [] }, facts)).toBe(false);
    expect(matchesFilters({ departmentIds: [], categoryIds: ['cat-2'] }, facts)).toBe(false);
  });

  it('fall back to the payload department when the appeal is gone, and let nothing through a category filter then', () => {
    const gone = filterFacts(event('appeal.taken', { departmentId: 'old-dep' }), null);
    expect(matchesFilters({ departmentIds: ['old-dep'], categoryIds: [] }, gone)).toBe(true);
    expect(matchesFilters({ departmentIds: [], categoryIds: ['cat-1'] }, gone)).toBe(false);
  });
});
