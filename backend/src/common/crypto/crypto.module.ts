import { Global, Module } from '@nestjs/common';
import { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { BlindIndex } from './blind-index';
import { PersonalDataCipher } from './personal-data-cipher';

@Global()
@Module({
  providers: [
    { provide: PersonalDataCipher, inject: [APP_CONFIG], useFactory: (c: AppConfig) => new PersonalDataCipher(c.masterKey) },
    { provide: BlindIndex, inject: [APP_CONFIG], useFactory: (c: AppConfig) => new BlindIndex(c.masterKey) },
  ],
  exports: [PersonalDataCipher, BlindIndex],
})
export class CryptoModule {}
