import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { IsNull, Repository } from 'typeorm';
import { APPEAL_TYPE_LABELS, AppealType, moscowDate } from '@otklik/shared/domain';
import { AnswerTemplate } from './answer-template.entity';

/** The placeholders a template may use, and what fills them. */
export interface TemplateContext {
  number: number | null;
  type: AppealType;
  subject: string;
  registeredAt: Date | null;
  dueAt: Date | null;
  executorName: string;
  executorPosition: string | null;
  departmentName: string | null;
}

export const TEMPLATE_PLACEHOLDERS = ['number', 'type', 'subject', 'registeredOn', 'dueOn', 'executorName', 'executorPosition', 'department'] as const;

const ru = (d: Date | null) => (d ? moscowDate(d).split('-').reverse().join('.') : '');

/** Fills {{placeholders}}; an unknown placeholder is left as written, so a typo is visible in the draft. */
export function renderTemplate(body: string, c: TemplateContext): string {
  const values: Record<(typeof TEMPLATE_PLACEHOLDERS)[number], string> = {
    number: c.number === null ? '' : String(c.number),
    type: APPEAL_TYPE_LABELS[c.type].ru,
    subject: c.subject,
    registeredOn: ru(c.registeredAt),
    dueOn: ru(c.dueAt),
    executorName: c.executorName,
    executorPosition: c.executorPosition ?? '',
    department: c.departmentName ?? '',
  };
  return body.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, key: string) => (key in values ? values[key as keyof typeof values] : whole));
}

@Injectable()
export class AnswerTemplatesService {
  constructor(@InjectRepository(AnswerTemplate) private readonly own: Repository<AnswerTemplate>) {}

  list(): Promise<AnswerTemplate[]> {
    return this.own.manager.getRepository(AnswerTemplate).find({ order: { title: 'ASC' } });
  }

  /** Active templates a department may use: its own and the common ones. */
  forDepartment(departmentId: string | null): Promise<AnswerTemplate[]> {
    const repo = this.own.manager.getRepository(AnswerTemplate);
    return repo.find({
      where: departmentId ? [{ active: true, departmentId }, { active: true, departmentId: IsNull() }] : { active: true, departmentId: IsNull() },
      order: { title: 'ASC' },
    });
  }
}
