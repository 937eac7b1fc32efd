import { createHash, KeyObject } from 'node:crypto';
import { CompactSign, compactVerify, decodeProtectedHeader, ProtectedHeaderParameters } from 'jose';
import { AnswerKeySet } from './signing-keys';

/**
 * Detached JWS (RFC 7515 appendix F): a compact JWS with the standard base64url payload,
 * whose payload part is left out — `<protected header>..<signature>`. A verifier puts
 * BASE64URL(document bytes) back between the dots and checks an ordinary RS256 compact JWS,
 * so any JOSE library verifies it. (Chosen over RFC 7797 `b64:false`, which needs `crit`
 * support that not every library has.)
 */
export const JWS_ALG = 'RS256';
/** `cty` of the JWS over the JSON rendering and of the one over the PDF bytes: a signature of one cannot pass for the other. */
export const CTY_JSON = 'otklik.answer+json';
export const CTY_PDF = 'otklik.answer+pdf';
/** A signed head of the audit chain (audit/audit-checkpoint.ts), signed with the same keys. */
export const CTY_AUDIT_CHECKPOINT = 'otklik.audit-checkpoint+json';

/** The protected header of an answer signature. Everything in it is signed. */
export interface AnswerSignatureHeader {
  alg: typeof JWS_ALG;
  kid: string;
  cty: typeof CTY_JSON | typeof CTY_PDF | typeof CTY_AUDIT_CHECKPOINT;
  /** ISO-8601 UTC: the answer's `answeredAt` (so a re-download is byte-identical). */
  signedAt: string;
  /** The body that signed (ORGANISATION_NAME at signing time). */
  signedBy: string;
  /** PDF only: what the verify route reports, since the PDF's text is not parsed back. */
  appealNumber?: number;
  verificationCode?: string;
}

/** Stable reason codes of a failed verification (the verify route returns them as `reason`). */
export enum AnswerVerificationFailure {
  UnknownFormat = 'unknown_format',
  Malformed = 'malformed',
  SignatureMissing = 'signature_missing',
  SignatureMalformed = 'signature_malformed',
  AlgorithmNotAllowed = 'algorithm_not_allowed',
  UnknownKey = 'unknown_key',
  SignatureInvalid = 'signature_invalid',
  WrongDocumentType = 'wrong_document_type',
  /** XML only: the signed content is intact but the file is not byte for byte as issued. */
  DocumentAltered = 'document_altered',
}

const DETACHED = /^([A-Za-z0-9_-]+)\.\.([A-Za-z0-9_-]+)$/;

export async function signDetached(payload: Buffer, key: { kid: string; privateKey: KeyObject }, header: Omit<AnswerSignatureHeader, 'alg' | 'kid'>): Promise<string> {
  const jws = await new CompactSign(payload).setProtectedHeader({ ...header, alg: JWS_ALG, kid: key.kid }).sign(key.privateKey);
  const [protectedHeader, , signature] = jws.split('.');
  return `${protectedHeader}..${signature}`;
}

export type DetachedCheck = { ok: true; header: AnswerSignatureHeader } | { ok: false; reason: AnswerVerificationFailure };

/** Checks a detached JWS over `payload` against the key its `kid` names; never throws. */
export async function verifyDetached(payload: Buffer, detached: string, keys: AnswerKeySet, cty: AnswerSignatureHeader['cty']): Promise<DetachedCheck> {
  const parts = DETACHED.exec(detached.trim());
  // Canonical base64url only: otherwise a changed last character (unused bits) would decode the same.
  if (!parts || !parts.slice(1, 3).every((p) => Buffer.from(p, 'base64url').toString('base64url') === p)) {
    return { ok: false, reason: AnswerVerificationFailure.SignatureMalformed };
  }
  let header: ProtectedHeaderParameters;
  try {
    header = decodeProtectedHeader(`${parts[1]}..${parts[2]}`);
  } catch {
    return { ok: false, reason: AnswerVerificationFailure.SignatureMalformed };
  }
  if (header.alg !== JWS_ALG) return { ok: false, reason: AnswerVerificationFailure.AlgorithmNotAllowed };
  if (typeof header.kid !== 'string') return { ok: false, reason: AnswerVerificationFailure.SignatureMalformed };
  const publicKey = keys.publicKey(header.kid);
  if (!publicKey) return { ok: false, reason: AnswerVerificationFailure.UnknownKey };
  try {
    await compactVerify(`${parts[1]}.${payload.toString('base64url')}.${parts[2]}`, publicKey, { algorithms: [JWS_ALG] });
  } catch {
    return { ok: false, reason: AnswerVerificationFailure.SignatureInvalid };
  }
  if (header.cty !== cty) return { ok: false, reason: AnswerVerificationFailure.WrongDocumentType };
  if (typeof header.signedAt !== 'string' || typeof header.signedBy !== 'string') return { ok: false, reason: AnswerVerificationFailure.SignatureMalformed };
  return { ok: true, header: header as unknown as AnswerSignatureHeader };
}

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/**
 * The verification code printed on the PDF and reported by the verify route: the first 80
 * bits of SHA-256 over the answer's JSON signature (the detached JWS string), in RFC 4648
 * base32, as four groups of four (`ABCD-EFGH-JKLM-NPQR`). Only the key holder can produce
 * the signature, so only it can produce the code of a given answer; the JSON, XML and PDF
 * renderings of one answer carry the same code.
 */
export function verificationCodeOf(jsonSignature: string): string {
  const bytes = createHash('sha256').update(jsonSignature, 'ascii').digest().subarray(0, 10);
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = ((value << 8) | byte) & 0xffff;
    bits += 8;
    while (bits >= 5) {
      out += BASE32[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  return out.match(/.{4}/g)!.join('-');
}
