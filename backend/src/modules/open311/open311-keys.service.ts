import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { Clock } from '../../common/clock/clock';
import { Actor } from '../../common/http/actor';
import { NotFoundError } from '../../common/problem/domain-error';
import { TransactionRunner } from '../../database/transaction-runner';
import { AuditService } from '../audit/audit.service';
import { Open311KeyCreatedDto, Open311KeyDto, Open311KeyInputDto, Open311KeyListDto } from './open311-keys.dto';
import { hashApiKey } from './open311-requests.service';
import { Open311Store } from './open311.repository';

/** The admin API's use cases on Open311 API keys; every write audited in its transaction (never the key). */
@Injectable()
export class Open311KeysService {
  constructor(
    private readonly store: Open311Store,
    private readonly audit: AuditService,
    private readonly tx: TransactionRunner,
    private readonly clock: Clock,
  ) {}

  async list(): Promise<Open311KeyListDto> {
    return { items: (await this.store.listKeys()).map(Open311KeyDto.of) };
  }

  async create(actor: Actor, dto: Open311KeyInputDto): Promise<Open311KeyCreatedDto> {
    const key = `o311_${randomBytes(24).toString('base64url')}`;
    const row = await this.tx.run(async (manager) => {
      const created = await this.store.createKey(manager, { name: dto.name, keyPrefix: key.slice(0, 9), keyHash: hashApiKey(key), createdBy: actor.userId });
      await this.audit.record(manager, actor, {
        action: 'open311_key.create',
        entityType: 'open311_api_key',
        entityId: created.id,
        details: { name: created.name, keyPrefix: created.keyPrefix },
        change: { before: { name: null, keyPrefix: null }, after: { name: created.name, keyPrefix: created.keyPrefix } },
      });
      return created;
    });
    return { ...Open311KeyDto.of(row), key };
  }

  async revoke(actor: Actor, id: string): Promise<Open311KeyDto> {
    const row = await this.tx.run(async (manager) => {
      const now = this.clock.now();
      const revoked = await this.store.revokeKey(manager, id, now);
      if (!revoked) throw new NotFoundError('open311_key');
      // Revoking a revoked key changes nothing (it keeps its first revocation time).
      const newly = revoked.revokedAt !== null && new Date(revoked.revokedAt).getTime() === now.getTime();
      await this.audit.record(manager, actor, {
        action: 'open311_key.revoke',
        entityType: 'open311_api_key',
        entityId: id,
        details: { name: revoked.name, keyPrefix: revoked.keyPrefix },
        change: newly ? { before: { revokedAt: null }, after: { revokedAt: now.toISOString() } } : undefined,
      });
      return revoked;
    });
    return Open311KeyDto.of(row);
  }
}
