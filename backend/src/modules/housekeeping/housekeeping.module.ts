import { DynamicModule, Module } from '@nestjs/common';
import { IdempotencyService } from '../../common/idempotency/idempotency.service';
import { AttachmentsModule } from '../attachments/attachments.module';
import { AuthModule } from '../auth/auth.module';
import { HousekeepingController } from './housekeeping.controller';
import { HousekeepingService } from './housekeeping.service';

@Module({})
export class HousekeepingModule {
  /** `control`: tests may run a round at once (CLOCK_CONTROL=true, never in production). */
  static forRoot(options: { control: boolean }): DynamicModule {
    return {
      module: HousekeepingModule,
      imports: [AttachmentsModule, AuthModule],
      providers: [HousekeepingService, IdempotencyService],
      exports: [HousekeepingService],
      controllers: options.control ? [HousekeepingController] : [],
    };
  }
}
