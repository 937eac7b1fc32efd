import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { AuthModule } from '../auth/auth.module';
import { WidgetOriginsController } from './widget-origins.controller';
import { WidgetOriginsStore } from './widget-origins.repository';
import { WidgetOriginsService } from './widget-origins.service';
import { WidgetSignInController } from './widget-sign-in.controller';

/**
 * The embeddable citizen widget (issue 19): the origins allowed to embed it. The widget's
 * scripts (dist/widget) and the CORS check of the public routes are wired in http.ts.
 */
@Module({
  imports: [AuditModule, AuthModule],
  controllers: [WidgetOriginsController, WidgetSignInController],
  providers: [WidgetOriginsStore, WidgetOriginsService],
  exports: [WidgetOriginsService],
})
export class WidgetModule {}
