import { Inject } from '@nestjs/common';
import { Command, CommandRunner } from 'nest-commander';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { SeedService } from '../modules/seed/seed.service';

@Command({ name: 'seed:demo', description: 'Seed departments, categories and the demo accounts (idempotent; demo mode only)' })
export class SeedDemoCommand extends CommandRunner {
  constructor(
    private readonly seed: SeedService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    super();
  }

  async run(): Promise<void> {
    // The demo accounts have published passwords: never in production.
    if (this.config.mode !== 'demo') throw new Error('seed:demo creates accounts with published passwords and runs only with APP_MODE=demo');
    const { created } = await this.seed.seedDemo();
    process.stdout.write(created.length ? `demo accounts created: ${created.join(', ')}\n` : 'demo data already present\n');
  }
}
