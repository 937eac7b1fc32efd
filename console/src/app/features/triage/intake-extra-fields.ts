/**
 * The extra fields of a category as the intake form asks for them: the simple properties of its
 * JSON Schema (text, a choice of values, a number, a date and time, yes/no), titled by the schema.
 * The API validates the values against the whole schema; its errors name `extraFields.<name>`.
 */
export interface ExtraField {
  name: string;
  title: string;
  /** `file`: the id of an upload (the category form builder's «файл»): one of the scans attached here. */
  kind: 'text' | 'choice' | 'number' | 'dateTime' | 'date' | 'boolean' | 'file';
  required: boolean;
  options: readonly string[];
  maxLength: number | null;
}

interface PropertySchema {
  type?: unknown;
  title?: unknown;
  enum?: unknown;
  format?: unknown;
  maxLength?: unknown;
  'x-kind'?: unknown;
}

export function extraFieldsOf(schema: Record<string, unknown> | null | undefined): ExtraField[] {
  const properties = (schema?.['properties'] ?? {}) as Record<string, PropertySchema>;
  const required = Array.isArray(schema?.['required']) ? (schema['required'] as unknown[]) : [];
  return Object.entries(properties).map(([name, p]) => ({
    name,
    title: typeof p.title === 'string' ? p.title : name,
    kind: p['x-kind'] === 'file' || p.format === 'uuid'
      ? 'file'
      : Array.isArray(p.enum)
      ? 'choice'
      : p.type === 'boolean'
        ? 'boolean'
        : p.type === 'number' || p.type === 'integer'
          ? 'number'
          : p.format === 'date-time'
            ? 'dateTime'
            : p.format === 'date'
              ? 'date'
              : 'text',
    required: required.includes(name),
    options: Array.isArray(p.enum) ? p.enum.map(String) : [],
    maxLength: typeof p.maxLength === 'number' ? p.maxLength : null,
  }));
}

/** The values the operator gave, typed as the schema wants them; empty ones are left out. */
export function extraFieldValues(fields: readonly ExtraField[], values: Record<string, string | boolean>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const field of fields) {
    const value = values[field.name];
    if (field.kind === 'boolean') {
      if (value === true) out[field.name] = true;
      continue;
    }
    const text = typeof value === 'string' ? value.trim() : '';
    if (!text) continue;
    if (field.kind === 'number') out[field.name] = Number(text);
    else if (field.kind === 'dateTime') out[field.name] = Number.isNaN(Date.parse(text)) ? text : new Date(text).toISOString();
    else out[field.name] = text;
  }
  return out;
}
