import { DynamicModule, Module } from '@nestjs/common';
import { AppConfig } from '../../config/app-config';
import { EsiaIdp } from './esia-idp';

/**
 * The embedded ESIA-like IdP (development, demos, tests). It is no Nest controller: http.ts
 * mounts it at /esia as raw Fastify routes (see esia-idp.routes.ts), outside guards and pipes.
 */
@Module({})
export class EsiaIdpModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: EsiaIdpModule,
      providers: [{ provide: EsiaIdp, useFactory: () => EsiaIdp.create(config) }],
      exports: [EsiaIdp],
    };
  }
}
