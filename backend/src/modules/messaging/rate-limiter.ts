/** Monotonic time and waiting, injected so tests move time by hand instead of sleeping. */
export interface LimiterTimer {
  /** Milliseconds on a monotonic scale (only differences matter). */
  now(): number;
  sleep(ms: number): Promise<void>;
}

export const REAL_TIMER: LimiterTimer = {
  now: () => performance.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

/**
 * A token bucket per provider (SMSC, SMTP relay, push services): `perSecond` tokens a second, at most
 * `burst` saved up. `take()` waits its turn (first come, first served); `tryTake()` never waits.
 * Not the application Clock: that one jumps when tests move it, and a jump must not mint tokens.
 */
export class RateLimiter {
  readonly perSecond: number;
  readonly burst: number;
  private tokens: number;
  private last: number;
  private readonly waiters: (() => void)[] = [];
  private pumping = false;

  constructor(options: { perSecond: number; burst?: number }, private readonly timer: LimiterTimer = REAL_TIMER) {
    if (!(options.perSecond > 0)) throw new Error('RateLimiter: perSecond must be positive');
    this.perSecond = options.perSecond;
    this.burst = Math.max(1, options.burst ?? options.perSecond);
    this.tokens = this.burst;
    this.last = timer.now();
  }

  /** Takes a token if one is there now (and nobody is queued before us). */
  tryTake(): boolean {
    if (this.waiters.length > 0) return false;
    this.refill();
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }

  /** Resolves once a token is taken. */
  take(): Promise<void> {
    if (this.tryTake()) return Promise.resolve();
    return new Promise<void>((resolve) => {
      this.waiters.push(resolve);
      this.pump();
    });
  }

  /** Callers waiting for a token. */
  get queued(): number {
    return this.waiters.length;
  }

  private refill(): void {
    const now = this.timer.now();
    const elapsed = Math.max(0, now - this.last);
    this.last = now;
    this.tokens = Math.min(this.burst, this.tokens + (elapsed * this.perSecond) / 1000);
  }

  /** One loop hands tokens to the queue in order, sleeping until the next one is due. */
  private pump(): void {
    if (this.pumping) return;
    this.pumping = true;
    void (async () => {
      try {
        while (this.waiters.length > 0) {
          this.refill();
          if (this.tokens >= 1) {
            this.tokens -= 1;
            this.waiters.shift()!();
            continue;
          }
          await this.timer.sleep(Math.max(1, Math.ceil(((1 - this.tokens) * 1000) / this.perSecond)));
        }
      } finally {
        this.pumping = false;
      }
    })();
  }
}
