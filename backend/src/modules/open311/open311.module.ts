import { Module } from '@nestjs/common';
import { AppealsModule } from '../appeals/appeals.module';
import { AuthModule } from '../auth/auth.module';
import { CatalogModule } from '../catalog/catalog.module';
import { Open311KeysController } from './open311-keys.controller';
import { Open311KeysService } from './open311-keys.service';
import { Open311Requests } from './open311-requests.service';
import { Open311Services } from './open311-services';
import { Open311Store } from './open311.repository';

/**
 * Open311 GeoReport v2 (issue 19): categories as services, requests filed as unidentified
 * feedback with a client app's API key, and their public state. The GeoReport routes themselves
 * are raw Fastify routes (open311.routes.ts, mounted by http.ts); the admin key API is Nest's.
 */
@Module({
  imports: [AppealsModule, CatalogModule, AuthModule],
  controllers: [Open311KeysController],
  providers: [Open311Store, Open311Services, Open311Requests, Open311KeysService],
  exports: [Open311Services, Open311Requests],
})
export class Open311Module {}
