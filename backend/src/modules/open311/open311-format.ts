import { create } from 'xmlbuilder2';

/** The two representations of GeoReport v2: the format is the path's extension. */
export type Open311Format = 'json' | 'xml';

/**
 * A failure in the spec's own error format (not problem+json): the HTTP status, and
 * `[{ "code": 400, "description": "…" }]` or `<errors><error><code>…` in the body.
 */
export class Open311Error extends Error {
  constructor(
    readonly status: number,
    readonly description: string,
    readonly retryAfterSeconds?: number,
  ) {
    super(description);
  }
}

/** Splits `services.json` into its name and format; null when the extension is not json or xml. */
export function splitFormat(file: string): { name: string; format: Open311Format } | null {
  const match = /^(.+)\.(json|xml)$/.exec(file);
  return match ? { name: match[1], format: match[2] as Open311Format } : null;
}

type Scalar = string | number | boolean | null | undefined;
/** A value of a response: scalars, nested objects, and lists rendered in XML as repeated child elements. */
export type Open311Value = Scalar | Open311Object | Open311List;
export interface Open311Object {
  [key: string]: Open311Value;
}
/** A list: JSON renders it as an array; XML as repeated `<item>` elements inside the key's element. */
export class Open311List {
  constructor(
    readonly item: string,
    readonly values: Open311Value[],
  ) {}
  toJSON(): Open311Value[] {
    return this.values;
  }
}

export function list(item: string, values: Open311Value[]): Open311List {
  return new Open311List(item, values);
}

function toXmlObject(value: Open311Value): unknown {
  if (value instanceof Open311List) return { [value.item]: value.values.map(toXmlObject) };
  if (value === null || value === undefined) return '';
  if (typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toXmlObject(v)]));
  return String(value);
}

/** The body of a response in the requested format; `root` is an element (XML) whose children are `list`'s items. */
export function render(format: Open311Format, root: string, body: Open311List | Open311Object): string {
  if (format === 'json') return JSON.stringify(body);
  const doc = create({ version: '1.0', encoding: 'utf-8', invalidCharReplacement: '' }, { [root]: toXmlObject(body) as object });
  return doc.end({ prettyPrint: false });
}

export function contentType(format: Open311Format): string {
  return format === 'json' ? 'application/json; charset=utf-8' : 'text/xml; charset=utf-8';
}

/** An error body in the spec's format. */
export function renderError(format: Open311Format, error: Open311Error): string {
  return render(format, 'errors', list('error', [{ code: error.status, description: error.description }]));
}
