/**
 * Just enough of MIME (RFC 2045–2047, 2231) to read what nodemailer sends: nested multiparts,
 * base64 and quoted-printable bodies, encoded-word headers and RFC 2231 file names. Test code
 * only (mailparser is not among the dependencies).
 */
export interface MimePart {
  headers: Map<string, string>;
  /** `type/subtype`, lower case (text/plain when absent). */
  contentType: string;
  params: Record<string, string>;
  /** Content-Disposition parameters. */
  disposition: { type: string; params: Record<string, string> } | null;
  /** The body after its transfer encoding is undone. */
  body: Buffer;
  children: MimePart[];
}

export interface ParsedMail {
  subject: string;
  from: string;
  messageId: string | null;
  text: string;
  html: string | null;
  attachments: { filename: string; contentType: string; content: Buffer; size: number }[];
}

export function parseMail(raw: Buffer): ParsedMail {
  const root = parsePart(raw.toString('latin1'));
  const leaves: MimePart[] = [];
  const walk = (part: MimePart) => (part.children.length ? part.children.forEach(walk) : leaves.push(part));
  walk(root);
  const isAttachment = (p: MimePart) => p.disposition?.type === 'attachment' || Boolean(filenameOf(p)) || !p.contentType.startsWith('text/');
  const textPart = leaves.find((p) => p.contentType === 'text/plain' && !isAttachment(p));
  const htmlPart = leaves.find((p) => p.contentType === 'text/html' && !isAttachment(p));
  return {
    subject: decodeWords(root.headers.get('subject') ?? ''),
    from: decodeWords(root.headers.get('from') ?? ''),
    messageId: root.headers.get('message-id')?.trim() ?? null,
    text: textPart ? textOf(textPart) : '',
    html: htmlPart ? textOf(htmlPart) : null,
    attachments: leaves.filter(isAttachment).map((p) => ({ filename: filenameOf(p) ?? '', contentType: p.contentType, content: p.body, size: p.body.length })),
  };
}

/** A part from its raw text (latin1: one char per octet). */
export function parsePart(raw: string): MimePart {
  const split = /\r?\n\r?\n/.exec(raw);
  const head = split ? raw.slice(0, split.index) : raw;
  const rawBody = split ? raw.slice(split.index + split[0].length) : '';
  const headers = new Map<string, string>();
  for (const line of head.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  const [contentType, params] = headerValue(headers.get('content-type') ?? 'text/plain');
  const dispositionHeader = headers.get('content-disposition');
  const disposition = dispositionHeader ? (([type, p]) => ({ type, params: p }))(headerValue(dispositionHeader)) : null;
  if (contentType.startsWith('multipart/') && params.boundary) {
    const delimiter = `--${params.boundary}`;
    const children: MimePart[] = [];
    const sections = rawBody.split(new RegExp(`\\r?\\n?${escapeRegExp(delimiter)}`));
    for (const section of sections.slice(1)) {
      if (section.startsWith('--')) break;
      children.push(parsePart(section.replace(/^[ \t]*\r?\n/, '')));
    }
    return { headers, contentType, params, disposition, body: Buffer.alloc(0), children };
  }
  const encoding = (headers.get('content-transfer-encoding') ?? '7bit').toLowerCase();
  const body =
    encoding === 'base64'
      ? Buffer.from(rawBody.replace(/\s/g, ''), 'base64')
      : encoding === 'quoted-printable'
        ? Buffer.from(rawBody.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/gi, (_, h: string) => String.fromCharCode(parseInt(h, 16))), 'latin1')
        : Buffer.from(rawBody, 'latin1');
  return { headers, contentType, params, disposition, body, children: [] };
}

function textOf(part: MimePart): string {
  const charset = (part.params.charset ?? 'utf-8').toLowerCase();
  return new TextDecoder(charset === 'us-ascii' ? 'utf-8' : charset).decode(part.body);
}

function filenameOf(part: MimePart): string | null {
  return part.disposition?.params.filename ?? part.params.name ?? null;
}

/** `value; a=b; c="d"` with RFC 2231 continuations (`a*0*=utf-8''…; a*1*=…`) and charsets joined and decoded. */
function headerValue(header: string): [string, Record<string, string>] {
  const [first, ...rest] = splitParams(header);
  const pieces = new Map<string, { index: number; value: string; encoded: boolean }[]>();
  for (const param of rest) {
    const eq = param.indexOf('=');
    if (eq < 0) continue;
    const key = param.slice(0, eq).trim().toLowerCase();
    let value = param.slice(eq + 1).trim();
    if (value.startsWith('"') && value.endsWith('"')) value = value.slice(1, -1).replace(/\\(.)/g, '$1');
    const m = /^([^*]+)(?:\*(\d+))?(\*)?$/.exec(key);
    if (!m) continue;
    const list = pieces.get(m[1]) ?? [];
    list.push({ index: Number(m[2] ?? 0), value, encoded: Boolean(m[3]) });
    pieces.set(m[1], list);
  }
  const params: Record<string, string> = {};
  for (const [name, list] of pieces) {
    list.sort((a, b) => a.index - b.index);
    const encoded = list.some((p) => p.encoded);
    let joined = list.map((p) => p.value).join('');
    if (encoded) {
      const m = /^([^']*)'[^']*'(.*)$/.exec(joined);
      const charset = m?.[1] || 'utf-8';
      const bytes = Buffer.from((m?.[2] ?? joined).replace(/%([0-9A-F]{2})/gi, (_, h: string) => String.fromCharCode(parseInt(h, 16))), 'latin1');
      joined = new TextDecoder(charset).decode(bytes);
    } else {
      joined = decodeWords(joined);
    }
    params[name] = joined;
  }
  return [first.trim().toLowerCase(), params];
}

function splitParams(header: string): string[] {
  const out: string[] = [];
  let current = '';
  let quoted = false;
  for (const ch of header) {
    if (ch === '"') quoted = !quoted;
    if (ch === ';' && !quoted) {
      out.push(current);
      current = '';
    } else current += ch;
  }
  out.push(current);
  return out;
}

/** RFC 2047 encoded words (`=?UTF-8?B?…?=`, `=?UTF-8?Q?…?=`), whitespace between adjacent ones dropped. */
export function decodeWords(value: string): string {
  return value
    .replace(/(=\?[^?]+\?[BbQq]\?[^?]*\?=)\s+(?==\?)/g, '$1')
    .replace(/=\?([^?]+)\?([BbQq])\?([^?]*)\?=/g, (_, charset: string, kind: string, text: string) => {
      const bytes =
        kind.toUpperCase() === 'B'
          ? Buffer.from(text, 'base64')
          : Buffer.from(text.replace(/_/g, ' ').replace(/=([0-9A-F]{2})/gi, (__, h: string) => String.fromCharCode(parseInt(h, 16))), 'latin1');
      return new TextDecoder(charset.toLowerCase()).decode(bytes);
    });
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
