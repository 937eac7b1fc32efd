import { createHash } from 'node:crypto';
import { EntityManager } from 'typeorm';

/** Statement names by text: hashing a long statement on every run cost more than the lookup. */
const names = new Map<string, string>();
const NAMES_CAPACITY = 1_000;

function nameOf(text: string): string {
  let name = names.get(text);
  if (!name) {
    name = `otklik_${createHash('sha1').update(text).digest('hex').slice(0, 20)}`;
    if (names.size >= NAMES_CAPACITY) names.delete(names.keys().next().value!);
    names.set(text, name);
  }
  return name;
}

/**
 * Runs a hot statement as a named prepared statement: PostgreSQL parses and plans it once per
 * connection instead of on every request, and later runs send only its parameters. The text must
 * be fixed per shape (values are parameters, never spliced in), so the number of prepared
 * statements per connection stays small. In the caller's transaction when `manager` has one.
 */
export async function runPrepared<T = unknown>(manager: EntityManager, text: string, values: unknown[]): Promise<T[]> {
  const runner = manager.queryRunner ?? manager.connection.createQueryRunner();
  const own = !manager.queryRunner;
  try {
    const client = (await runner.connect()) as { query(q: { name: string; text: string; values: unknown[] }): Promise<{ rows: T[] }> };
    manager.connection.logger.logQuery(text, values, runner);
    return (await client.query({ name: nameOf(text), text, values })).rows;
  } finally {
    if (own) await runner.release();
  }
}
