import { DataSource } from 'typeorm';
import { AppConfig } from '../../config/app-config';
import { EventConsumers } from './event-consumers';
import { EventDeliveries } from './event-deliveries.service';

describe('EventDeliveries back-off', () => {
  const sut = new EventDeliveries({} as DataSource, new EventConsumers(), {
    events: { maxAttempts: 8, retryBaseMs: 1000, retryMaxMs: 60_000, leaseSeconds: 60 },
  } as AppConfig);

  it('doubles from the base with ±20 % jitter', () => {
    for (const [attempts, middle] of [[1, 1000], [2, 2000], [3, 4000], [5, 16_000]] as const) {
      for (let i = 0; i < 50; i++) {
        const ms = sut.backoffMs(attempts);
        expect(ms).toBeGreaterThanOrEqual(middle * 0.8);
        expect(ms).toBeLessThanOrEqual(middle * 1.2);
      }
    }
  });

  it('is capped at the maximum', () => {
    expect(sut.backoffMs(30)).toBeLessThanOrEqual(72_000);
    expect(sut.backoffMs(30)).toBeGreaterThanOrEqual(48_000);
  });

  it('spreads retries of one attempt (jitter), so failures do not come back in waves', () => {
    const values = new Set(Array.from({ length: 20 }, () => sut.backoffMs(4)));
    expect(values.size).toBeGreaterThan(10);
  });
});
