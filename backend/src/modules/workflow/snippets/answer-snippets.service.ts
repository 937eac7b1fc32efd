import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { IsNull, Repository } from 'typeorm';
import { Actor } from '../../../common/http/actor';
import { NotFoundError, ValidationFailedError } from '../../../common/problem/domain-error';
import { AppealAccess } from '../../appeals/appeal-access.service';
import { AuditService } from '../../audit/audit.service';
import { configScope, withinScope } from '../../users/config-scope';
import { DepartmentTree } from '../../users/department-tree.repository';
import { StaffDirectory } from '../../users/staff-directory.repository';
import { renderTemplate } from '../templates/answer-templates.service';
import { AnswerSnippet } from './answer-snippet.entity';
import { AnswerSnippetDto, AnswerSnippetInputDto, snippetDto, SnippetViewDto } from './answer-snippet.dto';

/** What an audit row compares of a snippet, before → after (the id is the row's entity). */
const fields = (s: AnswerSnippet): Record<string, unknown> => {
  const { id: _id, ...rest } = snippetDto(s);
  return rest;
};

/** Snippets: admins keep them (every change audited before → after); the card inserts those its department may use. */
@Injectable()
export class AnswerSnippetsService {
  constructor(
    @InjectRepository(AnswerSnippet) private readonly own: Repository<AnswerSnippet>,
    private readonly access: AppealAccess,
    private readonly audit: AuditService,
    private readonly departments: DepartmentTree,
    private readonly staff: StaffDirectory,
  ) {}

  /** Admins: every snippet. Supervisors: the common ones and their department subtree's (read-only). */
  async list(actor: Actor): Promise<AnswerSnippetDto[]> {
    return withinScope(await this.own.find({ order: { title: 'ASC' } }), await configScope(actor, this.departments)).map(snippetDto);
  }

  save(actor: Actor, dto: AnswerSnippetInputDto, id?: string): Promise<AnswerSnippetDto> {
    return this.own.manager.transaction(async (manager) => {
      const snippet = id ? await this.locked(manager, id) : manager.create(AnswerSnippet, {});
      const before = id ? fields(snippet) : null;
      const departmentId = dto.departmentId ?? null;
      if (departmentId !== null && !(await this.departments.exists(departmentId, manager))) {
        throw new ValidationFailedError([{ field: 'departmentId', code: 'invalid_department', message: '' }]);
      }
      Object.assign(snippet, { title: dto.title, body: dto.body, departmentId, active: dto.active ?? true });
      const saved = await manager.save(AnswerSnippet, snippet);
      await this.audit.record(manager, actor, {
        action: id ? 'answer_snippet.update' : 'answer_snippet.create',
        entityType: 'answer_snippet',
        entityId: saved.id,
        details: { title: saved.title },
        change: { before, after: fields(saved) },
      });
      return snippetDto(saved);
    });
  }

  async remove(actor: Actor, id: string): Promise<void> {
    await this.own.manager.transaction(async (manager) => {
      const snippet = await this.locked(manager, id);
      await manager.delete(AnswerSnippet, { id });
      await this.audit.record(manager, actor, { action: 'answer_snippet.delete', entityType: 'answer_snippet', entityId: id, details: { title: snippet.title }, change: { before: fields(snippet), after: null } });
    });
  }

  /** The active snippets the appeal's department may use (its own and the common ones), filled in for the appeal and this executor. */
  async forAppeal(actor: Actor, idOrNumber: string): Promise<SnippetViewDto[]> {
    const appeal = await this.access.load(actor, idOrNumber);
    const rows = await this.own.find({
      where: appeal.departmentId ? [{ active: true, departmentId: appeal.departmentId }, { active: true, departmentId: IsNull() }] : { active: true, departmentId: IsNull() },
      order: { title: 'ASC' },
    });
    const [position, department] = await Promise.all([this.staff.positionOf(actor.userId), appeal.departmentId ? this.departments.known(appeal.departmentId) : null]);
    const context = {
      number: appeal.number,
      type: appeal.type,
      subject: appeal.subject,
      registeredAt: appeal.registeredAt,
      dueAt: appeal.dueAt,
      executorName: actor.name,
      executorPosition: position,
      departmentName: department?.nameRu ?? null,
    };
    return rows.map((s) => ({ id: s.id, title: s.title, text: renderTemplate(s.body, context) }));
  }

  private async locked(manager: Repository<AnswerSnippet>['manager'], id: string): Promise<AnswerSnippet> {
    const snippet = await manager.getRepository(AnswerSnippet).createQueryBuilder('s').setLock('pessimistic_write').where('s.id = :id', { id }).getOne();
    if (!snippet) throw new NotFoundError('answer_snippet');
    return snippet;
  }
}
