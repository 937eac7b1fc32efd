import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { Actor } from '../../../common/http/actor';
import { NotFoundError, ValidationFailedError } from '../../../common/problem/domain-error';
import { AuditService } from '../../audit/audit.service';
import { QueueSavedFilter } from './queue-filter.entity';
import { QueueSavedFilterDto, SaveQueueFilterDto } from './queue-filters.dto';

/** How many saved views one staff member may keep. */
export const MAX_SAVED_FILTERS = 50;

const toDto = (f: QueueSavedFilter): QueueSavedFilterDto => ({
  id: f.id,
  name: f.name,
  filters: f.filters,
  createdAt: f.createdAt.toISOString(),
  updatedAt: f.updatedAt.toISOString(),
});

/** The filters a change keeps: only what was sent (validated by the DTO), nothing else. */
const keep = (dto: SaveQueueFilterDto) => ({ name: dto.name.trim(), filters: JSON.parse(JSON.stringify(dto.filters)) as Record<string, unknown> });

/**
 * A staff member's saved views of the queue. Each belongs to its author alone: anyone else's is
 * "not found". Every change is audited with what changed, before → after, in its transaction.
 */
@Injectable()
export class QueueFiltersService {
  constructor(
    @InjectRepository(QueueSavedFilter) private readonly own: Repository<QueueSavedFilter>,
    private readonly audit: AuditService,
  ) {}

  async list(actor: Actor): Promise<QueueSavedFilterDto[]> {
    return (await this.own.find({ where: { userId: actor.userId }, order: { name: 'ASC', id: 'ASC' } })).map(toDto);
  }

  create(actor: Actor, dto: SaveQueueFilterDto): Promise<QueueSavedFilterDto> {
    const value = keep(dto);
    return this.own.manager.transaction(async (manager) => {
      // Serialises one user's writes, so the limit and the name check hold under concurrent saves.
      await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`queue_saved_filters:${actor.userId}`]);
      const repo = manager.getRepository(QueueSavedFilter);
      if ((await repo.count({ where: { userId: actor.userId } })) >= MAX_SAVED_FILTERS) {
        throw new ValidationFailedError([{ field: 'name', code: 'too_many', message: `at most ${MAX_SAVED_FILTERS} saved views` }]);
      }
      await this.nameFree(manager, actor.userId, value.name, null);
      const saved = await repo.save(repo.create({ userId: actor.userId, ...value }));
      await this.audit.record(manager, actor, {
        action: 'queue_filter.created',
        entityType: 'queue_filter',
        entityId: saved.id,
        details: { name: saved.name },
        change: { before: null, after: value },
      });
      return toDto(saved);
    });
  }

  update(actor: Actor, id: string, dto: SaveQueueFilterDto): Promise<QueueSavedFilterDto> {
    const value = keep(dto);
    return this.own.manager.transaction(async (manager) => {
      const repo = manager.getRepository(QueueSavedFilter);
      const found = await repo.findOne({ where: { id, userId: actor.userId }, lock: { mode: 'pessimistic_write' } });
      if (!found) throw new NotFoundError('queue_filter');
      await this.nameFree(manager, actor.userId, value.name, id);
      const before = { name: found.name, filters: found.filters };
      Object.assign(found, value);
      const saved = await repo.save(found);
      await this.audit.record(manager, actor, {
        action: 'queue_filter.updated',
        entityType: 'queue_filter',
        entityId: id,
        details: { name: saved.name },
        change: { before, after: value },
      });
      return toDto(saved);
    });
  }

  remove(actor: Actor, id: string): Promise<void> {
    return this.own.manager.transaction(async (manager) => {
      const repo = manager.getRepository(QueueSavedFilter);
      const found = await repo.findOne({ where: { id, userId: actor.userId }, lock: { mode: 'pessimistic_write' } });
      if (!found) throw new NotFoundError('queue_filter');
      await repo.delete({ id });
      await this.audit.record(manager, actor, {
        action: 'queue_filter.deleted',
        entityType: 'queue_filter',
        entityId: id,
        details: { name: found.name },
        change: { before: { name: found.name, filters: found.filters }, after: null },
      });
    });
  }

  private async nameFree(manager: EntityManager, userId: string, name: string, except: string | null): Promise<void> {
    const taken = await manager.getRepository(QueueSavedFilter).findOne({ where: { userId, name }, select: { id: true } });
    if (taken && taken.id !== except) throw new ValidationFailedError([{ field: 'name', code: 'taken', message: 'a saved view with this name exists' }]);
  }
}
