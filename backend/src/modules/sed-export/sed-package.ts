import { createHash } from 'node:crypto';
import { create } from 'xmlbuilder2';
import { XMLBuilder } from 'xmlbuilder2/lib/interfaces';

/** The namespace of package.xml (otklik-sed-export-1.xsd beside this file). */
export const SED_EXPORT_NS = 'urn:otklik:sed-export:1';
/** The namespace of a receipt (otklik-sed-receipt-1.xsd). */
export const SED_RECEIPT_NS = 'urn:otklik:sed-receipt:1';
export const MANIFEST_NAME = 'manifest.sha256';
export const PACKAGE_XML_NAME = 'package.xml';

export interface SedCategoryRef {
  code: string;
  totkCode: string | null;
  name: string;
}

export interface SedFileEntry {
  id: string;
  origin: 'appeal' | 'message' | 'answer';
  name: string;
  mediaType: string;
  size: number;
  sha256: string;
  /** Relative to the package folder. */
  path: string;
}

export interface SedSignedDocument {
  format: 'pdf' | 'json';
  path: string;
  sha256: string;
  signaturePath?: string;
}

export interface SedAnswerEntry {
  id: string;
  answeredAt: Date;
  result: string;
  resultCode: number;
  text: string;
  reason: string | null;
  executorName: string;
  executorPosition: string | null;
  documents: SedSignedDocument[];
}

export interface SedAppealEntry {
  id: string;
  number: number;
  registeredAt: Date;
  type: string;
  status: string;
  dueAt: Date | null;
  category: SedCategoryRef;
  subcategory: SedCategoryRef | null;
  department: { id: string; name: string } | null;
  subject: string;
  text: string;
  citizen: { identified: boolean; name: string | null; address: string | null; email: string | null; phone: string | null };
  files: SedFileEntry[];
  answer: SedAnswerEntry | null;
}

export interface SedPackageModel {
  id: string;
  createdAt: Date;
  windowFrom: Date | null;
  windowTo: Date;
  body: { name: string; publicUrl: string };
  appeals: SedAppealEntry[];
}

/** Characters XML 1.0 cannot carry; a citizen's text with one gets U+FFFD in its place. */
// eslint-disable-next-line no-control-regex
const NOT_XML_CHAR = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;
const xmlText = (value: string) => value.replace(NOT_XML_CHAR, '\uFFFD');

function category(parent: XMLBuilder, name: string, c: SedCategoryRef): void {
  const el = parent.ele(name);
  el.ele('code').txt(xmlText(c.code));
  if (c.totkCode) el.ele('totkCode').txt(c.totkCode);
  el.ele('name').txt(xmlText(c.name));
}

