import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { HistoryEvent } from '@otklik/shared/domain';
import { Answer } from './answer.entity';

export type { Answer } from './answer.entity';

/** The `answers` table (owned here, written by the workflow's answer handler through this). */
@Injectable()
export class AppealAnswers {
  async insert(manager: EntityManager, fields: Omit<Answer, 'id' | 'createdAt' | 'appeal' | 'answeredByUser' | 'approvedByUser'>): Promise<Answer> {
    const answer = manager.create(Answer, fields);
    await manager.insert(Answer, answer);
    return answer;
  }

  /** The latest answer of an appeal. */
  latest(manager: EntityManager, appealId: string): Promise<Answer | null> {
    return manager.findOne(Answer, { where: { appealId }, order: { answeredAt: 'DESC', createdAt: 'DESC' } });
  }

  /** Who signed off last, when the last sign-off came after the last sending for approval. */
  async lastApprover(manager: EntityManager, appealId: string): Promise<string | null> {
    const [row] = await manager.query<{ actor_id: string | null; event: string }[]>(
      `SELECT actor_id, event FROM appeal_history WHERE appeal_id = $1 AND event IN ('${HistoryEvent.SentForApproval}', '${HistoryEvent.Approved}') ORDER BY created_at DESC, id DESC LIMIT 1`,
      [appealId],
    );
    return row?.event === (HistoryEvent.Approved as string) ? row.actor_id : null;
  }
}
