import { randomUUID } from 'node:crypto';
import type { ApiClient, Schemas } from '../../../shared/api/client';
import { anonymous } from './api';

type Category = Schemas['CategoryDto'];
type NewAppeal = Schemas['CreateAppealDto'];

let categories: Category[] | undefined;

/** The seeded category tree, looked up by code. */
export async function category(code: string): Promise<Category> {
  if (!categories) {
    const { data } = await anonymous().GET('/api/v1/catalog/categories');
    categories = data!;
  }
  const all = categories.flatMap((c) => [c, ...c.children]);
  const found = all.find((c) => c.code === code);
  if (!found) throw new Error(`no seeded category ${code}`);
  return found;
}

/** Builder for a valid appeal body; override what the test is about. */
export async function appealInput(overrides: Partial<NewAppeal> = {}): Promise<NewAppeal> {
  const general = await category('general');
  return {
    type: 'question',
    categoryId: general.id,
    subject: `Вопрос ${randomUUID().slice(0, 8)}`,
    text: 'Прошу разъяснить порядок получения услуги.',
    ...overrides,
  };
}

export async function fileAppeal(client: ApiClient, overrides: Partial<NewAppeal> = {}): Promise<Schemas['AppealSummaryDto']> {
  const { data, error } = await client.POST('/api/v1/appeals', { body: await appealInput(overrides) });
  if (!data) throw new Error(`filing failed: ${JSON.stringify(error)}`);
  return data;
}
