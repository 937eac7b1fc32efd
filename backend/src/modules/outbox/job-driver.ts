import { DeliveryKey } from './event-deliveries.service';

/**
 * Where deliveries (consumer × event) are run: in this process (embedded mode, tests) or on a
 * BullMQ queue that worker processes consume. Same semantics either way (CONVENTIONS.md #9): the
 * database holds every delivery's state, the driver only carries the work.
 */
export interface JobDriver {
  readonly name: 'inline' | 'bullmq';
  /**
   * How long after a delivery fell due the relay's sweep hands it over again: 0 for a driver whose
   * queue is this process's own (it knows what it holds), more for one whose queue the database
   * cannot see (BullMQ), so deliveries waiting there behind a burst are not added again each second.
   */
  readonly sweepGraceMs: number;
  /** Hands deliveries over; returns once they are accepted (not run). */
  dispatch(keys: DeliveryKey[]): Promise<void>;
  /** Stops taking work and waits for what is running (shutdown). */
  close(): Promise<void>;
}

export const JOB_DRIVER = Symbol('JOB_DRIVER');
