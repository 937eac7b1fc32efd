import 'reflect-metadata';
import { CommandFactory } from 'nest-commander';
import { ConfigError, loadConfig } from './config/app-config';
import { openDatabase } from './database/open-database';
import { CliModule } from './cli/cli.module';

/**
 * Admin CLI. Works on the same DATA_DIR whether or not the server runs: with a server
 * holding the embedded database it goes through that server's Postgres socket.
 */
async function main(): Promise<void> {
  const config = loadConfig({ LOG_LEVEL: 'warn', ...process.env });
  const db = await openDatabase(config, { shareRunning: true, migrate: true });
  let failed = false;
  try {
    await CommandFactory.run(CliModule.forRoot({ config, databaseUrl: db.url, embedded: db.embedded, process: 'cli' }), {
      logger: ['error', 'warn'],
      errorHandler: (error) => {
        failed = true;
        process.stderr.write(`error: ${error.message}\n`);
      },
      serviceErrorHandler: (error) => {
        failed = true;
        process.stderr.write(`error: ${error.message}\n`);
      },
    });
  } finally {
    await db.close();
  }
  process.exit(failed ? 1 : 0);
}

main().catch((error: unknown) => {
  process.stderr.write(error instanceof ConfigError ? `${error.message}\n` : `error: ${(error as Error).message}\n`);
  process.exit(1);
});
