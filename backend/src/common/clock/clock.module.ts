import { DynamicModule, Global, Module } from '@nestjs/common';
import { Clock, ClockController } from './clock';

@Global()
@Module({})
export class ClockModule {
  static forRoot(options: { control: boolean }): DynamicModule {
    return {
      module: ClockModule,
      providers: [Clock],
      exports: [Clock],
      controllers: options.control ? [ClockController] : [],
    };
  }
}
