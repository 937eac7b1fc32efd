import { readFileSync } from 'node:fs';
import { Inject } from '@nestjs/common';
import { Command, CommandRunner, Option } from 'nest-commander';
import { AUDIT_REDACTABLE_FIELDS } from '../modules/audit/audit-canonical';
import { AuditChainRepository } from '../modules/audit/audit-chain.repository';
import { AuditCheckpoints } from '../modules/audit/audit-checkpoints.service';
import { AuditSealer } from '../modules/audit/audit-sealer.service';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { AuditVerifier } from '../modules/audit/audit-verifier.service';
import { TransactionRunner } from '../database/transaction-runner';

const seqOption = (flag: string) => (value: string): number => {
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n < 1) throw new Error(`${flag} must be a whole number ≥ 1`);
  return n;
};

interface VerifyOptions {
  from?: number;
  to?: number;
  checkpoints?: string;
}

/** Verifies the chain; exit status 1 when it is broken. Prints the JSON report. */
@Command({ name: 'audit:verify', description: 'Verify the audit hash chain (and exported checkpoints with --checkpoints FILE); prints a JSON report, exit 1 when broken' })
export class AuditVerifyCommand extends CommandRunner {
  constructor(private readonly verifier: AuditVerifier) {
    super();
  }

  async run(_args: string[], options: VerifyOptions): Promise<void> {
    let checkpoints: unknown[] | undefined;
    if (options.checkpoints) {
      let parsed: unknown;
      try {
        parsed = JSON.parse(readFileSync(options.checkpoints, 'utf8'));
      } catch (error) {
        throw new Error(`--checkpoints ${options.checkpoints}: ${(error as Error).message}`, { cause: error });
      }
      // Either the export as GET /audit/checkpoints returns it ({items}) or a bare list.
      const items = Array.isArray(parsed) ? parsed : (parsed as { items?: unknown })?.items;
      if (!Array.isArray(items)) throw new Error(`--checkpoints ${options.checkpoints}: expected a JSON list of checkpoints or {"items": [...]}`);
      checkpoints = items;
    }
    const report = await this.verifier.verify({ from: options.from, to: options.to, checkpoints });
    process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    if (report.firstBroken) throw new Error(`audit chain broken: ${report.firstBroken.problem} — ${report.firstBroken.detail}`);
  }

  @Option({ flags: '--from <seq>', description: 'first chain position to check' })
  from(value: string): number {
    return seqOption('--from')(value);
  }

  @Option({ flags: '--to <seq>', description: 'last chain position to check (default: the head)' })
  to(value: string): number {
    return seqOption('--to')(value);
  }

  @Option({ flags: '--checkpoints <file>', description: 'checkpoints exported earlier (audit:checkpoints output) to compare the chain with' })
  checkpoints(value: string): string {
    return value;
  }
}

/** The signed checkpoints as JSON ({items}, newest first): store the output outside the database. */
@Command({ name: 'audit:checkpoints', description: 'Print the signed audit checkpoints as JSON (newest first), to keep outside the database' })
export class AuditCheckpointsCommand extends CommandRunner {
  constructor(private readonly checkpoints: AuditCheckpoints) {
    super();
  }

  async run(_args: string[], options: { limit?: number }): Promise<void> {
    process.stdout.write(`${JSON.stringify(await this.checkpoints.list(options.limit ?? 1000), null, 2)}\n`);
  }

  @Option({ flags: '--limit <n>', description: 'at most this many (default 1000)' })
  limit(value: string): number {
    const n = Number(value);
    if (!Number.isInteger(n) || n < 1 || n > 100000) throw new Error('--limit must be a whole number from 1 to 100000');
    return n;
  }
}

/** Seals what is ready now and signs a checkpoint (e.g. before exporting checkpoints). */
@Command({ name: 'audit:seal', description: 'Seal unsealed audit rows into the hash chain now and sign a checkpoint; JSON report' })
export class AuditSealCommand extends CommandRunner {
  constructor(private readonly sealer: AuditSealer) {
    super();
  }

  async run(): Promise<void> {
    process.stdout.write(`${JSON.stringify(await this.sealer.seal({ checkpoint: 'force' }))}\n`);
  }
}

/** Creates the coming months' partitions of audit_log now (the sealer does it hourly) and lists them all. */
@Command({ name: 'audit:partitions', description: "Create audit_log's missing monthly partitions (this month and the next ones) and list the partitions; JSON" })
export class AuditPartitionsCommand extends CommandRunner {
  constructor(
    private readonly chain: AuditChainRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    super();
  }

  async run(): Promise<void> {
    const created = await this.chain.ensurePartitions(this.config.auditChain.partitionMonthsAhead);
    process.stdout.write(`${JSON.stringify({ created, partitions: await this.chain.partitions() })}\n`);
  }
}

/** Masks personal-data fields of audit rows without breaking the chain. */
@Command({ name: 'audit:redact', description: `Mask personal data in audit rows: --row <id> (repeatable), --fields ${AUDIT_REDACTABLE_FIELDS.join(',')} (default all)` })
export class AuditRedactCommand extends CommandRunner {
  constructor(
    private readonly chain: AuditChainRepository,
    private readonly tx: TransactionRunner,
  ) {
    super();
  }

  async run(_args: string[], options: { row?: string[]; fields?: string[] }): Promise<void> {
    if (!options.row?.length) throw new Error('say which rows: --row <id>');
    const fields = options.fields ?? [...AUDIT_REDACTABLE_FIELDS];
    const masked = await this.tx.run(async (m) => {
      let n = 0;
      for (const id of options.row!) n += await this.chain.redact(m, id, fields);
      return n;
    });
    process.stdout.write(`${JSON.stringify({ rows: options.row.length, masked })}\n`);
  }

  @Option({ flags: '--row <id>', description: 'audit row id (repeatable)' })
  row(value: string, previous: string[] = []): string[] {
    if (!/^[1-9]\d{0,18}$/.test(value)) throw new Error('--row must be an audit row id');
    return [...previous, value];
  }

  @Option({ flags: '--fields <list>', description: 'comma-separated personal fields' })
  fields(value: string): string[] {
    const list = value.split(',').map((f) => f.trim()).filter(Boolean);
    const bad = list.filter((f) => !AUDIT_REDACTABLE_FIELDS.includes(f));
    if (bad.length || !list.length) throw new Error(`--fields: ${bad.join(', ') || '(empty)'} not redactable; one of ${AUDIT_REDACTABLE_FIELDS.join(', ')}`);
    return list;
  }
}
