import { DynamicModule, Module } from '@nestjs/common';
import { AppModule, RuntimeOptions } from '../app.module';
import { AuthModule } from '../modules/auth/auth.module';
import { ReportingModule } from '../modules/reporting/reporting.module';
import { SeedModule } from '../modules/seed/seed.module';
import { UsersModule } from '../modules/users/users.module';
import { COMMANDS } from './commands';

@Module({})
export class CliModule {
  static forRoot(runtime: RuntimeOptions): DynamicModule {
    return { module: CliModule, imports: [AppModule.forRoot(runtime), AuthModule, UsersModule, SeedModule, ReportingModule], providers: [...COMMANDS] };
  }
}
