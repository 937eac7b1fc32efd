/** A table's INSERT from one column list: the single-row form (VALUES) and the set-based one (SELECT). */
export class RowShape<K extends string> {
  constructor(
    private readonly table: string,
    private readonly columns: Readonly<Record<K, string>>,
  ) {}

  /** `INSERT … VALUES (…)` with each value a SQL expression (a parameter, for one row). */
  values(exprs: Readonly<Record<K, string>>): string {
    const keys = Object.keys(this.columns) as K[];
    return `INSERT INTO ${this.table} (${keys.map((k) => this.columns[k]).join(', ')}) VALUES (${keys.map((k) => exprs[k]).join(', ')})`;
  }

  /** `INSERT … SELECT … FROM <from>`: one row per row of `from`, each value a SQL expression over it. */
  select(exprs: Readonly<Record<K, string>>, from: string): string {
    const keys = Object.keys(this.columns) as K[];
    return `INSERT INTO ${this.table} (${keys.map((k) => this.columns[k]).join(', ')})
         SELECT ${keys.map((k) => exprs[k]).join(', ')}
           FROM ${from}`;
  }
}
