import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { getMetadataStorage, ValidationTypes } from 'class-validator';

/**
 * Rules over every DTO of the backend, so that a new one cannot repeat an old mistake.
 * class-validator's ValidateNested skips a missing value: without IsDefined (or IsOptional) a
 * body without the nested object passed validation and failed in the service (registration
 * without pdConsent was a 500).
 */
function dtoFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return dtoFiles(path);
    return /\.dto\.ts$/.test(e.name) || (dir.endsWith(`${join('/', 'dto')}`) && e.name.endsWith('.ts') && !e.name.endsWith('.spec.ts')) ? [path] : [];
  });
}

describe('DTO rules', () => {
  const files = dtoFiles(join(__dirname, '..', '..', 'modules'));
  for (const file of files) require(file);
  const storage = getMetadataStorage() as unknown as { validationMetadatas: Map<object, { propertyName: string; type: string; name?: string }[]> };

  it('finds the DTOs', () => {
    expect(files.length).toBeGreaterThan(10);
    expect(storage.validationMetadatas.size).toBeGreaterThan(20);
  });

  it('a nested object is either optional or required, never silently skipped when missing', () => {
    const loose: string[] = [];
    for (const [target, metas] of storage.validationMetadatas) {
      const byProperty = new Map<string, { type: string; name?: string }[]>();
      for (const m of metas) byProperty.set(m.propertyName, [...(byProperty.get(m.propertyName) ?? []), m]);
      for (const [property, list] of byProperty) {
        const nested = list.some((m) => m.type === ValidationTypes.NESTED_VALIDATION);
        const decided = list.some((m) => m.type === ValidationTypes.CONDITIONAL_VALIDATION || m.type === ValidationTypes.IS_DEFINED || m.name === 'isDefined');
        if (nested && !decided) loose.push(`${(target as { name: string }).name}.${property}`);
      }
    }
    expect(loose).toEqual([]);
  });
});
