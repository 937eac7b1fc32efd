import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { FieldError } from '../../common/problem/domain-error';

/** Limits on an admin's extra-field schema: it is compiled and run on every filing. */
export const SCHEMA_LIMITS = { bytes: 32_768, depth: 8, fields: 100 } as const;
/** Field names become `extraFields.<name>` in errors and keys in stored appeals. */
const FIELD_NAME = /^[A-Za-z][A-Za-z0-9_]{0,63}$/;
/** Keywords refused in admin schemas: references could reach outside the schema. */
const REFUSED_KEYWORDS = new Set(['patternProperties', '$ref', '$dynamicRef', '$recursiveRef', '$id', '$schema']);
/**
 * A `pattern` runs on citizens' input at every filing: a catastrophic one would stall intake. A
 * quantified group that itself holds a quantifier ((a+)+, (\w*)*) is the classic shape and is
 * refused, as are long patterns.
 */
const NESTED_QUANTIFIER = /\((?:[^()\\]|\\.)*[+*}](?:[^()\\]|\\.)*\)\s*[+*{?]/;
const PATTERN_MAX = 200;

function patternError(pattern: unknown): string | null {
  if (typeof pattern !== 'string') return 'pattern must be a string';
  if (pattern.length > PATTERN_MAX) return `pattern longer than ${PATTERN_MAX}`;
  if (NESTED_QUANTIFIER.test(pattern)) return 'nested quantifiers are not allowed in a pattern';
  try {
    new RegExp(pattern, 'u');
  } catch {
    return 'not a regular expression';
  }
  return null;
}

const ajv = addFormats(new Ajv({ allErrors: true, strict: false }));

/** Why an extra-field JSON Schema may not be stored (errors name `schema…`); empty when it may. */
export function checkExtraFieldsSchema(schema: Record<string, unknown>, field = 'schema'): FieldError[] {
  const errors: FieldError[] = [];
  if (JSON.stringify(schema).length > SCHEMA_LIMITS.bytes) return [{ field, code: 'schema_too_large', message: `at most ${SCHEMA_LIMITS.bytes} bytes` }];
  if (schema.type !== 'object') errors.push({ field: `${field}.type`, code: 'schema_not_object', message: 'the schema must describe an object (type: object)' });
  const properties = schema.properties;
  if (properties === null || typeof properties !== 'object' || Array.isArray(properties)) {
    errors.push({ field: `${field}.properties`, code: 'schema_without_properties', message: 'the schema must list its fields under properties' });
  } else {
    const names = Object.keys(properties);
    if (names.length > SCHEMA_LIMITS.fields) errors.push({ field: `${field}.properties`, code: 'schema_too_many_fields', message: `at most ${SCHEMA_LIMITS.fields}` });
    for (const name of names) if (!FIELD_NAME.test(name)) errors.push({ field: `${field}.properties`, code: 'schema_field_name', message: `not a field name: ${name.slice(0, 64)}` });
  }
  const walk = (node: unknown, path: string, depth: number): void => {
    if (node === null || typeof node !== 'object') return;
    if (depth > SCHEMA_LIMITS.depth) {
      errors.push({ field: path, code: 'schema_too_deep', message: `at most ${SCHEMA_LIMITS.depth} levels` });
      return;
    }
    for (const [key, value] of Object.entries(node)) {
      if (!Array.isArray(node) && REFUSED_KEYWORDS.has(key)) errors.push({ field: `${path}.${key}`, code: 'schema_keyword_not_allowed', message: `${key} is not allowed` });
      if (!Array.isArray(node) && key === 'pattern' && typeof value !== 'object') {
        const why = patternError(value);
        if (why) errors.push({ field: `${path}.pattern`, code: 'schema_pattern_not_allowed', message: why });
      }
      walk(value, `${path}.${key}`, depth + 1);
    }
  };
  walk(schema, field, 0);
  if (errors.length > 0) return errors;
  try {
    ajv.compile(schema);
  } catch (e) {
    return [{ field, code: 'invalid_schema', message: (e as Error).message.slice(0, 300) }];
  }
  return [];
}
