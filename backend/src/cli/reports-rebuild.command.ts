import { Command, CommandRunner, Option } from 'nest-commander';
import { RollupRebuild } from '../modules/reporting/appeal-rollups.service';

interface Options {
  resume?: boolean;
  chunk?: number;
}

/**
 * Rebuilds the reporting rollups from the appeals' own tables, in chunks, each committed with its
 * progress: `--resume` carries on after an interrupted run instead of starting over. Prints a
 * progress line (on a terminal, one line redrawn) and a JSON summary.
 */
@Command({ name: 'reports:rebuild', description: 'Rebuild the reporting rollups from the appeals (resumable with --resume)' })
export class ReportsRebuildCommand extends CommandRunner {
  constructor(private readonly rebuild: RollupRebuild) {
    super();
  }

  async run(_: string[], options: Options): Promise<void> {
    const started = Date.now();
    const tty = process.stderr.isTTY;
    let lastPrinted = 0;
    const result = await this.rebuild.run({
      resume: options.resume ?? false,
      chunk: options.chunk ?? 1000,
      progress: (done, total) => {
        const now = Date.now();
        if (tty || now - lastPrinted >= 1000 || done === total) {
          lastPrinted = now;
          const pct = total === 0 ? 100 : Math.floor((done / total) * 100);
          const bar = '#'.repeat(Math.floor(pct / 5)).padEnd(20, '.');
          process.stderr.write(`${tty ? '\r' : ''}reports:rebuild [${bar}] ${done}/${total} appeals (${pct}%)${tty ? '' : '\n'}`);
        }
      },
    });
    if (tty) process.stderr.write('\n');
    process.stdout.write(`${JSON.stringify({ ...result, ms: Date.now() - started })}\n`);
  }

  @Option({ flags: '--resume', description: 'Continue an interrupted rebuild' })
  parseResume(): boolean {
    return true;
  }

  @Option({ flags: '--chunk <n>', description: 'Appeals per transaction (default 1000)' })
  parseChunk(value: string): number {
    const n = Number(value);
    if (!Number.isInteger(n) || n < 1 || n > 50_000) throw new Error('--chunk must be a whole number from 1 to 50000');
    return n;
  }
}
