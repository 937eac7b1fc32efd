import { Injectable } from '@nestjs/common';
import { PersonalDataCipher } from '../../common/crypto/personal-data-cipher';
import { Actor } from '../../common/http/actor';
import { IdempotencyService, IdempotentRequest } from '../../common/idempotency/idempotency.service';
import { DomainError, NotFoundError } from '../../common/problem/domain-error';
import { TransactionRunner } from '../../database/transaction-runner';
import { AuditService } from '../audit/audit.service';
import { UserAccounts } from '../users/user-accounts.repository';
import { AppealAccess } from './appeal-access.service';
import { AppealTemplate } from './appeal-template.entity';
import { Appeal } from './appeal.entity';
import { AppealDraft, AppealPrefillDto, AppealTemplateDto, CreateAppealTemplateDto } from './dto/appeal-template.dto';

/** At most this many templates per citizen. */
export const TEMPLATES_PER_CITIZEN = 50;

const DRAFT_FIELDS = ['type', 'categoryId', 'subcategoryId', 'subject', 'text', 'priority', 'extraFields'] as const;

/** The reusable fields of an appeal (a decision appeal is filed only from its parent: the draft says «complaint»). */
function draftOf(a: Appeal): AppealDraft {
  return {
    type: a.type,
    categoryId: a.categoryId,
    ...(a.subcategoryId ? { subcategoryId: a.subcategoryId } : {}),
    subject: a.subject,
    text: a.body,
    priority: a.priority,
    ...(Object.keys(a.extraFields ?? {}).length ? { extraFields: a.extraFields } : {}),
  };
}

function pick(dto: Partial<AppealDraft>): AppealDraft {
  const out: AppealDraft = {};
  for (const f of DRAFT_FIELDS) if (dto[f] !== undefined) (out as Record<string, unknown>)[f] = dto[f];
  return out;
}

/**
 * A citizen's appeal templates (saved from scratch or from an earlier appeal of theirs) and the
 * prefill of a new appeal from the profile, a template or an earlier appeal. A template is its
 * owner's alone: anyone else's id is «not found», as an appeal card is.
 */
@Injectable()
export class CitizenTemplatesService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly access: AppealAccess,
    private readonly accounts: UserAccounts,
    private readonly cipher: PersonalDataCipher,
    private readonly idempotency: IdempotencyService,
    private readonly audit: AuditService,
  ) {}

  async list(actor: Actor): Promise<AppealTemplateDto[]> {
    const rows = await this.tx.manager.find(AppealTemplate, { where: { citizenId: actor.userId }, order: { createdAt: 'DESC', id: 'DESC' } });
    return rows.map(toDto);
  }

  async create(actor: Actor, dto: CreateAppealTemplateDto, idempotency?: Omit<IdempotentRequest, 'body' | 'userId'>): Promise<AppealTemplateDto> {
    const request = idempotency && { ...idempotency, userId: actor.userId, body: dto };
    return this.tx.run((m) =>
      this.idempotency.run(m, request, 201, async () => {
        const base = dto.fromAppeal ? draftOf(await this.access.load(actor, dto.fromAppeal, { manager: m })) : {};
        const draft = { ...base, ...pick(dto) };
        const count = await m.countBy(AppealTemplate, { citizenId: actor.userId });
        if (count >= TEMPLATES_PER_CITIZEN) throw new DomainError(409, 'conflict', {}, [{ field: 'name', code: 'too_many_templates', message: `At most ${TEMPLATES_PER_CITIZEN} templates` }]);
        const row = m.create(AppealTemplate, { citizenId: actor.userId, name: dto.name, draft });
        await m.insert(AppealTemplate, row);
        await this.audit.record(m, actor, {
          action: 'appeal_template.create',
          entityType: 'appeal_template',
          entityId: row.id,
          subjectId: actor.userId,
          details: { fromAppeal: dto.fromAppeal ?? null },
          change: { before: null, after: { name: row.name, type: draft.type ?? null, categoryId: draft.categoryId ?? null } },
        });
        return toDto(row);
      }),
    );
  }

  async remove(actor: Actor, id: string): Promise<void> {
    await this.tx.run(async (m) => {
      const row = await m.findOne(AppealTemplate, { where: { id, citizenId: actor.userId }, lock: { mode: 'pessimistic_write' } });
      if (!row) throw new NotFoundError('appeal_template');
      await m.delete(AppealTemplate, { id });
      await this.audit.record(m, actor, {
        action: 'appeal_template.delete',
        entityType: 'appeal_template',
        entityId: id,
        subjectId: actor.userId,
        change: { before: { name: row.name }, after: null },
      });
    });
  }

  /** A new appeal's body from `profile`, `template:<id>` or `appeal:<id or number>`, with the profile's confirmed contacts. */
  async prefill(actor: Actor, from: string): Promise<AppealPrefillDto> {
    const [kind, ref] = from.includes(':') ? [from.slice(0, from.indexOf(':')), from.slice(from.indexOf(':') + 1)] : [from, ''];
    let draft: AppealDraft = {};
    if (kind === 'template') {
      const row = await this.tx.manager.findOneBy(AppealTemplate, { id: ref.toLowerCase(), citizenId: actor.userId });
      if (!row) throw new NotFoundError('appeal_template');
      draft = row.draft;
    } else if (kind === 'appeal') {
      draft = draftOf(await this.access.load(actor, ref));
    }
    const account = await this.accounts.get(actor.userId, { secrets: ['personalEncrypted'] });
    const phone = account.personalEncrypted && account.phoneVerified ? this.cipher.decryptJson<{ phone: string | null }>(account.personalEncrypted).phone : null;
    const contact = { ...(account.emailVerified ? { email: account.email } : {}), ...(phone ? { phone } : {}) };
    return { source: kind === 'profile' ? 'profile' : `${kind}:${ref}`, ...draft, contact, answerChannel: account.preferredAnswerChannel };
  }
}

function toDto(t: AppealTemplate): AppealTemplateDto {
  return { id: t.id, name: t.name, draft: t.draft, createdAt: t.createdAt.toISOString() };
}
