import type { Problem } from '@otklik/shared/api/client';

export type { Problem };

/** The problem+json body of a failed call, or null when the failure carried none. */
export function asProblem(body: unknown): Problem | null {
  if (!body || typeof body !== 'object') return null;
  const candidate = body as Partial<Problem>;
  return typeof candidate.status === 'number' && typeof candidate.title === 'string' ? (candidate as Problem) : null;
}

/** One readable line: the title, plus the detail when it says more than the title. */
export function problemMessage(problem: Problem): string {
  const detail = problem.detail?.trim();
  return detail && detail !== problem.title ? `${problem.title}: ${detail}` : problem.title;
}

/**
 * Field errors of a problem (`errors[]`), keyed by field path, messages of one field joined.
 * Forms show these under their fields; the snackbar has already shown the title.
 */
export function fieldErrors(problem: Problem | null): Record<string, string> {
  const byField: Record<string, string> = {};
  for (const error of problem?.errors ?? []) {
    byField[error.field] = byField[error.field] ? `${byField[error.field]}; ${error.message}` : error.message;
  }
  return byField;
}
