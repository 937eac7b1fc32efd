import type { ApiClient, Schemas } from '../../../shared/api/client';
import { DEMO, signedIn } from '../../e2e/support/api';
import { category, fileAppeal } from '../../e2e/support/factories';

/**
 * Files an appeal as the demo citizen (or `citizen`) in «tech», which routes it to technical
 * support, the demo operator's department: a question unless `overrides` say otherwise.
 */
export async function fileTechAppeal(
  subject: string,
  overrides: Partial<Schemas['CreateAppealDto']> & { citizen?: ApiClient } = {},
): Promise<Schemas['AppealSummaryDto']> {
  const { citizen = await signedIn(DEMO.citizen), ...body } = overrides;
  const tech = await category('tech');
  return fileAppeal(citizen, { type: 'question', categoryId: tech.id, subject, ...body });
}

/** The staff card as the API gives it to `who` (undefined when it is not theirs to see). */
export async function staffCard(who: ApiClient, ref: string): Promise<Schemas['AppealDto'] | undefined> {
  const { data } = await who.GET('/api/v1/staff/appeals/{idOrNumber}', { params: { path: { idOrNumber: ref } } });
  return data;
}

/** Waits (up to 10 s) until `done` holds, for what happens on the Node side of Playwright. */
export async function until(done: () => boolean): Promise<void> {
  for (let waited = 0; !done(); waited += 50) {
    if (waited > 10_000) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
