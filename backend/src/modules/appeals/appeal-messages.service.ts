import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { AppealStatus, Role } from '@otklik/shared/domain';
import { Actor } from '../../common/http/actor';
import { IdempotencyService, IdempotentRequest } from '../../common/idempotency/idempotency.service';
import { DomainError, ValidationFailedError } from '../../common/problem/domain-error';
import { AttachmentsService } from '../attachments/attachments.service';
import { AuditService } from '../audit/audit.service';
import { OutboxService } from '../outbox/outbox.service';
import { AppealAccess } from './appeal-access.service';
import { AppealMessage } from './appeal-message.entity';
import { toMessage } from './appeal.mapper';
import { CreateMessageDto } from './dto/appeal-input.dto';
import { MessageDto } from './dto/appeal-output.dto';
import { Appeal } from './appeal.entity';

const CLOSED_THREAD: AppealStatus[] = [AppealStatus.Draft, AppealStatus.Closed, AppealStatus.Withdrawn];

/** The citizen ↔ staff thread of an appeal; internal notes are written and read by staff only. */
@Injectable()
export class AppealMessagesService {
  constructor(
    @InjectRepository(Appeal) private readonly own: Repository<Appeal>,
    private readonly access: AppealAccess,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
    private readonly idempotency: IdempotencyService,
    private readonly attachments: AttachmentsService,
  ) {}

  async post(actor: Actor, idOrNumber: string, dto: CreateMessageDto, idempotency?: Omit<IdempotentRequest, 'body' | 'userId'>): Promise<MessageDto> {
    if (dto.internal && actor.role === Role.Citizen) {
      throw new ValidationFailedError([{ field: 'internal', code: 'forbidden_field', message: 'only staff may write internal notes' }]);
    }
    const request = idempotency && { ...idempotency, userId: actor.userId, body: dto };
    return this.own.manager.transaction((manager) => this.idempotency.run(manager, request, 201, () => this.postWithin(manager, actor, idOrNumber, dto)));
  }

  /** The same message, written in the caller's transaction (a macro's note commits or rolls back with its actions). */
  async postWithin(manager: EntityManager, actor: Actor, idOrNumber: string, dto: CreateMessageDto, auditDetails?: Record<string, unknown>): Promise<MessageDto> {
    const appeal = await this.access.load(actor, idOrNumber, { manager, lock: true });
    if (CLOSED_THREAD.includes(appeal.status)) throw new DomainError(409, 'invalid_transition', { status: appeal.status, action: 'message' });
    const message = manager.create(AppealMessage, {
      appealId: appeal.id,
      authorId: actor.userId,
      authorRole: actor.role,
      authorName: actor.name,
      body: dto.text,
      internal: Boolean(dto.internal),
    });
    await manager.insert(AppealMessage, message);
    if (dto.attachmentIds?.length) {
      await this.attachments.bind(manager, actor, dto.attachmentIds, { appealId: appeal.id, messageId: message.id });
    }
    await this.audit.record(manager, actor, {
      action: message.internal ? 'appeal.internal_note' : 'appeal.message',
      entityType: 'appeal',
      entityId: appeal.id,
      details: { messageId: message.id, attachments: dto.attachmentIds?.length || undefined, ...auditDetails },
    });
    await this.outbox.publish(manager, {
      eventType: message.internal ? ('appeal.internal_note' as const) : ('appeal.message' as const),
      aggregateType: 'appeal',
      aggregateId: appeal.id,
      payload: {
        appealId: appeal.id,
        number: appeal.number,
        citizenId: appeal.citizenId,
        messageId: message.id,
        authorRole: actor.role,
        departmentId: appeal.departmentId,
        assigneeId: appeal.assigneeId,
      },
    });
    const saved = await manager.findOneByOrFail(AppealMessage, { id: message.id });
    return toMessage(saved);
  }
}
