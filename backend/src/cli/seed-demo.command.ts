import { Command, CommandRunner } from 'nest-commander';
import { SeedService } from '../modules/seed/seed.service';

@Command({ name: 'seed:demo', description: 'Seed departments, categories and the demo accounts (idempotent)' })
export class SeedDemoCommand extends CommandRunner {
  constructor(private readonly seed: SeedService) {
    super();
  }

  async run(): Promise<void> {
    const { created } = await this.seed.seedDemo();
    process.stdout.write(created.length ? `demo accounts created: ${created.join(', ')}\n` : 'demo data already present\n');
  }
}
