/**
 * The category form builder's model and the JSON Schema it stands for. A citizen app renders a
 * category's form from the schema: each property is a field, `title` its label, `description`
 * its hint, `x-kind` how to ask for it; `required` lists the mandatory ones.
 */
export type FieldKind = 'text' | 'number' | 'date' | 'choice' | 'file';
export const FIELD_KINDS: readonly FieldKind[] = ['text', 'number', 'date', 'choice', 'file'];

export interface FormField {
  name: string;
  kind: FieldKind;
  title: string;
  hint: string;
  required: boolean;
  /** Choice fields: the options, one per line. */
  options: string;
}

export const FIELD_NAME = /^[A-Za-z][A-Za-z0-9_]{0,63}$/;

export function emptyField(index: number): FormField {
  return { name: `field${index}`, kind: 'text', title: '', hint: '', required: false, options: '' };
}

const optionsOf = (f: FormField): string[] => [...new Set(f.options.split('\n').map((o) => o.trim()).filter(Boolean))];

function property(f: FormField): Record<string, unknown> {
  const common: Record<string, unknown> = { title: f.title.trim() || f.name, 'x-kind': f.kind };
  if (f.hint.trim()) common['description'] = f.hint.trim();
  switch (f.kind) {
    case 'text':
      return { type: 'string', minLength: f.required ? 1 : 0, maxLength: 1000, ...common };
    case 'number':
      return { type: 'number', ...common };
    case 'date':
      return { type: 'string', format: 'date', ...common };
    case 'choice':
      return { type: 'string', enum: optionsOf(f), ...common };
    case 'file':
      // The id of an attachment the citizen uploaded (POST /attachments).
      return { type: 'string', format: 'uuid', ...common };
  }
}

/** The JSON Schema of a form; null for a form without fields (the category has no extra fields). */
export function toSchema(fields: readonly FormField[]): Record<string, unknown> | null {
  if (fields.length === 0) return null;
  const required = fields.filter((f) => f.required).map((f) => f.name);
  return {
    type: 'object',
    additionalProperties: false,
    ...(required.length ? { required } : {}),
    properties: Object.fromEntries(fields.map((f) => [f.name, property(f)])),
  };
}

/** The fields of a stored schema, as far as the builder understands them (others are read as text). */
export function fromSchema(schema: Record<string, unknown> | null | undefined): FormField[] {
  if (!schema || typeof schema['properties'] !== 'object' || schema['properties'] === null) return [];
  const required = new Set(Array.isArray(schema['required']) ? (schema['required'] as string[]) : []);
  return Object.entries(schema['properties'] as Record<string, Record<string, unknown>>).map(([name, p]) => ({
    name,
    kind: kindOf(p),
    title: typeof p['title'] === 'string' ? p['title'] : '',
    hint: typeof p['description'] === 'string' ? p['description'] : '',
    required: required.has(name),
    options: Array.isArray(p['enum']) ? (p['enum'] as unknown[]).map(String).join('\n') : '',
  }));
}

function kindOf(p: Record<string, unknown>): FieldKind {
  const declared = p['x-kind'];
  if (typeof declared === 'string' && (FIELD_KINDS as readonly string[]).includes(declared)) return declared as FieldKind;
  if (Array.isArray(p['enum'])) return 'choice';
  if (p['type'] === 'number' || p['type'] === 'integer') return 'number';
  if (p['format'] === 'date') return 'date';
  if (p['format'] === 'uuid') return 'file';
  return 'text';
}

/** What is wrong with a form before it is sent (the server checks again). */
export function formProblems(fields: readonly FormField[]): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const f of fields) {
    if (!FIELD_NAME.test(f.name)) problems.push(`name:${f.name}`);
    if (seen.has(f.name)) problems.push(`duplicate:${f.name}`);
    seen.add(f.name);
    if (f.kind === 'choice' && optionsOf(f).length === 0) problems.push(`options:${f.name}`);
  }
  return problems;
}
