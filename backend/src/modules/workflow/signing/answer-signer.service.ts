import { Inject, Injectable, Optional } from '@nestjs/common';
import { AppConfig } from '../../../config/app-config';
import { APP_CONFIG } from '../../../config/config.module';
import { Locale } from '../../../common/i18n/messages';
import { ANSWER_DOCUMENT_TYPE, ANSWER_DOCUMENT_VERSION, AnswerDocument, AnswerDocumentInput, answerDocumentBytes, appealNumberOf, assertAnswerDocument } from './answer-document';
import { AnswerSignatureHeader, AnswerVerificationFailure, CTY_AUDIT_CHECKPOINT, CTY_JSON, CTY_PDF, DetachedCheck, signDetached, verificationCodeOf, verifyDetached } from './answer-jws';
import { appendPdfSignature, renderAnswerPdf, splitPdfSignature } from './answer-pdf';
import { signAnswerXml, verifyAnswerXml } from './answer-xml';
import { AnswerKeySet } from './signing-keys';

export type AnswerFormat = 'json' | 'xml' | 'pdf';

export interface SignedJsonAnswer {
  /** The canonical JSON bytes: send them as they are (the signature covers every byte). */
  body: Buffer;
  /** Detached JWS `<header>..<signature>`, for the `X-Answer-Signature` header. */
  signature: string;
  keyId: string;
  verificationCode: string;
}

export interface AnswerVerification {
  valid: boolean;
  format?: AnswerFormat;
  /** Only when valid: facts taken from signed data. */
  signedBy?: string;
  signedAt?: string;
  appealNumber?: number;
  keyId?: string;
  verificationCode?: string;
  /** Only when invalid. */
  reason?: AnswerVerificationFailure;
}

/**
 * Where the signer takes its keys from: in the app, the keys kept in the database
 * (SigningKeyRing); without one (unit tests, offline tools), the configured keys.
 */
export abstract class AnswerKeySource {
  /** The key set to sign and verify with (may be a few seconds old). */
  abstract current(): Promise<AnswerKeySet>;
  /** The key set read again now: a signature names a key the cached set does not know. */
  abstract fresh(): Promise<AnswerKeySet>;
}

/**
 * Renders an answer as signed JSON, XML or PDF and verifies such documents.
 *
 * Deterministic by design: the signing time is the answer's `answeredAt` and RS256 /
 * RSA-SHA256 (PKCS#1 v1.5) signatures are deterministic, so the same answer rendered again
 * with the same current key gives the same bytes — nothing needs storing. After a key
 * rotation (POST /admin/signing-keys/rotate) a re-download is signed with the new key (a new
 * signature and verification code, the same signedAt); copies downloaded earlier keep
 * verifying with the retired key.
 */
@Injectable()
export class AnswerSigner {
  private readonly source: AnswerKeySource;

  constructor(
    @Inject(APP_CONFIG) private readonly config: Pick<AppConfig, 'answerSigning' | 'organisationName' | 'publicUrl'>,
    @Optional() source?: AnswerKeySource,
  ) {
    this.source = source ?? staticKeys(new AnswerKeySet(config.answerSigning));
  }

  /** Where the printed PDF sends a reader to check it. */
  get verifyUrl(): string {
    return `${this.config.publicUrl}/api/v1/answers/verify`;
  }

  async currentKeyId(): Promise<string> {
    return (await this.source.current()).current.kid;
  }

  /** The full document of an answer: the constants and this body as the issuer. */
  document(input: AnswerDocumentInput): AnswerDocument {
    return { documentType: ANSWER_DOCUMENT_TYPE, version: ANSWER_DOCUMENT_VERSION, ...input, issuer: { name: this.config.organisationName, publicUrl: this.config.publicUrl } };
  }

  async renderJson(doc: AnswerDocument): Promise<SignedJsonAnswer> {
    assertAnswerDocument(doc);
    return this.signJson(doc, (await this.source.current()).current);
  }

  /** One key for every signature of a rendering, even when a rotation lands in between. */
  private async signJson(doc: AnswerDocument, key: AnswerKeySet['current']): Promise<SignedJsonAnswer> {
    const body = answerDocumentBytes(doc);
    const signature = await signDetached(body, key, { cty: CTY_JSON, signedAt: doc.answeredAt, signedBy: doc.issuer.name });
    return { body, signature, keyId: key.kid, verificationCode: verificationCodeOf(signature) };
  }

  async renderXml(doc: AnswerDocument): Promise<Buffer> {
    assertAnswerDocument(doc);
    const key = (await this.source.current()).current;
    const { verificationCode, keyId } = await this.signJson(doc, key);
    return signAnswerXml(doc, { signedBy: doc.issuer.name, signedAt: doc.answeredAt, keyId, verificationCode }, key.privateKey);
  }

  async renderPdf(doc: AnswerDocument, locale: Locale): Promise<Buffer> {
    assertAnswerDocument(doc);
    const key = (await this.source.current()).current;
    const { verificationCode, keyId } = await this.signJson(doc, key);
    const pdf = await renderAnswerPdf(doc, { keyId, verificationCode, verifyUrl: this.verifyUrl }, locale);
    const jws = await signDetached(pdf, key, {
      cty: CTY_PDF,
      signedAt: doc.answeredAt,
      signedBy: doc.issuer.name,
      appealNumber: doc.appealNumber,
      verificationCode,
    });
    return appendPdfSignature(pdf, jws);
  }

