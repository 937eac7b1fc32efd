import { KeyObject } from 'node:crypto';
import { Document, DOMParser, Element } from '@xmldom/xmldom';
import { ExclusiveCanonicalization, SignedXml } from 'xml-crypto';
import { create } from 'xmlbuilder2';
import { AnswerDocument } from './answer-document';
import { AnswerVerificationFailure } from './answer-jws';
import { AnswerKeySet } from './signing-keys';

/**
 * The XML rendering: the answer as `<answer xmlns="urn:otklik:answer:1">` with an enveloped
 * XMLDSig signature as the root's last child. One Reference with `URI=""` (the whole document),
 * transforms enveloped-signature + exclusive c14n, SHA-256 digest, RSA-SHA256 signature,
 * `<KeyInfo><KeyName>kid</KeyName></KeyInfo>`. The signing facts (signedBy, signedAt, keyId,
 * verificationCode) are a `<signing>` element inside the signed content.
 *
 * XMLDSig alone tolerates changes that canonicalisation erases (the XML declaration, quotes
 * and spacing inside tags, character references). So the file is issued in canonical form —
 * the declaration line, the root element exactly as exclusive c14n writes it (signature
 * included), a newline — and the verifier also requires that form: a file changed in any
 * byte is refused even where the XMLDSig signature alone would still hold. Base64 values of
 * the signature must be canonical base64 for the same reason.
 */
export const ANSWER_XML_NS = 'urn:otklik:answer:1';
const DSIG_NS = 'http://www.w3.org/2000/09/xmldsig#';
const EXC_C14N = 'http://www.w3.org/2001/10/xml-exc-c14n#';
const ENVELOPED = 'http://www.w3.org/2000/09/xmldsig#enveloped-signature';
const RSA_SHA256 = 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256';
const SHA256 = 'http://www.w3.org/2001/04/xmlenc#sha256';
/**
 * xml-crypto types its parameters with the DOM's Element/Node: unresolved (so `any`) where the
 * DOM lib is absent (the backend's program), the browser's types where it is present (the
 * tests' program). xmldom's nodes are what it works on in both.
 */
const forXmlCrypto = <T>(node: Element): T => node as unknown as T;
const PROLOG = '<?xml version="1.0" encoding="UTF-8"?>\n';

export interface XmlSigning {
  signedBy: string;
  signedAt: string;
  keyId: string;
  verificationCode: string;
}

/** Characters XML 1.0 cannot carry at all; the answer text must not hold them. */
// eslint-disable-next-line no-control-regex
const NOT_XML_CHAR = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;

function answerXml(doc: AnswerDocument, signing: XmlSigning): string {
  for (const value of [doc.text, doc.reason ?? '', doc.executor.name, doc.executor.position]) {
    if (NOT_XML_CHAR.test(value)) throw new Error('not a valid answer document: control characters cannot be rendered in XML');
  }
  const root = create({ version: '1.0', encoding: 'UTF-8' }).ele(ANSWER_XML_NS, 'answer', {
    version: String(doc.version),
    answerId: doc.answerId,
    appealId: doc.appealId,
  });
  root.ele('appealNumber').txt(String(doc.appealNumber));
  root.ele('appealType').txt(doc.appealType);
  root.ele('result', { code: String(doc.resultCode) }).txt(doc.result);
  root.ele('text').txt(doc.text);
  if (doc.reason !== undefined) root.ele('reason').txt(doc.reason);
  root.ele('answeredAt').txt(doc.answeredAt);
  const executor = root.ele('executor');
  executor.ele('name').txt(doc.executor.name);
  executor.ele('position').txt(doc.executor.position);
  if (doc.executor.workPhone !== undefined) executor.ele('workPhone').txt(doc.executor.workPhone);
  const attachments = root.ele('attachments');
  for (const a of doc.attachments) attachments.ele('attachment', { id: a.id, name: a.name, sha256: a.sha256, size: String(a.size) });
  const issuer = root.ele('issuer');
  issuer.ele('name').txt(doc.issuer.name);
  issuer.ele('publicUrl').txt(doc.issuer.publicUrl);
  const s = root.ele('signing');
  s.ele('signedBy').txt(signing.signedBy);
  s.ele('signedAt').txt(signing.signedAt);
  s.ele('keyId').txt(signing.keyId);
  s.ele('verificationCode').txt(signing.verificationCode);
  return root.end({ prettyPrint: true });
}

