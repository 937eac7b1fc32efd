import { LimiterTimer, RateLimiter } from './rate-limiter';

/** Time that moves only when the test says so; sleepers wake when their time has come. */
class ManualTimer implements LimiterTimer {
  private time = 0;
  private sleepers: { at: number; wake: () => void }[] = [];

  now(): number {
    return this.time;
  }

  sleep(ms: number): Promise<void> {
    return new Promise((wake) => this.sleepers.push({ at: this.time + ms, wake }));
  }

  /** Moves time and lets everything that was waiting for it run. */
  async advance(ms: number): Promise<void> {
    this.time += ms;
    const due = this.sleepers.filter((s) => s.at <= this.time);
    this.sleepers = this.sleepers.filter((s) => s.at > this.time);
    for (const s of due) s.wake();
    await settle();
  }
}

const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('RateLimiter', () => {
  it('gives out the burst at once, then refuses until time passes', () => {
    const timer = new ManualTimer();
    const sut = new RateLimiter({ perSecond: 2, burst: 3 }, timer);
    expect([sut.tryTake(), sut.tryTake(), sut.tryTake(), sut.tryTake()]).toEqual([true, true, true, false]);
  });

  it('refills at the rate and never above the burst', async () => {
    const timer = new ManualTimer();
    const sut = new RateLimiter({ perSecond: 10, burst: 2 }, timer);
    sut.tryTake();
    sut.tryTake();
    await timer.advance(99);
    expect(sut.tryTake()).toBe(false);
    await timer.advance(1);
    expect(sut.tryTake()).toBe(true);
    await timer.advance(60_000);
    expect([sut.tryTake(), sut.tryTake(), sut.tryTake()]).toEqual([true, true, false]);
  });

  it('take() waits for a token and serves the waiters in order', async () => {
    const timer = new ManualTimer();
    const sut = new RateLimiter({ perSecond: 4, burst: 1 }, timer);
    const served: number[] = [];
    await sut.take();
    for (const n of [1, 2, 3]) void sut.take().then(() => served.push(n));
    await settle();
    expect(served).toEqual([]);
    expect(sut.queued).toBe(3);
    await timer.advance(250);
    expect(served).toEqual([1]);
    // Somebody arriving now queues behind the others instead of jumping the line.
    expect(sut.tryTake()).toBe(false);
    await timer.advance(250);
    await timer.advance(250);
    expect(served).toEqual([1, 2, 3]);
    expect(sut.queued).toBe(0);
  });

  it('the burst defaults to one second of the rate', () => {
    const sut = new RateLimiter({ perSecond: 50 }, new ManualTimer());
    expect(sut.burst).toBe(50);
    expect(() => new RateLimiter({ perSecond: 0 })).toThrow(/perSecond/);
  });
});
