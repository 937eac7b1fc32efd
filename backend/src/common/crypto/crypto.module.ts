import { Global, Module } from '@nestjs/common';
import { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { PersonalDataCipher } from './personal-data-cipher';

@Global()
@Module({
  providers: [{ provide: PersonalDataCipher, inject: [APP_CONFIG], useFactory: (c: AppConfig) => new PersonalDataCipher(c.masterKey) }],
  exports: [PersonalDataCipher],
})
export class CryptoModule {}