  /**
   * One rendering as a download: what GET /appeals/{id}/answer sends. For JSON the detached
   * signature goes in the `X-Answer-Signature` header (`signature` here); XML and PDF carry theirs.
   */
  async renderFile(doc: AnswerDocument, format: AnswerFormat, locale: Locale): Promise<{ body: Buffer; contentType: string; filename: string; signature?: string }> {
    const filename = `answer-${doc.appealNumber}.${format}`;
    switch (format) {
      case 'json': {
        const { body, signature } = await this.renderJson(doc);
        return { body, contentType: 'application/json; charset=utf-8', filename, signature };
      }
      case 'xml':
        return { body: await this.renderXml(doc), contentType: 'application/xml; charset=utf-8', filename };
      case 'pdf':
        return { body: await this.renderPdf(doc, locale), contentType: 'application/pdf', filename };
    }
  }

  /**
   * Signs another statement of this body with the same key set (key id, rotation): an audit
   * checkpoint. Its `cty` keeps a signature of one kind from passing for another.
   */
  async signStatement(payload: Buffer, cty: typeof CTY_AUDIT_CHECKPOINT, signedAt: string): Promise<{ signature: string; keyId: string }> {
    const key = (await this.source.current()).current;
    const signature = await signDetached(payload, key, { cty, signedAt, signedBy: this.config.organisationName });
    return { signature, keyId: key.kid };
  }

  /** Checks a statement signed by signStatement, by the key its `kid` names (current or earlier); never throws. */
  async verifyStatement(payload: Buffer, signature: string, cty: AnswerSignatureHeader['cty']): Promise<DetachedCheck> {
    const check = await verifyDetached(payload, signature, await this.source.current(), cty);
    if (check.ok || check.reason !== AnswerVerificationFailure.UnknownKey) return check;
    return verifyDetached(payload, signature, await this.source.fresh(), cty);
  }

  /**
   * Checks a document (format told by its content) against the key set; never throws for bad
   * input. A key this instance does not know yet (rotated on another instance a moment ago)
   * makes it read the key set again once.
   */
  async verify(input: { document: Buffer; signature?: string }): Promise<AnswerVerification> {
    const result = await this.verifyWith(input, await this.source.current());
    if (result.valid || result.reason !== AnswerVerificationFailure.UnknownKey) return result;
    return this.verifyWith(input, await this.source.fresh());
  }

  private async verifyWith(input: { document: Buffer; signature?: string }, keys: AnswerKeySet): Promise<AnswerVerification> {
    const format = detectFormat(input.document);
    switch (format) {
      case undefined:
        return { valid: false, reason: AnswerVerificationFailure.UnknownFormat };
      case 'json':
        return this.verifyJson(input.document, input.signature, keys);
      case 'xml':
        return this.verifyXml(input.document, keys);
      case 'pdf':
        return this.verifyPdf(input.document, keys);
    }
  }

  private async verifyJson(document: Buffer, signature: string | undefined, keys: AnswerKeySet): Promise<AnswerVerification> {
    if (!signature?.trim()) return { valid: false, format: 'json', reason: AnswerVerificationFailure.SignatureMissing };
    const check = await verifyDetached(document, signature, keys, CTY_JSON);
    if (!check.ok) return { valid: false, format: 'json', reason: check.reason };
    let appealNumber: number | undefined;
    try {
      appealNumber = appealNumberOf(JSON.parse(document.toString('utf8')));
    } catch {
      appealNumber = undefined;
    }
    // Signed by us but not an answer document (cannot happen unless the key signed something else).
    if (appealNumber === undefined) return { valid: false, format: 'json', reason: AnswerVerificationFailure.WrongDocumentType };
    const { signedBy, signedAt, kid } = check.header;
    return { valid: true, format: 'json', signedBy, signedAt, appealNumber, keyId: kid, verificationCode: verificationCodeOf(signature.trim()) };
  }

  private verifyXml(document: Buffer, keys: AnswerKeySet): AnswerVerification {
    const check = verifyAnswerXml(document, keys);
    if (!check.ok) return { valid: false, format: 'xml', reason: check.reason };
    const { signedBy, signedAt, keyId, verificationCode } = check.signing;
    return { valid: true, format: 'xml', signedBy, signedAt, appealNumber: check.appealNumber, keyId, verificationCode };
  }

  private async verifyPdf(document: Buffer, keys: AnswerKeySet): Promise<AnswerVerification> {
    const parts = splitPdfSignature(document);
    if (!parts) return { valid: false, format: 'pdf', reason: AnswerVerificationFailure.SignatureMissing };
    const check = await verifyDetached(parts.signed, parts.jws, keys, CTY_PDF);
    if (!check.ok) return { valid: false, format: 'pdf', reason: check.reason };
    const { signedBy, signedAt, kid, appealNumber, verificationCode } = check.header;
    if (!Number.isSafeInteger(appealNumber)) return { valid: false, format: 'pdf', reason: AnswerVerificationFailure.WrongDocumentType };
    return { valid: true, format: 'pdf', signedBy, signedAt, appealNumber, keyId: kid, verificationCode };
  }
}

/** A key source that never changes: the configured keys. */
function staticKeys(keys: AnswerKeySet): AnswerKeySource {
  const set = Promise.resolve(keys);
  return { current: () => set, fresh: () => set };
}

/** The format of a document, from its first bytes (a UTF-8 BOM and leading whitespace allowed for JSON and XML). */
export function detectFormat(document: Buffer): AnswerFormat | undefined {
  if (document.subarray(0, 5).toString('latin1') === '%PDF-') return 'pdf';
  let i = document.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf])) ? 3 : 0;
  while (i < document.length && i < 1024 && [0x20, 0x09, 0x0a, 0x0d].includes(document[i])) i++;
  if (document[i] === 0x7b) return 'json';
  if (document[i] === 0x3c) return 'xml';
  return undefined;
}
