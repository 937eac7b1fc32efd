/**
 * SQL literals for fixed values written into query text: enum values from shared/domain, so that
 * a status list lives in one place and partial indexes (whose predicates are literals) still match.
 * Never for user input: that goes in parameters.
 */
export function sqlText(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

/** `'a', 'b'`: the inside of an `IN (…)` or `ARRAY[…]`. */
export function sqlList(values: readonly string[]): string {
  if (values.length === 0) throw new Error('sqlList: an empty list is not valid SQL');
  return values.map(sqlText).join(', ');
}
