import { Inject, Injectable } from '@nestjs/common';
import { Expiring } from '../../../common/cache/expiring';
import { Actor } from '../../../common/http/actor';
import { decodeCursor, DEFAULT_LIMIT, encodeCursor } from '../../../common/pagination/cursor';
import { PageQuery } from '../../../common/pagination/page-query';
import { ValidationFailedError } from '../../../common/problem/domain-error';
import { AppConfig } from '../../../config/app-config';
import { APP_CONFIG } from '../../../config/config.module';
import { TransactionRunner } from '../../../database/transaction-runner';
import { AuditService } from '../../audit/audit.service';
import { RetentionRecords } from './retention-admin.repository';
import { RetentionDestructionDto, RetentionDestructionPageDto, RetentionRuleDto, RetentionSettingsDto, RetentionSettingsInputDto } from './retention-admin.dto';
import { RetentionSettings } from './retention-settings.entity';

/**
 * The retention rule at run time: an admin may change it (audited before → after); without a
 * change RETENTION_YEARS / RETENTION_MODE apply. The daily retention run reads it when it starts
 * (cached for a few seconds, dropped on change), so a change takes effect at the next run —
 * lowering the years destroys more at that run, which is why only admins may do it.
 */
@Injectable()
export class RetentionSettingsService {
  private readonly cache = new Expiring<RetentionSettings | null>(10_000);

  constructor(
    @Inject(APP_CONFIG) private readonly config: Pick<AppConfig, 'sla'>,
    private readonly records: RetentionRecords,
    private readonly tx: TransactionRunner,
    private readonly audit: AuditService,
  ) {}

  private get configured(): RetentionRuleDto {
    return { years: this.config.sla.retentionYears, mode: this.config.sla.retentionMode };
  }

  /** The rule the retention run applies now. */
  async rule(): Promise<RetentionRuleDto> {
    const row = await this.cache.get(() => this.records.settings());
    return row ? { years: row.years, mode: row.mode } : this.configured;
  }

  async get(): Promise<RetentionSettingsDto> {
    return this.dto(await this.records.settings());
  }

  async update(actor: Actor, dto: RetentionSettingsInputDto): Promise<RetentionSettingsDto> {
    const saved = await this.tx.run(async (m) => {
      const before = await this.records.settings(m, true);
      const rule: Record<string, unknown> = before ? { years: before.years, mode: before.mode } : { ...this.configured };
      const row = await this.records.saveSettings(m, { years: dto.years, mode: dto.mode, updatedBy: actor.userId });
      await this.audit.record(m, actor, {
        action: 'retention_settings.update',
        entityType: 'retention_settings',
        entityId: null,
        details: { source: before ? 'admin' : 'configuration' },
        change: { before: rule, after: { years: row.years, mode: row.mode } },
      });
      return row;
    });
    this.cache.invalidate();
    return this.dto(saved);
  }

  async destructions(query: PageQuery): Promise<RetentionDestructionPageDto> {
    const limit = query.limit ?? DEFAULT_LIMIT;
    let before: string | undefined;
    if (query.cursor) {
      const [id] = decodeCursor(query.cursor, 1);
      if (!/^\d{1,18}$/.test(String(id))) throw new ValidationFailedError([{ field: 'cursor', code: 'invalid_cursor', message: 'invalid cursor' }]);
      before = String(id);
    }
    const rows = await this.records.destructions(limit + 1, before);
    const page = rows.slice(0, limit);
    return { items: page.map(RetentionDestructionDto.of), nextCursor: rows.length > limit ? encodeCursor([page.at(-1)!.id]) : null };
  }

  private dto(row: RetentionSettings | null): RetentionSettingsDto {
    const configured = this.configured;
    return row
      ? { years: row.years, mode: row.mode, source: 'admin', configured, updatedAt: new Date(row.updatedAt).toISOString() }
      : { ...configured, source: 'configuration', configured, updatedAt: null };
  }
}
