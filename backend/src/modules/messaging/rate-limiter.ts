// PLACEHOLDER until the channels branch lands.
export class RateLimiter {
  constructor(private readonly options: { perSecond: number; burst: number }) {}
  async take(): Promise<void> {}
}