export function signAnswerXml(doc: AnswerDocument, signing: XmlSigning, privateKey: KeyObject): Buffer {
  const sig = new SignedXml({
    privateKey: privateKey.export({ type: 'pkcs8', format: 'pem' }),
    signatureAlgorithm: RSA_SHA256,
    canonicalizationAlgorithm: EXC_C14N,
    getKeyInfoContent: () => `<KeyName>${signing.keyId}</KeyName>`,
  });
  sig.addReference({ xpath: '/*', transforms: [ENVELOPED, EXC_C14N], digestAlgorithm: SHA256, uri: '', isEmptyUri: true });
  sig.computeSignature(answerXml(doc, signing), { location: { reference: '/*', action: 'append' } });
  const root = parse(sig.getSignedXml())!.documentElement!;
  return Buffer.from(canonicalFile(root), 'utf8');
}

/** The only byte form an answer file has: the declaration, the canonical root element, a newline. */
function canonicalFile(root: Element): string {
  return `${PROLOG}${new ExclusiveCanonicalization().process(forXmlCrypto(root), {})}\n`;
}

const isCanonicalBase64 = (value: string) => /^[A-Za-z0-9+/]+={0,2}$/.test(value) && Buffer.from(value, 'base64').toString('base64') === value;

export type XmlCheck =
  | { ok: true; signing: XmlSigning; appealNumber: number }
  | { ok: false; reason: AnswerVerificationFailure };

const fail = (reason: AnswerVerificationFailure): XmlCheck => ({ ok: false, reason });

function parse(xml: string): Document | undefined {
  try {
    const doc = new DOMParser({
      onError: (level: string, message: string) => {
        if (level !== 'warning') throw new Error(message);
      },
    }).parseFromString(xml, 'text/xml');
    return doc;
  } catch {
    return undefined;
  }
}

const children = (el: Element, ns: string, name: string) =>
  Array.from(el.childNodes).filter((n): n is Element => n.nodeType === 1 && (n as Element).namespaceURI === ns && (n as Element).localName === name);

function only(el: Element | undefined, ns: string, name: string): Element | undefined {
  if (!el) return undefined;
  const found = children(el, ns, name);
  return found.length === 1 ? found[0] : undefined;
}

const algorithm = (el: Element | undefined) => el?.getAttribute('Algorithm') ?? undefined;

/**
 * The SignedInfo must be exactly what the signer writes: one Reference to the whole document
 * (so nothing outside it can be signed and something else read — no signature wrapping) with
 * the expected algorithms.
 */
function expectedSignedInfo(signature: Element): boolean {
  const signedInfo = only(signature, DSIG_NS, 'SignedInfo');
  if (!signedInfo) return false;
  if (algorithm(only(signedInfo, DSIG_NS, 'CanonicalizationMethod')) !== EXC_C14N) return false;
  if (algorithm(only(signedInfo, DSIG_NS, 'SignatureMethod')) !== RSA_SHA256) return false;
  const references = children(signedInfo, DSIG_NS, 'Reference');
  if (references.length !== 1 || references[0].getAttribute('URI') !== '') return false;
  const transforms = only(references[0], DSIG_NS, 'Transforms');
  const list = transforms ? children(transforms, DSIG_NS, 'Transform').map((t) => algorithm(t)) : [];
  if (list.length !== 2 || list[0] !== ENVELOPED || list[1] !== EXC_C14N) return false;
  return algorithm(only(references[0], DSIG_NS, 'DigestMethod')) === SHA256;
}

const textOf = (el: Element | undefined) => (el ? (el.textContent ?? '') : undefined);

