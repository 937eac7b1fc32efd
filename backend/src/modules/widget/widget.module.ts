import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { WidgetOriginsController } from './widget-origins.controller';
import { WidgetOriginsStore } from './widget-origins.repository';
import { WidgetOriginsService } from './widget-origins.service';

/**
 * The embeddable citizen widget (issue 19): the origins allowed to embed it. The widget's
 * scripts (dist/widget) and the CORS check of the public routes are wired in http.ts.
 */
@Module({
  imports: [AuditModule],
  controllers: [WidgetOriginsController],
  providers: [WidgetOriginsStore, WidgetOriginsService],
  exports: [WidgetOriginsService],
})
export class WidgetModule {}
