/** Bidirectional controls and invisible characters used to disguise an extension («gpj.exe»). */
const INVISIBLE = /[\u061C\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/g;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001F\u007F-\u009F]/g;
const RESERVED = /[<>:"|?*]/g;
const WINDOWS_DEVICE = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\.|$)/i;
const MAX_LENGTH = 180;

export type FileNameCheck = { ok: true; name: string } | { ok: false; reason: 'file_name_invalid' };

/**
 * The name a file is stored and served under. A name that is a path (`../../etc/passwd`,
 * `C:\x\y.pdf`) is refused outright: a client sending one is either broken or probing. Otherwise
 * control, bidi and zero-width characters go, characters reserved on common file systems become
 * `_`, and the result is trimmed to a length every file system takes, keeping the extension.
 */
export function normaliseFileName(raw: string | undefined): FileNameCheck {
  const given = (raw ?? '').normalize('NFC');
  if (/[/\\]/.test(given) || given.includes('\u0000')) return { ok: false, reason: 'file_name_invalid' };
  let name = given.replace(INVISIBLE, '').replace(CONTROL, '').replace(RESERVED, '_').replace(/\s+/g, ' ');
  name = name.replace(/^[\s.]+|[\s.]+$/g, '');
  if (WINDOWS_DEVICE.test(name)) name = `_${name}`;
  if (!name) name = 'file';
  if (name.length > MAX_LENGTH) {
    const dot = name.lastIndexOf('.');
    const ext = dot > 0 && name.length - dot <= 10 ? name.slice(dot) : '';
    name = name.slice(0, MAX_LENGTH - ext.length).trimEnd() + ext;
  }
  return { ok: true, name };
}

/** `Content-Disposition: attachment` with an ASCII fallback and the UTF-8 name (RFC 6266 / 8187). */
export function contentDisposition(name: string): string {
  const ascii = name.replace(/[^\x20-\x7E]/g, '_').replace(/["\\%]/g, '_');
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