/** Checks an XML answer against the key its KeyName names; the facts come from the signed content only. */
export function verifyAnswerXml(bytes: Buffer, keys: AnswerKeySet): XmlCheck {
  let xml: string;
  try {
    xml = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return fail(AnswerVerificationFailure.Malformed);
  }
  // No DTDs: entity expansion is an attack surface and our documents never have one.
  if (/<!DOCTYPE|<!ENTITY/i.test(xml)) return fail(AnswerVerificationFailure.Malformed);
  const dom = parse(xml);
  const root = dom?.documentElement ?? undefined;
  if (!dom || !root) return fail(AnswerVerificationFailure.Malformed);
  if (root.namespaceURI !== ANSWER_XML_NS || root.localName !== 'answer') return fail(AnswerVerificationFailure.WrongDocumentType);
  const all = dom.getElementsByTagNameNS(DSIG_NS, 'Signature');
  if (all.length === 0) return fail(AnswerVerificationFailure.SignatureMissing);
  const signature = all[0];
  if (all.length !== 1 || signature.parentNode !== root) return fail(AnswerVerificationFailure.SignatureMalformed);
  if (!expectedSignedInfo(signature)) return fail(AnswerVerificationFailure.AlgorithmNotAllowed);
  const signatureValue = textOf(only(signature, DSIG_NS, 'SignatureValue'));
  const digestValue = textOf(only(only(only(signature, DSIG_NS, 'SignedInfo'), DSIG_NS, 'Reference'), DSIG_NS, 'DigestValue'));
  if (!signatureValue || !digestValue || !isCanonicalBase64(signatureValue) || !isCanonicalBase64(digestValue)) {
    return fail(AnswerVerificationFailure.SignatureMalformed);
  }
  const kid = textOf(only(only(signature, DSIG_NS, 'KeyInfo'), DSIG_NS, 'KeyName'))?.trim();
  if (!kid) return fail(AnswerVerificationFailure.SignatureMalformed);
  const publicKey = keys.publicKey(kid);
  if (!publicKey) return fail(AnswerVerificationFailure.UnknownKey);

  let signedXml: string;
  try {
    const sig = new SignedXml({ publicCert: publicKey.export({ type: 'spki', format: 'pem' }), getCertFromKeyInfo: () => null });
    sig.loadSignature(forXmlCrypto(signature));
    if (!sig.checkSignature(xml)) return fail(AnswerVerificationFailure.SignatureInvalid);
    signedXml = sig.getSignedReferences()[0];
  } catch {
    return fail(AnswerVerificationFailure.SignatureInvalid);
  }
  // Read only what was signed (the canonical form of the referenced content), never the input.
  const signed = parse(signedXml)?.documentElement ?? undefined;
  if (!signed || signed.namespaceURI !== ANSWER_XML_NS || signed.localName !== 'answer') return fail(AnswerVerificationFailure.WrongDocumentType);
  const signing = only(signed, ANSWER_XML_NS, 'signing');
  const field = (name: string) => textOf(only(signing, ANSWER_XML_NS, name));
  const [signedBy, signedAt, keyId, verificationCode] = ['signedBy', 'signedAt', 'keyId', 'verificationCode'].map(field);
  const appealNumber = Number(textOf(only(signed, ANSWER_XML_NS, 'appealNumber')));
  if (signedBy === undefined || signedAt === undefined || verificationCode === undefined || !Number.isSafeInteger(appealNumber)) {
    return fail(AnswerVerificationFailure.WrongDocumentType);
  }
  // The KeyName is outside the signed content: the signed keyId must agree with it.
  if (keyId !== kid) return fail(AnswerVerificationFailure.SignatureInvalid);
  // Signed content intact; now the file itself must be byte for byte the form it was issued in.
  if (canonicalFile(root) !== xml) return fail(AnswerVerificationFailure.DocumentAltered);
  return { ok: true, signing: { signedBy, signedAt, keyId, verificationCode }, appealNumber };
}
