import { DispatchedEvent } from './domain-event';

/**
 * Where the outbox relay hands events: inline (embedded mode, tests) or a BullMQ queue.
 * Same interface either way (CONVENTIONS.md #9).
 */
export interface JobDriver {
  readonly name: 'inline' | 'bullmq';
  dispatch(events: DispatchedEvent[]): Promise<void>;
}

export const JOB_DRIVER = Symbol('JOB_DRIVER');
