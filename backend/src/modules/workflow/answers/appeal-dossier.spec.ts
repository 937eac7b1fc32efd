import { AppealStatus, AppealType, HistoryEvent, Role } from '@otklik/shared/domain';
import type { AppealDto } from '../../appeals/dto/appeal-output.dto';
import { dossierDefinition } from './appeal-dossier';

/** Every string a pdfmake definition prints, in order. */
function texts(node: unknown): string[] {
  if (typeof node === 'string') return [node];
  if (Array.isArray(node)) return node.flatMap(texts);
  if (node && typeof node === 'object') return Object.entries(node).filter(([k]) => k !== 'info').flatMap(([, v]) => texts(v));
  return [];
}

describe('dossierDefinition', () => {
  const card = {
    id: 'a1',
    number: 1042,
    type: AppealType.Complaint,
    status: AppealStatus.Resolved,
    subject: 'Не работает оплата',
    text: 'Страница оплаты не открывается.',
    registeredAt: '2026-12-01T09:00:00.000Z',
    term: { dueAt: '2026-12-31T20:59:59.999Z' },
    department: { name: 'Отдел технической поддержки' },
    executor: { name: 'Сидоров Пётр Алексеевич', position: 'Специалист' },
    history: [{ at: '2026-12-01T09:00:00.000Z', event: HistoryEvent.Submitted, label: 'Зарегистрировано', actorName: 'Иванов И. И.', actorPosition: null, comment: null }],
    messages: [
      { id: 'm1', text: 'Приложил скриншот', authorRole: Role.Citizen, authorName: 'Иванов И. И.', internal: false, createdAt: '2026-12-02T09:00:00.000Z' },
      { id: 'm2', text: 'Внутренняя заметка', authorRole: Role.Operator, authorName: 'Сидоров', internal: true, createdAt: '2026-12-02T10:00:00.000Z' },
    ],
    answer: { text: 'Ошибка исправлена.', reason: null, answeredAt: '2026-12-03T09:00:00.000Z', executor: { name: 'Сидоров Пётр Алексеевич', position: 'Специалист' } },
    attachments: [{ originalName: 'скриншот.png', size: 2048 }],
  } as unknown as AppealDto;

  it('holds the facts, the whole history, the thread without internal notes, the answer with its code and the files', () => {
    const sut = dossierDefinition(card, 'ABCD-EFGH-JKLM-NPQR', 'ru', new Date('2026-12-06T09:00:00Z')) as { info: { title: string; keywords: string } };
    const printed = texts(sut).join('\n');
    expect(sut.info).toMatchObject({ title: 'Дело по обращению № 1042', keywords: 'appeal 1042; verification ABCD-EFGH-JKLM-NPQR' });
    for (const expected of ['Не работает оплата', 'Отдел технической поддержки', 'Сидоров Пётр Алексеевич, Специалист', 'Зарегистрировано', 'Приложил скриншот', 'Ошибка исправлена.', 'ABCD-EFGH-JKLM-NPQR', 'скриншот.png — 2048 байт']) {
      expect(printed).toContain(expected);
    }
    expect(printed).not.toContain('Внутренняя заметка');
  });

  it('says «нет» where there is no answer or file, and prints no code', () => {
    const sut = dossierDefinition({ ...card, answer: null, attachments: [] }, null, 'en', new Date()) as { info: { keywords: string } };
    expect(sut.info.keywords).toBe('appeal 1042');
    expect(texts(sut)).toContain('none');
  });
});
