import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { CitizenTrustPolicy } from './citizen-trust-policy';
import { MeController } from './me.controller';
import { UserDirectoryModule } from './user-directory.module';
import { UsersService } from './users.service';

@Module({
  imports: [AuthModule, UserDirectoryModule],
  controllers: [MeController],
  providers: [UsersService, CitizenTrustPolicy],
  exports: [UsersService, CitizenTrustPolicy, UserDirectoryModule],
})
export class UsersModule {}
