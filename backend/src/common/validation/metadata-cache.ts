import { getMetadataStorage } from 'class-validator';

type Storage = ReturnType<typeof getMetadataStorage>;
type Metadata = ReturnType<Storage['getTargetValidationMetadatas']>;
type Grouped = ReturnType<Storage['groupByPropertyName']>;

let installed = false;

/**
 * Memoises class-validator's metadata lookups. For every object it validates (the body and each
 * nested DTO) class-validator walks every registered class's metadata with `instanceof` to find the
 * inherited ones, and groups the result by property again: on a filing that was most of the
 * validation pipe's time, though the answer changes only when a decorator registers metadata
 * (at class definition). Any new metadata clears the memo, so the answers stay exactly
 * class-validator's own.
 */
export function memoiseValidationMetadata(): void {
  if (installed) return;
  installed = true;
  const storage = getMetadataStorage();
  const add = storage.addValidationMetadata.bind(storage);
  const targets = storage.getTargetValidationMetadatas.bind(storage);
  const group = storage.groupByPropertyName.bind(storage);
  let byTarget = new WeakMap<object, Map<string, Metadata>>();
  let grouped = new WeakMap<Metadata, Grouped>();
  storage.addValidationMetadata = (metadata) => {
    byTarget = new WeakMap();
    grouped = new WeakMap();
    add(metadata);
  };
  storage.getTargetValidationMetadatas = (target, schema, always, strictGroups, groups) => {
    // A schema name (string target) is rare here: not memoised.
    if (typeof target !== 'function') return targets(target, schema, always, strictGroups, groups);
    const key = `${schema}\u0000${always}\u0000${strictGroups}\u0000${groups?.join('\u0001') ?? ''}\u0000${groups ? 'g' : ''}`;
    let forTarget = byTarget.get(target);
    if (!forTarget) byTarget.set(target, (forTarget = new Map()));
    let found = forTarget.get(key);
    if (!found) forTarget.set(key, (found = targets(target, schema, always, strictGroups, groups)));
    return found;
  };
  storage.groupByPropertyName = (metadata) => {
    let found = grouped.get(metadata);
    if (!found) grouped.set(metadata, (found = group(metadata)));
    return found;
  };
}
