import { Command, CommandRunner } from 'nest-commander';

/** Migrations run before any command; this one exists to run them alone (deploy step). */
@Command({ name: 'migrate', description: 'Apply pending database migrations' })
export class MigrateCommand extends CommandRunner {
  async run(): Promise<void> {
    process.stdout.write('migrations applied\n');
  }
}
