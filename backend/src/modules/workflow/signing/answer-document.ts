import { AnswerResult, AppealType } from '@otklik/shared/domain';

export const ANSWER_DOCUMENT_TYPE = 'otklik.answer';
export const ANSWER_DOCUMENT_VERSION = 1;

/** A file attached to the answer: the document names it and pins its content by SHA-256. */
export interface AnswerDocumentAttachment {
  id: string;
  name: string;
  /** Hex SHA-256 of the file's bytes. */
  sha256: string;
  size: number;
}

/**
 * The signed answer document (DOMAIN.md «Answers»): what the body answered, when and by whom.
 * The same value is rendered as JSON, XML and PDF; each rendering is signed.
 */
export interface AnswerDocument {
  documentType: typeof ANSWER_DOCUMENT_TYPE;
  version: typeof ANSWER_DOCUMENT_VERSION;
  answerId: string;
  appealId: string;
  appealNumber: number;
  appealType: AppealType;
  result: AnswerResult;
  resultCode: number;
  text: string;
  /** Mandatory for `refused` (DOMAIN.md), absent otherwise unless given. */
  reason?: string;
  /** ISO-8601 UTC with `Z`; also the signing time of every rendering (see AnswerSigner). */
  answeredAt: string;
  executor: { name: string; position: string; workPhone?: string };
  attachments: AnswerDocumentAttachment[];
  issuer: { name: string; publicUrl: string };
}

/** What the workflow knows about an answer; the signer adds the constants and the issuer. */
export type AnswerDocumentInput = Omit<AnswerDocument, 'documentType' | 'version' | 'issuer'>;

type Json = string | number | boolean | null | Json[] | { [key: string]: Json | undefined };

/**
 * Canonical JSON: object keys sorted (by UTF-16 code units, as RFC 8785 sorts them), no
 * whitespace, `undefined` members left out, strings escaped as JSON.stringify does (which for
 * strings, integers, booleans and null is RFC 8785's serialisation). The same value always
 * gives the same bytes, whatever order its object was built in.
 */
export function canonicalJson(value: Json): string {
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'number' && !Number.isSafeInteger(value)) throw new Error(`canonical JSON holds only safe integers, got ${value}`);
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) return `[${value.map((v) => canonicalJson(v)).join(',')}]`;
  const members = Object.keys(value)
    .filter((k) => value[k] !== undefined)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${canonicalJson(value[k] as Json)}`);
  return `{${members.join(',')}}`;
}

/** The bytes of the JSON rendering: canonical JSON in UTF-8, exactly what its JWS signs. */
export function answerDocumentBytes(doc: AnswerDocument): Buffer {
  return Buffer.from(canonicalJson(doc as unknown as Json), 'utf8');
}

const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/;
const RESULTS = Object.values(AnswerResult) as string[];
const TYPES = Object.values(AppealType) as string[];

/** Checks a document before signing: a malformed one is a programming error, never signed. */
export function assertAnswerDocument(doc: AnswerDocument): void {
  const fail = (what: string) => {
    throw new Error(`not a valid answer document: ${what}`);
  };
  if (doc.documentType !== ANSWER_DOCUMENT_TYPE || doc.version !== ANSWER_DOCUMENT_VERSION) fail('documentType/version');
  if (!Number.isSafeInteger(doc.appealNumber) || doc.appealNumber < 1) fail('appealNumber');
  if (!Number.isSafeInteger(doc.resultCode)) fail('resultCode');
  if (!RESULTS.includes(doc.result)) fail('result');
  if (!TYPES.includes(doc.appealType)) fail('appealType');
  if (!ISO_UTC.test(doc.answeredAt) || Number.isNaN(Date.parse(doc.answeredAt))) fail('answeredAt must be ISO-8601 UTC');
  if (typeof doc.text !== 'string' || !doc.executor?.name || !doc.executor.position) fail('text/executor');
  for (const a of doc.attachments) {
    if (!/^[0-9a-f]{64}$/.test(a.sha256) || !Number.isSafeInteger(a.size) || a.size < 0) fail(`attachment ${a.id}`);
  }
}

/** Reads the facts the verify route reports from a parsed (already authenticated) JSON document. */
export function appealNumberOf(value: unknown): number | undefined {
  if (!value || typeof value !== 'object') return undefined;
  const doc = value as Partial<AnswerDocument>;
  if (doc.documentType !== ANSWER_DOCUMENT_TYPE || doc.version !== ANSWER_DOCUMENT_VERSION) return undefined;
  return Number.isSafeInteger(doc.appealNumber) ? doc.appealNumber : undefined;
}
