/** The kinds of files the platform accepts (DOMAIN.md «Attachments»), decided by content only. */
export type FileKind = 'pdf' | 'doc' | 'docx' | 'jpg' | 'png' | 'txt';

export interface FileKindInfo {
  /** The media type the file is served with. */
  mime: string;
  /** The canonical extension first; a name with another known extension is a mismatch. */
  extensions: string[];
  /** Declared media types that mean this kind (browsers differ). */
  declared: string[];
}

export const FILE_KINDS: Record<FileKind, FileKindInfo> = {
  pdf: { mime: 'application/pdf', extensions: ['pdf'], declared: ['application/pdf', 'application/x-pdf'] },
  doc: { mime: 'application/msword', extensions: ['doc', 'dot'], declared: ['application/msword'] },
  docx: {
    mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    extensions: ['docx'],
    declared: ['application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
  },
  jpg: { mime: 'image/jpeg', extensions: ['jpg', 'jpeg', 'jpe', 'jfif'], declared: ['image/jpeg', 'image/jpg', 'image/pjpeg'] },
  png: { mime: 'image/png', extensions: ['png'], declared: ['image/png', 'image/x-png'] },
  txt: { mime: 'text/plain', extensions: ['txt', 'text', 'log'], declared: ['text/plain'] },
};

const KNOWN_EXTENSIONS = new Set(Object.values(FILE_KINDS).flatMap((k) => k.extensions));
const KNOWN_DECLARED = new Set(Object.values(FILE_KINDS).flatMap((k) => k.declared));

/**
 * Whether the name or the declared type contradicts the content: a PNG sent as `x.pdf` or as
 * `application/pdf` is refused, so nobody receives a file that is not what it says. A generic
 * declared type (application/octet-stream) or an unknown extension says nothing and is no
 * contradiction.
 */
export function contradicts(kind: FileKind, name: string, declaredType: string | undefined): boolean {
  const info = FILE_KINDS[kind];
  const ext = extensionOf(name);
  if (ext && KNOWN_EXTENSIONS.has(ext) && !info.extensions.includes(ext)) return true;
  const declared = (declaredType ?? '').split(';')[0].trim().toLowerCase();
  return KNOWN_DECLARED.has(declared) && !info.declared.includes(declared);
}

export function extensionOf(name: string): string | null {
  const dot = name.lastIndexOf('.');
  if (dot <= 0 || dot === name.length - 1) return null;
  return name.slice(dot + 1).toLowerCase();
}

/** The name with an extension that matches the content (appended when it has none of the kind's). */
export function withKindExtension(name: string, kind: FileKind): string {
  const ext = extensionOf(name);
  if (ext && FILE_KINDS[kind].extensions.includes(ext)) return name;
  return `${name}.${FILE_KINDS[kind].extensions[0]}`;
}
