import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AnswerDraft, AnswerDraftState } from './answer-draft.entity';

export type NewAnswerDraft = Omit<AnswerDraft, 'id' | 'revision' | 'state' | 'createdAt' | 'remark' | 'decidedBy' | 'decidedByName' | 'decidedAt'>;

/** The answer drafts of an appeal: all SQL of the workflow's answer_drafts table. */
@Injectable()
export class AnswerDrafts {
  /** A new revision waiting for the decision; the caller holds the appeal's lock, so revisions do not race. */
  async submit(manager: EntityManager, draft: NewAnswerDraft): Promise<AnswerDraft> {
    const [{ next }] = await manager.query<{ next: number }[]>('SELECT COALESCE(MAX(revision), 0) + 1 AS next FROM answer_drafts WHERE appeal_id = $1', [draft.appealId]);
    const repo = manager.getRepository(AnswerDraft);
    return repo.save(repo.create({ ...draft, revision: next, state: AnswerDraftState.Pending }));
  }

  /** The revision waiting for the decision, locked; null when the answer was sent for approval without one. */
  pending(manager: EntityManager, appealId: string): Promise<AnswerDraft | null> {
    return manager
      .getRepository(AnswerDraft)
      .createQueryBuilder('d')
      .where('d.appeal_id = :appealId AND d.state = :state', { appealId, state: AnswerDraftState.Pending })
      .setLock('pessimistic_write')
      .getOne();
  }

  async decide(manager: EntityManager, draft: AnswerDraft, decision: { state: AnswerDraftState.Returned | AnswerDraftState.Approved; by: string; byName: string; at: Date; remark?: string }): Promise<void> {
    await manager.update(
      AnswerDraft,
      { id: draft.id, state: AnswerDraftState.Pending },
      { state: decision.state, decidedBy: decision.by, decidedByName: decision.byName, decidedAt: decision.at, remark: decision.remark ?? null },
    );
  }

  /** Every revision, newest first. */
  list(manager: EntityManager, appealId: string): Promise<AnswerDraft[]> {
    return manager.getRepository(AnswerDraft).find({ where: { appealId }, order: { revision: 'DESC' } });
  }
}
