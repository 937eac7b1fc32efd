import { checkDoc, checkDocx } from './containers';
import { FILE_KINDS, FileKind } from './file-types';
import { makePreview } from './preview';

export type RejectReason =
  | 'file_empty'
  | 'file_type_not_allowed'
  | 'file_markup'
  | 'file_corrupt'
  | 'file_zip_bomb'
  | 'file_macros';

export type SniffVerdict =
  | { ok: true; kind: FileKind; contentType: string; preview: Buffer | null }
  | { ok: false; reason: RejectReason };

type Mode = 'undecided' | 'pdf' | 'container' | 'text';

const MAGIC: { bytes: number[]; kind: FileKind }[] = [
  { bytes: [0x25, 0x50, 0x44, 0x46, 0x2d], kind: 'pdf' }, // %PDF-
  { bytes: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], kind: 'doc' }, // OLE2 compound file
  { bytes: [0x50, 0x4b, 0x03, 0x04], kind: 'docx' }, // zip local file header
  { bytes: [0xff, 0xd8, 0xff], kind: 'jpg' },
  { bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], kind: 'png' },
];
const HEAD_BYTES = 8;
const PDF_TAIL = 1024;
const MARKUP_WINDOW = 4096;
/** A text whose start is a markup document, or that carries active content near the start. */
const MARKUP_START = /^\s*<(\?xml|!doctype|!--|html|head|body|script|svg|iframe|object|embed|meta|style|link|title|div|a|img|form|xsl)[\s>/]/i;
const MARKUP_ANYWHERE = /<(script|svg|html|iframe|object|embed)[\s>/]|<!doctype\s+html|javascript:/i;

/**
 * Decides what a file is from its bytes as they stream past, never from its name or declared
 * type. PDF and text are checked in passing (PDF: header and `%%EOF` trailer; text: valid UTF-8
 * or CP1251 without control characters or markup); containers and images need random access,
 * so their bytes are kept — the one copy of the file in memory — and checked at the end (DOCX:
 * an OOXML package, not a bomb; DOC: an OLE2 file with a WordDocument stream; images: decoded).
 */
export class ContentSniffer {
  private mode: Mode = 'undecided';
  private kind: FileKind | null = null;
  private head = Buffer.alloc(0);
  private kept: Buffer[] = [];
  private tail = Buffer.alloc(0);
  private size = 0;
  // Text state.
  private readonly utf8 = new TextDecoder('utf-8', { fatal: true });
  private utf8Ok = true;
  private cp1251Ok = true;
  private binary = false;
  private prefix = Buffer.alloc(0);

  push(chunk: Buffer): void {
    this.size += chunk.length;
    if (this.mode === 'undecided') {
      this.head = Buffer.concat([this.head, chunk]);
      if (this.head.length < HEAD_BYTES) return;
      this.decide();
      const first = this.head;
      this.head = Buffer.alloc(0);
      this.consume(first);
      return;
    }
    this.consume(chunk);
  }

  async finish(): Promise<SniffVerdict> {
    if (this.size === 0) return { ok: false, reason: 'file_empty' };
    if (this.mode === 'undecided') {
      this.decide();
      this.consume(this.head);
    }
    switch (this.mode) {
      case 'pdf':
        return this.tail.includes('%%EOF') && /^%PDF-[12]\.\d/.test(this.prefix.toString('latin1')) ? this.accept('pdf') : { ok: false, reason: 'file_corrupt' };
      case 'container':
        return this.finishContainer();
      case 'text':
        return this.finishText();
      case 'undecided':
        return { ok: false, reason: 'file_type_not_allowed' };
      default: {
        const never: never = this.mode;
        throw new Error(`unknown mode ${String(never)}`);
      }
    }
  }

  private decide(): void {
    const found = MAGIC.find((m) => m.bytes.every((b, i) => this.head[i] === b));
    this.kind = found?.kind ?? null;
    this.mode = !found ? 'text' : found.kind === 'pdf' ? 'pdf' : 'container';
  }

  private consume(chunk: Buffer): void {
    if (this.prefix.length < MARKUP_WINDOW) this.prefix = Buffer.concat([this.prefix, chunk.subarray(0, MARKUP_WINDOW - this.prefix.length)]);
    switch (this.mode) {
      case 'pdf': {
        // Only the last PDF_TAIL bytes matter: never copy more than that.
        const piece = chunk.length >= PDF_TAIL ? chunk.subarray(chunk.length - PDF_TAIL) : chunk;
        this.tail = piece.length === PDF_TAIL ? Buffer.from(piece) : Buffer.concat([this.tail, piece]);
        if (this.tail.length > PDF_TAIL) this.tail = this.tail.subarray(this.tail.length - PDF_TAIL);
        return;
      }
      case 'container':
        this.kept.push(chunk);
        return;
      case 'text':
        this.checkText(chunk);
        return;
      case 'undecided':
        return;
    }
  }

  private checkText(chunk: Buffer): void {
    if (this.binary) return;
    for (let i = 0; i < chunk.length; i++) {
      const b = chunk[i];
      if ((b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0c && b !== 0x0d) || b === 0x7f) {
        this.binary = true;
        return;
      }
      // 0x98 is the one byte CP1251 leaves undefined.
      if (b === 0x98) this.cp1251Ok = false;
    }
    if (this.utf8Ok) {
      try {
        if (/[\u0080-\u009f]/.test(this.utf8.decode(chunk, { stream: true }))) this.utf8Ok = false;
      } catch {
        this.utf8Ok = false;
      }
    }
  }

  private finishText(): SniffVerdict {
    if (this.binary) return { ok: false, reason: 'file_type_not_allowed' };
    if (this.utf8Ok) {
      try {
        this.utf8.decode();
      } catch {
        this.utf8Ok = false;
      }
    }
    if (!this.utf8Ok && !this.cp1251Ok) return { ok: false, reason: 'file_type_not_allowed' };
    // Markup is ASCII in both encodings: the latin1 view of the first bytes is enough.
    const start = this.prefix.toString('latin1').replace(/^\xEF\xBB\xBF/, '');
    if (MARKUP_START.test(start) || MARKUP_ANYWHERE.test(start)) return { ok: false, reason: 'file_markup' };
    return { ok: true, kind: 'txt', contentType: `text/plain; charset=${this.utf8Ok ? 'utf-8' : 'windows-1251'}`, preview: null };
  }

  private async finishContainer(): Promise<SniffVerdict> {
    const data = Buffer.concat(this.kept);
    this.kept = [];
    const kind = this.kind!;
    if (kind === 'jpg' || kind === 'png') {
      const preview = await makePreview(data, kind === 'jpg' ? 'jpeg' : 'png');
      return preview ? { ...this.accept(kind), preview } : { ok: false, reason: 'file_corrupt' };
    }
    const verdict = kind === 'docx' ? await checkDocx(data) : checkDoc(data);
    return verdict.ok ? this.accept(kind) : verdict;
  }

  private accept(kind: FileKind): { ok: true; kind: FileKind; contentType: string; preview: null } {
    return { ok: true, kind, contentType: FILE_KINDS[kind].mime, preview: null };
  }
}
