import { TransactionRunner } from '../../backend/src/database/transaction-runner';
import { DispatchedEvent } from '../../backend/src/modules/outbox/domain-event';
import { RecurringProblemWatch } from '../../backend/src/modules/appeals/recurring-problems.service';
import { appeal, World, worldOfFile } from './support/workflow';

/**
 * The recurring-problem watch on services (CONVENTIONS.md #18): a window's signal is raised once,
 * and a registration whose window has its signal already costs no transaction (under a steady
 * stream of one category every registration used to open one whose INSERT found the signal there).
 */
const world = worldOfFile({ RECURRING_MIN_CITIZENS: '2' });

const submitted = (appealId: string) => ({ id: '0', eventType: 'appeal.submitted', aggregateType: 'appeal', aggregateId: appealId, payload: {} }) as unknown as DispatchedEvent<'appeal.submitted'>;

describe('recurring-problem watch', () => {
  it('raises a window’s signal once; a later registration of that window opens no transaction', async () => {
    const w: World = world();
    const watch = w.app.get(RecurringProblemWatch);
    const signals = async () => (await w.db.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM recurring_problem_signals WHERE category_id = $1`, [w.categories.knowledge]))[0].n;
    const first = await appeal(w).by('citizen').build();
    await watch.handleBatch([submitted(first.id)]);
    expect(await signals()).toBe(0);

    const second = await appeal(w).by('citizen2').build();
    const third = await appeal(w).by('citizen').build();
    const runs = jest.spyOn(w.app.get(TransactionRunner), 'run');
    try {
      // Two registrations of one window in one batch: one transaction raises the signal.
      await watch.handleBatch([submitted(second.id), submitted(third.id)]);
      expect(runs).toHaveBeenCalledTimes(1);
      expect(await signals()).toBe(1);
      // The window has its signal: a later registration (and a redelivery) is not counted again.
      const fourth = await appeal(w).by('citizen2').build();
      runs.mockClear();
      await watch.handleBatch([submitted(fourth.id), submitted(third.id)]);
      expect(runs).not.toHaveBeenCalled();
      expect(await signals()).toBe(1);
    } finally {
      runs.mockRestore();
    }
  }, 60_000);
});
