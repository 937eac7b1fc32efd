import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppealAccess } from './appeal-access.service';
import { Appeal } from './appeal.entity';
import { AppealRoutingSamples } from './appeal-routing-sample.repository';
import { UserDirectoryModule } from '../users/user-directory.module';

/**
 * Object-level access to appeals on its own, so modules the appeals module depends on
 * (attachments) can check access without importing the appeals module back.
 */
@Module({ imports: [TypeOrmModule.forFeature([Appeal]), UserDirectoryModule], providers: [AppealAccess, AppealRoutingSamples], exports: [AppealAccess, AppealRoutingSamples] })
export class AppealAccessModule {}
