import type { EventsConfig } from '../../config/app-config';

/**
 * The back-off every retried delivery of the backbone waits (consumers, notifications, webhooks):
 * exponential from EVENT_RETRY_BASE_MS, capped at EVENT_RETRY_MAX_MS, with ±20 % jitter so
 * retries do not come in waves.
 */
export function retryBackoffMs(config: Pick<EventsConfig, 'retryBaseMs' | 'retryMaxMs'>, attempts: number): number {
  const raw = Math.min(config.retryMaxMs, config.retryBaseMs * 2 ** Math.max(0, attempts - 1));
  return Math.round(raw * (0.8 + Math.random() * 0.4));
}
