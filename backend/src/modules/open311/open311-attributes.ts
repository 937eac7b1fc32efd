import { list, Open311Object } from './open311-format';

/** The attribute datatypes of GeoReport v2. */
export type Open311Datatype = 'string' | 'number' | 'datetime' | 'text' | 'singlevaluelist' | 'multivaluelist';

interface FieldSchema {
  type?: string | string[];
  format?: string;
  enum?: unknown[];
  items?: FieldSchema;
  maxLength?: number;
  title?: string;
  description?: string;
  pattern?: string;
}

/** A string longer than this is a multi-line `text` attribute. */
const TEXT_ABOVE = 255;

/** Maps one property of a category's extra-field JSON Schema to an Open311 datatype. */
export function datatypeOf(schema: FieldSchema): Open311Datatype {
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type;
  if (type === 'array') return 'multivaluelist';
  if (Array.isArray(schema.enum) || type === 'boolean') return 'singlevaluelist';
  if (type === 'number' || type === 'integer') return 'number';
  if (schema.format === 'date-time' || schema.format === 'date') return 'datetime';
  return schema.maxLength !== undefined && schema.maxLength > TEXT_ABOVE ? 'text' : 'string';
}

function valuesOf(schema: FieldSchema): unknown[] | null {
  if (schema.items && Array.isArray(schema.items.enum)) return schema.items.enum;
  if (Array.isArray(schema.enum)) return schema.enum;
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type;
  return type === 'boolean' ? [true, false] : null;
}

/** The `attributes` of a service definition, from the category's extra-field JSON Schema (null: none). */
export function attributesOf(jsonSchema: Record<string, unknown> | null): Open311Object[] {
  const properties = (jsonSchema?.properties ?? {}) as Record<string, FieldSchema>;
  const required = new Set(Array.isArray(jsonSchema?.required) ? (jsonSchema.required as string[]) : []);
  return Object.entries(properties).map(([code, field], i) => {
    const datatype = datatypeOf(field);
    const values = valuesOf(field);
    const hints = [field.format && `format: ${field.format}`, field.pattern && `pattern: ${field.pattern}`, field.maxLength !== undefined && `max length: ${field.maxLength}`].filter(Boolean);
    return {
      variable: true,
      code,
      datatype,
      required: required.has(code),
      datatype_description: hints.length ? hints.join('; ') : null,
      order: i + 1,
      description: field.title ?? field.description ?? code,
      values: list('value', (datatype === 'singlevaluelist' || datatype === 'multivaluelist') && values ? values.map((v) => ({ key: String(v), name: String(v) })) : []),
    };
  });
}

/**
 * Turns the `attribute[code]` values of a form (strings) into the types the schema expects, so
 * that the category's own validation (ajv, at intake) judges them: numbers, booleans, lists.
 * A value that does not convert is passed as given and refused there with the field's name.
 */
export function coerceAttributes(jsonSchema: Record<string, unknown> | null, given: Record<string, string | string[]>): Record<string, unknown> {
  const properties = (jsonSchema?.properties ?? {}) as Record<string, FieldSchema>;
  const out: Record<string, unknown> = {};
  for (const [code, raw] of Object.entries(given)) {
    const field = properties[code];
    const datatype = field ? datatypeOf(field) : 'string';
    const type = field && (Array.isArray(field.type) ? field.type.find((t) => t !== 'null') : field.type);
    if (datatype === 'multivaluelist') {
      out[code] = [raw].flat();
      continue;
    }
    const value = Array.isArray(raw) ? raw[0] : raw;
    if (datatype === 'number' && value.trim() !== '' && Number.isFinite(Number(value))) out[code] = Number(value);
    else if (type === 'boolean' && (value === 'true' || value === 'false')) out[code] = value === 'true';
    else out[code] = value;
  }
  return out;
}
