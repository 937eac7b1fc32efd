import { EntityManager } from 'typeorm';
import { AppealStatus, CitizenAction, HistoryEvent, StaffAction } from '@otklik/shared/domain';
import { Actor } from '../../../common/http/actor';
import type { JournalEntry } from '../../appeals/appeal-journal';
import type { Appeal } from '../../appeals/appeal.repository';

/** Everything an action's effect sees: the locked appeal, its checked body, and the journal entry it may add to. */
export interface TransitionContext<B> {
  manager: EntityManager;
  actor: Actor;
  appeal: Appeal;
  body: B;
  now: Date;
  /** The status before the action. */
  from: AppealStatus;
  /** The status after it (decided before the effect changes the facts it depends on). */
  next: AppealStatus;
  /** The one journal write of the transition; the effect fills in its comment, details and notice. */
  entry: JournalEntry;
}

/** What an effect may answer: nothing to save (the action changed nothing), or another appeal to answer with. */
export type TransitionEffect = void | { unchanged: true } | { respondWith: Appeal };

interface HandlerBase<B> {
  /** The action's own body: the runner checks it once the state machine admits the action. */
  readonly body: new () => B;
  /** The history event (default: the action's). */
  event?(appeal: Appeal): HistoryEvent;
  /** The status after the action, when it depends on the body (the answer's result). */
  next?(appeal: Appeal, body: B, now: Date): AppealStatus;
  /** The action's effect on the locked appeal. */
  apply(ctx: TransitionContext<B>): Promise<TransitionEffect>;
}

/** One staff action: its checks are the staff transition table, the oversight and role rules. */
export interface StaffActionHandler<B = object> extends HandlerBase<B> {
  readonly side: 'staff';
  readonly action: StaffAction;
}

/** One citizen action: its checks are the citizen transition table. */
export interface CitizenActionHandler<B = object> extends HandlerBase<B> {
  readonly side: 'citizen';
  readonly action: CitizenAction;
}

export type TransitionHandler<B = object> = StaffActionHandler<B> | CitizenActionHandler<B>;

/** What the runner answers: the appeal changed, and the appeal to show the client (a linked one for dispute/resubmit). */
export interface TransitionResult {
  appeal: Appeal;
  respondWith: Appeal;
}
