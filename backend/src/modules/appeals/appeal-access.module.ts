import { Module } from '@nestjs/common';
import { AppealAccess } from './appeal-access.service';

/**
 * Object-level access to appeals on its own, so modules the appeals module depends on
 * (attachments) can check access without importing the appeals module back.
 */
@Module({ providers: [AppealAccess], exports: [AppealAccess] })
export class AppealAccessModule {}
