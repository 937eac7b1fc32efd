import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { CitizenTrustPolicy } from './citizen-trust-policy';
import { MeController } from './me.controller';
import { UsersService } from './users.service';

@Module({
  imports: [AuthModule],
  controllers: [MeController],
  providers: [UsersService, CitizenTrustPolicy],
  exports: [UsersService, CitizenTrustPolicy],
})
export class UsersModule {}