/** package.xml: the element order is the schema's (xs:sequence). */
export function packageXml(model: SedPackageModel): string {
  const root = create({ version: '1.0', encoding: 'UTF-8' }).ele(SED_EXPORT_NS, 'package', { id: model.id, version: '1' });
  root.ele('createdAt').txt(model.createdAt.toISOString());
  if (model.windowFrom) root.ele('windowFrom').txt(model.windowFrom.toISOString());
  root.ele('windowTo').txt(model.windowTo.toISOString());
  const body = root.ele('body');
  body.ele('name').txt(xmlText(model.body.name));
  body.ele('publicUrl').txt(model.body.publicUrl);
  const appeals = root.ele('appeals');
  for (const a of model.appeals) {
    const el = appeals.ele('appeal', { id: a.id, number: String(a.number) });
    el.ele('registeredAt').txt(a.registeredAt.toISOString());
    el.ele('type').txt(a.type);
    el.ele('status').txt(a.status);
    if (a.dueAt) el.ele('dueAt').txt(a.dueAt.toISOString());
    category(el, 'category', a.category);
    if (a.subcategory) category(el, 'subcategory', a.subcategory);
    if (a.department) {
      const d = el.ele('department');
      d.ele('id').txt(a.department.id);
      d.ele('name').txt(xmlText(a.department.name));
    }
    el.ele('subject').txt(xmlText(a.subject));
    el.ele('text').txt(xmlText(a.text));
    const citizen = el.ele('citizen', { identified: String(a.citizen.identified) });
    if (a.citizen.name) citizen.ele('name').txt(xmlText(a.citizen.name));
    if (a.citizen.address) citizen.ele('postalAddress').txt(xmlText(a.citizen.address));
    if (a.citizen.email) citizen.ele('email').txt(xmlText(a.citizen.email));
    if (a.citizen.phone) citizen.ele('phone').txt(xmlText(a.citizen.phone));
    const files = el.ele('files');
    for (const f of a.files) {
      const file = files.ele('file', { id: f.id, origin: f.origin });
      file.ele('name').txt(xmlText(f.name));
      file.ele('mediaType').txt(f.mediaType);
      file.ele('size').txt(String(f.size));
      file.ele('sha256').txt(f.sha256);
      file.ele('path').txt(f.path);
    }
    if (a.answer) {
      const ans = el.ele('answer', { id: a.answer.id });
      ans.ele('answeredAt').txt(a.answer.answeredAt.toISOString());
      ans.ele('result').txt(a.answer.result);
      ans.ele('resultCode').txt(String(a.answer.resultCode));
      ans.ele('text').txt(xmlText(a.answer.text));
      if (a.answer.reason) ans.ele('reason').txt(xmlText(a.answer.reason));
      const executor = ans.ele('executor');
      executor.ele('name').txt(xmlText(a.answer.executorName));
      if (a.answer.executorPosition) executor.ele('position').txt(xmlText(a.answer.executorPosition));
      for (const d of a.answer.documents) {
        const doc = ans.ele('document', { format: d.format });
        doc.ele('path').txt(d.path);
        doc.ele('sha256').txt(d.sha256);
        if (d.signaturePath) doc.ele('signaturePath').txt(d.signaturePath);
      }
    }
  }
  return root.end({ prettyPrint: true });
}

export const sha256Hex = (data: Buffer | string) => createHash('sha256').update(data).digest('hex');

/**
 * manifest.sha256 in the format of `sha256sum` (and `sha256sum -c`): «<hex>  <path>» per line,
 * sorted by path, every file of the package but the manifest.
 */
export function manifest(files: ReadonlyMap<string, Buffer>): string {
  return [...files.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([path, body]) => `${sha256Hex(body)}  ${path}\n`)
    .join('');
}

/**
 * A file's name as a path segment of the package: the stored name is already normalised by the
 * attachments module, this keeps only what every file system and S3 key takes.
 */
export function safeSegment(name: string): string {
  // eslint-disable-next-line no-control-regex
  const cleaned = name.normalize('NFC').replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_').replace(/^\.+/, '_').trim();
  return (cleaned || 'file').slice(0, 150);
}

export interface ParsedReceipt {
  packageId: string;
  accepted: { number: number; sedNumber: string | null }[];
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * Reads a receipt (otklik-sed-receipt-1.xsd). Throws ReceiptFormatError naming what is wrong: the
 * root, the namespace, the package id, or an <accepted> without a positive number.
 */
export function parseReceipt(xml: string): ParsedReceipt {
  let doc: any;
  try {
    doc = create(xml).end({ format: 'object' });
  } catch (error) {
    throw new ReceiptFormatError(`not well-formed XML: ${(error as Error).message.split('\n')[0]}`);
  }
  const root = doc?.receipt;
  if (!root || typeof root !== 'object' || Array.isArray(root)) throw new ReceiptFormatError('the root element is not <receipt>');
  if (root['@xmlns'] !== SED_RECEIPT_NS) throw new ReceiptFormatError(`the namespace is not ${SED_RECEIPT_NS}`);
  const packageId = String(root['@packageId'] ?? '').toLowerCase();
  if (!UUID.test(packageId)) throw new ReceiptFormatError('packageId is not a UUID');
  const raw = root.accepted === undefined ? [] : Array.isArray(root.accepted) ? root.accepted : [root.accepted];
  const accepted = raw.map((entry: any) => {
    const number = Number(entry?.['@number']);
    if (!Number.isSafeInteger(number) || number <= 0) throw new ReceiptFormatError('an <accepted> has no positive number');
    const sed = entry?.['@sedNumber'];
    const sedNumber = typeof sed === 'string' && sed.trim() ? sed.trim().slice(0, 100) : null;
    return { number, sedNumber };
  });
  return { packageId, accepted };
}

export class ReceiptFormatError extends Error {}
