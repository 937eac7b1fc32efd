import { Controller, HttpCode, Post } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Public } from '../auth/auth.decorators';
import { HousekeepingService, HousekeepingReport } from './housekeeping.service';

/** Test-only: one housekeeping round now (mounted with CLOCK_CONTROL=true, refused in production). */
@ApiExcludeController()
@Controller({ path: 'test/housekeeping', version: '1' })
export class HousekeepingController {
  constructor(private readonly housekeeping: HousekeepingService) {}

  @Post()
  @Public()
  @HttpCode(200)
  run(): Promise<HousekeepingReport> {
    return this.housekeeping.run();
  }
}
