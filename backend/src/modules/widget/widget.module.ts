import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { AuthModule } from '../auth/auth.module';
import { CatalogModule } from '../catalog/catalog.module';
import { UserDirectoryModule } from '../users/user-directory.module';
import { WidgetBodyController } from './widget-body.controller';
import { WidgetFilingGuard } from './widget-filing.guard';
import { WidgetOriginsController } from './widget-origins.controller';
import { WidgetOriginsStore } from './widget-origins.repository';
import { WidgetOriginsService } from './widget-origins.service';
import { WidgetSignInController } from './widget-sign-in.controller';

/**
 * The embeddable citizen widget (issue 19): the origins allowed to embed it, per body (a
 * top-level department) and for every body, and what the widget loads for its body. The widget's
 * scripts (dist/widget) and the CORS check of the public routes are wired in http.ts; the filing
 * routes use WidgetFilingGuard.
 */
@Module({
  imports: [AuditModule, AuthModule, CatalogModule, UserDirectoryModule],
  controllers: [WidgetOriginsController, WidgetSignInController, WidgetBodyController],
  providers: [WidgetOriginsStore, WidgetOriginsService, WidgetFilingGuard],
  exports: [WidgetOriginsService, WidgetFilingGuard],
})
export class WidgetModule {}
