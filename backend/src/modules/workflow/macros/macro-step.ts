import { StaffAction } from '@otklik/shared/domain';

/**
 * The staff actions a macro may run: those that need nothing the admin cannot fix in advance.
 * `assign-to-me` is the assign action with the operator applying the macro as the assignee;
 * `set-priority` and `set-category` are the reclassify action with the macro's value.
 */
export enum MacroStep {
  Take = 'take',
  AssignToMe = 'assign-to-me',
  RequestDocuments = 'request-documents',
  SendForApproval = 'send-for-approval',
  /** The reclassify action with the macro's priority. */
  SetPriority = 'set-priority',
  /** The reclassify action with the macro's category (of the appeal's type when applied). */
  SetCategory = 'set-category',
}
export const MACRO_STEPS: readonly MacroStep[] = Object.values(MacroStep);

/** The transition each step runs. */
export const MACRO_STEP_ACTION: Readonly<
  Record<MacroStep, StaffAction.Take | StaffAction.Assign | StaffAction.RequestDocuments | StaffAction.SendForApproval | StaffAction.Reclassify>
> = {
  [MacroStep.Take]: StaffAction.Take,
  [MacroStep.AssignToMe]: StaffAction.Assign,
  [MacroStep.RequestDocuments]: StaffAction.RequestDocuments,
  [MacroStep.SendForApproval]: StaffAction.SendForApproval,
  [MacroStep.SetPriority]: StaffAction.Reclassify,
  [MacroStep.SetCategory]: StaffAction.Reclassify,
};
