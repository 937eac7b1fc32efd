import { Body, Controller, Get, HttpCode, Put } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { IsInt, Max, Min } from 'class-validator';
import { Public } from '../../modules/auth/auth.decorators';

/**
 * The time every business rule reads (registration, deadlines, overdue, auto-close, retention).
 * Injected, so tests move time by an offset instead of sleeping (CLOCK_CONTROL=true, never in
 * production). Database defaults (created_at) keep the real time: they are bookkeeping.
 */
export class Clock {
  private offsetMs = 0;

  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }

  get offset(): number {
    return this.offsetMs;
  }

  /** Moves this process's time; only the test-clock route calls it. */
  setOffset(ms: number): void {
    this.offsetMs = ms;
  }
}

class ClockOffsetDto {
  /** Milliseconds added to the real time (may be negative). */
  @IsInt() @Min(-10 * 365 * 86_400_000) @Max(10 * 365 * 86_400_000) offsetMs: number;
}

/** Test-only time control, mounted only with CLOCK_CONTROL=true (refused in production mode). */
@ApiExcludeController()
@Controller({ path: 'test/clock', version: '1' })
export class ClockController {
  constructor(private readonly clock: Clock) {}

  @Get()
  @Public()
  read(): { now: string; offsetMs: number } {
    return { now: this.clock.now().toISOString(), offsetMs: this.clock.offset };
  }

  @Put()
  @Public()
  @HttpCode(200)
  set(@Body() dto: ClockOffsetDto): { now: string; offsetMs: number } {
    this.clock.setOffset(dto.offsetMs);
    return this.read();
  }
}
