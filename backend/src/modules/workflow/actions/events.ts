import { CitizenAction, HistoryEvent, StaffAction } from '@otklik/shared/domain';

/** The history event of each staff action. */
export const STAFF_EVENTS: Record<StaffAction, HistoryEvent> = {
  [StaffAction.Take]: HistoryEvent.Taken,
  [StaffAction.Assign]: HistoryEvent.Assigned,
  [StaffAction.RequestDocuments]: HistoryEvent.DocumentsRequested,
  [StaffAction.SendForApproval]: HistoryEvent.SentForApproval,
  [StaffAction.Approve]: HistoryEvent.Approved,
  [StaffAction.Redirect]: HistoryEvent.Redirected,
  [StaffAction.Extend]: HistoryEvent.Extended,
  [StaffAction.NoAnswerRequired]: HistoryEvent.NoAnswerRequired,
  [StaffAction.TerminateCorrespondence]: HistoryEvent.CorrespondenceTerminated,
  [StaffAction.Reopen]: HistoryEvent.Reopened,
  [StaffAction.Answer]: HistoryEvent.Answered,
  [StaffAction.ProposeTermination]: HistoryEvent.ProposalMade,
  [StaffAction.ProposeExtension]: HistoryEvent.ProposalMade,
  [StaffAction.ProposeNoAnswer]: HistoryEvent.ProposalMade,
  // Replaced by the event of the approved action itself: what happens is what the history says.
  [StaffAction.ApproveProposal]: HistoryEvent.Approved,
  [StaffAction.ReturnProposal]: HistoryEvent.ProposalReturned,
  // «Возвращено на доработку»: the answer's draft goes back to the operator as a proposal would.
  [StaffAction.ReturnAnswer]: HistoryEvent.ProposalReturned,
  [StaffAction.RecordReview]: HistoryEvent.Reviewed,
  // The same step as the citizen's «Эскалация» and the overdue tick's: the history says «escalated».
  [StaffAction.Escalate]: HistoryEvent.Escalated,
  [StaffAction.Reclassify]: HistoryEvent.Reclassified,
};

/** The history event of each citizen action the runner applies (submit and edit are intake's). */
export const CITIZEN_EVENTS: Partial<Record<CitizenAction, HistoryEvent>> = {
  [CitizenAction.Withdraw]: HistoryEvent.Withdrawn,
  [CitizenAction.Close]: HistoryEvent.Closed,
  [CitizenAction.MarkImportant]: HistoryEvent.MarkedImportant,
  [CitizenAction.UnmarkImportant]: HistoryEvent.UnmarkedImportant,
  [CitizenAction.RequestClarification]: HistoryEvent.ClarificationRequested,
  [CitizenAction.Reopen]: HistoryEvent.Reopened,
  [CitizenAction.Dispute]: HistoryEvent.Disputed,
  [CitizenAction.Resubmit]: HistoryEvent.Resubmitted,
  [CitizenAction.Escalate]: HistoryEvent.Escalated,
  [CitizenAction.Rate]: HistoryEvent.Rated,
  [CitizenAction.AddMaterials]: HistoryEvent.MaterialsAdded,
};
