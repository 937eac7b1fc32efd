import { Injectable } from '@nestjs/common';
import { Actor } from '../../common/http/actor';
import { DomainError } from '../../common/problem/domain-error';
import { TransactionRunner } from '../../database/transaction-runner';
import { AuditService } from '../audit/audit.service';
import { WidgetOriginsDto } from './widget-origins.dto';
import { WidgetOriginsStore } from './widget-origins.repository';

/** How long the CORS check trusts its copy of the list (other API processes see a change this late). */
const CACHE_MS = 5_000;

/** The origins allowed to embed the citizen widget: the admin's list, and the check CORS asks. */
@Injectable()
export class WidgetOriginsService {
  private cache: { origins: Set<string>; at: number } | null = null;

  constructor(
    private readonly store: WidgetOriginsStore,
    private readonly audit: AuditService,
    private readonly tx: TransactionRunner,
  ) {}

  async list(): Promise<WidgetOriginsDto> {
    return { origins: await this.store.list() };
  }

  async replace(actor: Actor, dto: WidgetOriginsDto): Promise<WidgetOriginsDto> {
    const origins = [...new Set(dto.origins)].sort();
    const before = await this.store.list();
    await this.tx.run(async (manager) => {
      await this.store.replace(manager, origins, actor.userId);
      await this.audit.record(manager, actor, { action: 'widget_origins.replace', entityType: 'widget_origins', entityId: null, details: { before, after: origins }, change: { before: { origins: before }, after: { origins } } });
    });
    this.cache = null;
    return { origins };
  }

  /** 403 widget_origin_not_allowed unless the admin allowed `origin` to embed the widget. */
  async assertAllowed(origin: string): Promise<void> {
    if (!(await this.isAllowed(origin))) throw new DomainError(403, 'widget_origin_not_allowed');
  }

  async isAllowed(origin: string): Promise<boolean> {
    if (!this.cache || Date.now() - this.cache.at > CACHE_MS) this.cache = { origins: new Set(await this.store.list()), at: Date.now() };
    return this.cache.origins.has(origin);
  }
}
