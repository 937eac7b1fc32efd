import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';

/** Per entity: its insertable columns, in order, found once. */
const insertable = new WeakMap<object, ColumnMetadata[]>();

/**
 * The INSERT of one entity as TypeORM would send it (each column's value through its transformer
 * and the driver's persistence, DEFAULT where the entity leaves it undefined), built from the
 * entity's metadata without the query builder: on the filing path, TypeORM's InsertQueryBuilder
 * cost 6 % of the request's CPU. For a statement the caller runs, e.g. as a CTE of a bigger one.
 * Values are parameters; the text depends only on which columns are left to their default.
 */
export function entityInsert<T extends ObjectLiteral>(manager: EntityManager, target: EntityTarget<T>, entity: T): { sql: string; params: unknown[] } {
  const metadata = manager.connection.getMetadata(target);
  let columns = insertable.get(metadata);
  if (!columns) {
    columns = metadata.columns.filter((c) => c.isInsert && !c.isVirtual && !c.generatedType && !c.isVirtualProperty);
    insertable.set(metadata, columns);
  }
  const driver = manager.connection.driver;
  const params: unknown[] = [];
  const values = columns.map((column) => {
    const value = column.getEntityValue(entity, true);
    return value === undefined ? 'DEFAULT' : `$${params.push(driver.preparePersistentValue(value, column))}`;
  });
  return {
    sql: `INSERT INTO ${driver.escape(metadata.tableName)}(${columns.map((c) => driver.escape(c.databaseName)).join(', ')}) VALUES (${values.join(', ')})`,
    params,
  };
}
