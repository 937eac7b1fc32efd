import { generateKeyPairSync, KeyObject } from 'node:crypto';
import { inflateSync } from 'node:zlib';
import fc from 'fast-check';
import { AnswerResult, AppealType } from '@otklik/shared/domain';
import { AnswerDocument, AnswerDocumentInput } from './answer-document';
import { AnswerVerificationFailure } from './answer-jws';
import { answerPdfDefinition } from './answer-pdf';
import { AnswerSigner, detectFormat } from './answer-signer.service';
import { AnswerSigningKeys, keyIdOf } from './signing-keys';

function rsaKey(kid?: string): AnswerSigningKeys['current'] {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return { kid: kid ?? keyIdOf(publicKey), privateKey, publicKey };
}

const signerWith = (current: AnswerSigningKeys['current'], previous: { kid: string; publicKey: KeyObject }[] = []) =>
  new AnswerSigner({ answerSigning: { current, previous }, organisationName: 'Министерство цифрового развития (демо)', publicUrl: 'https://otklik.example' });

const INPUT: AnswerDocumentInput = {
  answerId: '0b7c8a4e-3f2d-4c1b-9a8e-2f6d5c4b3a21',
  appealId: '5e2d1c0b-9a8f-4e7d-8c6b-1a2b3c4d5e6f',
  appealNumber: 1042,
  appealType: AppealType.Complaint,
  result: AnswerResult.Refused,
  resultCode: 2,
  text: 'Ваше обращение рассмотрено. Оснований для перерасчёта платы не выявлено; подробности — в приложении.',
  reason: 'Нарушений порядка начисления не установлено (ст. 10 59-ФЗ).',
  answeredAt: '2026-03-02T09:15:00.000Z',
  executor: { name: 'Иванова Мария Петровна', position: 'Главный специалист', workPhone: '+74951234567' },
  attachments: [{ id: 'a1f0c2d3-0000-4000-8000-000000000001', name: 'Справка о начислениях.pdf', sha256: 'ab'.repeat(32), size: 48213 }],
};

/** A copy with one byte changed (xor keeps it different; `to` sets an exact value). */
function tampered(buf: Buffer, index: number, to?: number): Buffer {
  const copy = Buffer.from(buf);
  copy[index] = to ?? copy[index] ^ 0x01;
  expect(copy.equals(buf)).toBe(false);
  return copy;
}

/** Replaces one character of a base64(url) string with another of the same alphabet. */
function otherChar(s: string, index: number): string {
  const c = s[index] === 'A' ? 'B' : 'A';
  return `${s.slice(0, index)}${c}${s.slice(index + 1)}`;
}

const at = (buf: Buffer, needle: string, offset = 0) => {
  const i = buf.indexOf(Buffer.from(needle, 'utf8'));
  if (i < 0) throw new Error(`"${needle}" not in the document`);
  return i + offset;
};

describe('AnswerSigner', () => {
  const current = rsaKey();
  const stranger = rsaKey(current.kid); // same kid, different key: a forger's
  let sut: AnswerSigner;
  let doc: AnswerDocument;

  beforeAll(() => {
    sut = signerWith(current);
    doc = sut.document(INPUT);
  });

  describe('JSON (detached JWS)', () => {
    it('signs canonical UTF-8 JSON; the original verifies with signer, time, number and key', async () => {
      const { body, signature, keyId, verificationCode } = await sut.renderJson(doc);
      expect(body.toString('utf8')).toBe(JSON.stringify(JSON.parse(body.toString('utf8'))));
      expect(body.toString('utf8')).toContain('"appealNumber":1042');
      expect(body.toString('utf8').indexOf('"answerId"')).toBeLessThan(body.toString('utf8').indexOf('"appealId"'));
      expect(signature).toMatch(/^[\w-]+\.\.[\w-]+$/);
      const header = JSON.parse(Buffer.from(signature.split('.')[0], 'base64url').toString());
      expect(header).toEqual({ alg: 'RS256', kid: current.kid, cty: 'otklik.answer+json', signedAt: INPUT.answeredAt, signedBy: 'Министерство цифрового развития (демо)' });
      expect(await sut.verify({ document: body, signature })).toEqual({
        valid: true,
        format: 'json',
        signedBy: 'Министерство цифрового развития (демо)',
        signedAt: '2026-03-02T09:15:00.000Z',
        appealNumber: 1042,
        keyId: keyId,
        verificationCode,
      });
    });

    it('is deterministic: the same answer gives the same bytes and signature', async () => {
      const reordered = sut.document({ ...INPUT, executor: { workPhone: '+74951234567', position: 'Главный специалист', name: 'Иванова Мария Петровна' } });
      const [a, b] = [await sut.renderJson(doc), await sut.renderJson(reordered)];
      expect(b.body.equals(a.body)).toBe(true);
      expect(b.signature).toBe(a.signature);
      expect(a.verificationCode).toMatch(/^[A-Z2-7]{4}(-[A-Z2-7]{4}){3}$/);
    });

    it('fails when one byte of the document changes: in the text, the number, the last brace', async () => {
      const { body, signature } = await sut.renderJson(doc);
      for (const index of [at(body, 'рассмотрено', 2), at(body, '1042'), body.length - 1]) {
        expect(await sut.verify({ document: tampered(body, index), signature })).toEqual({ valid: false, format: 'json', reason: 'signature_invalid' });
      }
    });

    it('fails when one character of the signature changes: in the header, in the signature, the last one', async () => {
      const { body, signature } = await sut.renderJson(doc);
      const [h] = signature.split('..');
      const results = await Promise.all([5, h.length - 2, h.length + 10, signature.length - 1].map((i) => sut.verify({ document: body, signature: otherChar(signature, i) })));
      for (const r of results) expect(r.valid).toBe(false);
      // A changed header no longer parses or names a key the set lacks, or simply fails the check.
      expect(results[2].reason).toBe('signature_invalid');
      expect(results[3].reason).toMatch(/signature_(invalid|malformed)/);
    });

    it('any single byte flipped anywhere in document or signature fails (property)', async () => {
      const { body, signature } = await sut.renderJson(doc);
      await fc.assert(
        fc.asyncProperty(fc.nat({ max: body.length - 1 }), fc.integer({ min: 1, max: 255 }), async (i, x) => {
          expect((await sut.verify({ document: tampered(body, i, body[i] ^ x), signature })).valid).toBe(false);
        }),
        { numRuns: 150 },
      );
      const sig = Buffer.from(signature, 'ascii');
      await fc.assert(
        fc.asyncProperty(fc.nat({ max: sig.length - 1 }), fc.integer({ min: 1, max: 255 }), async (i, x) => {
          expect((await sut.verify({ document: body, signature: tampered(sig, i, sig[i] ^ x).toString('latin1') })).valid).toBe(false);
        }),
        { numRuns: 150 },
      );
    });

    it('fails without a signature, with a malformed one, with a signature of another answer, with an unknown key', async () => {
      const { body, signature } = await sut.renderJson(doc);
      expect(await sut.verify({ document: body })).toEqual({ valid: false, format: 'json', reason: 'signature_missing' });
      expect(await sut.verify({ document: body, signature: 'not a jws' })).toMatchObject({ valid: false, reason: 'signature_malformed' });
      expect(await sut.verify({ document: body, signature: signature.replace('..', '.x.') })).toMatchObject({ valid: false, reason: 'signature_malformed' });
      const other = await sut.renderJson(sut.document({ ...INPUT, appealNumber: 1043 }));
      expect(await sut.verify({ document: body, signature: other.signature })).toMatchObject({ valid: false, reason: 'signature_invalid' });
      const forged = await signerWith(stranger).renderJson(doc);
      expect(await sut.verify({ document: forged.body, signature: forged.signature })).toMatchObject({ valid: false, reason: 'signature_invalid' });
      const unknown = await signerWith(rsaKey('someone-else')).renderJson(doc);
      expect(await sut.verify({ document: unknown.body, signature: unknown.signature })).toEqual({ valid: false, format: 'json', reason: 'unknown_key' });
    });

    it('refuses an HMAC or unsigned header and a PDF signature presented for JSON', async () => {
      const { body, signature } = await sut.renderJson(doc);
      const [, s] = signature.split('..');
      const header = (h: object) => Buffer.from(JSON.stringify(h)).toString('base64url');
      expect(await sut.verify({ document: body, signature: `${header({ alg: 'none', kid: current.kid })}..${s}` })).toMatchObject({ reason: 'algorithm_not_allowed' });
      expect(await sut.verify({ document: body, signature: `${header({ alg: 'HS256', kid: current.kid })}..${s}` })).toMatchObject({ reason: 'algorithm_not_allowed' });
      const pdf = await sut.renderPdf(doc, 'ru');
      const jws = pdf.toString('latin1').match(/%OTKLIK-ANSWER-SIGNATURE (\S+)\n/)![1];
      expect(await sut.verify({ document: body, signature: jws })).toMatchObject({ valid: false, reason: 'signature_invalid' });
    });
  });

  describe('XML (enveloped XMLDSig)', () => {
    let xml: Buffer;
    beforeAll(async () => {
      xml = await sut.renderXml(doc);
    });

    it('is an enveloped RSA-SHA256 signature over the whole document, naming the key; the original verifies', async () => {
      const text = xml.toString('utf8');
      expect(text.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<answer xmlns="urn:otklik:answer:1"')).toBe(true);
      expect(text).toContain('<text>Ваше обращение рассмотрено.');
      expect(text).toContain('<Reference URI="">');
      expect(text).toContain('<SignatureMethod Algorithm="http://www.w3.org/2001/04/xmldsig-more#rsa-sha256">');
      expect(text).toContain('<Transform Algorithm="http://www.w3.org/2000/09/xmldsig#enveloped-signature">');
      expect(text).toContain(`<KeyName>${current.kid}</KeyName>`);
      expect(text).toMatch(/<\/Signature><\/answer>\n$/);
      const { verificationCode } = await sut.renderJson(doc);
      expect(await sut.verify({ document: xml })).toEqual({
        valid: true,
        format: 'xml',
        signedBy: 'Министерство цифрового развития (демо)',
        signedAt: '2026-03-02T09:15:00.000Z',
        appealNumber: 1042,
        keyId: current.kid,
        verificationCode,
      });
      expect((await sut.renderXml(doc)).equals(xml)).toBe(true);
    });

    it('fails when one byte changes inside a signed element: text, number, executor, signing time', async () => {
      for (const [needle, offset] of [['рассмотрено', 2], ['1042', 1], ['Иванова', 0], ['2026-03-02T09', 3], ['<signedBy>', 12]] as const) {
        expect(await sut.verify({ document: tampered(xml, at(xml, needle as string, offset)) })).toMatchObject({ valid: false, format: 'xml' });
      }
      const number = tampered(xml, at(xml, '<appealNumber>1042', 17), '3'.charCodeAt(0));
      expect(await sut.verify({ document: number })).toEqual({ valid: false, format: 'xml', reason: 'signature_invalid' });
    });

    it('fails when the signature, its digest or its key name changes', async () => {
      const sigValue = at(xml, '<SignatureValue>', 40);
      const digest = at(xml, '<DigestValue>', 20);
      expect(await sut.verify({ document: tampered(xml, sigValue, xml[sigValue] === 0x41 ? 0x42 : 0x41) })).toMatchObject({ valid: false, reason: 'signature_invalid' });
      expect(await sut.verify({ document: tampered(xml, digest, xml[digest] === 0x41 ? 0x42 : 0x41) })).toMatchObject({ valid: false, reason: 'signature_invalid' });
      expect(await sut.verify({ document: tampered(xml, at(xml, '<KeyName>', 12)) })).toMatchObject({ valid: false, reason: 'unknown_key' });
    });

    it('fails for a change the canonical form would hide: quotes, the declaration, spacing in a tag', async () => {
      const text = xml.toString('utf8');
      const variants = [
        text.replace('version="1.0" encoding="UTF-8"', "version='1.0' encoding='UTF-8'"),
        text.replace('encoding="UTF-8"', 'encoding="utf-8"'),
        text.replace('<answer xmlns', '<answer  xmlns'),
        text.replace('<text>Ваше', '<text>&#1042;аше'),
        text.replace(/\n$/, '\r\n'),
      ];
      for (const v of variants) {
        expect(v).not.toBe(text);
        expect(await sut.verify({ document: Buffer.from(v, 'utf8') })).toMatchObject({ valid: false, format: 'xml' });
      }
      expect((await sut.verify({ document: Buffer.from(variants[3], 'utf8') })).reason).toBe('document_altered');
    });

    it('any single byte flipped anywhere fails (property)', async () => {
      await fc.assert(
        fc.asyncProperty(fc.nat({ max: xml.length - 1 }), fc.integer({ min: 1, max: 255 }), async (i, x) => {
          expect((await sut.verify({ document: tampered(xml, i, xml[i] ^ x) })).valid).toBe(false);
        }),
        { numRuns: 200 },
      );
    });

    it('refuses signature wrapping, a second signature, a DTD, and an unknown key', async () => {
      const text = xml.toString('utf8');
      const wrapped = text.replace('<answer xmlns="urn:otklik:answer:1"', '<answer xmlns="urn:otklik:answer:1"><evil/><answer').replace('</answer>\n', '</answer></answer>\n');
      expect((await sut.verify({ document: Buffer.from(wrapped) })).valid).toBe(false);
      const signatureXml = text.slice(text.indexOf('<Signature'), text.indexOf('</Signature>') + 12);
      const twice = text.replace('</answer>\n', `${signatureXml}</answer>\n`);
      expect(await sut.verify({ document: Buffer.from(twice) })).toMatchObject({ valid: false, reason: 'signature_malformed' });
      const dtd = text.replace('<answer', '<!DOCTYPE answer [<!ENTITY x "y">]><answer');
      expect(await sut.verify({ document: Buffer.from(dtd) })).toMatchObject({ valid: false, reason: 'malformed' });
      expect(await sut.verify({ document: Buffer.from('<answer xmlns="urn:otklik:answer:1"/>') })).toMatchObject({ valid: false, reason: 'signature_missing' });
      expect(await sut.verify({ document: Buffer.from('<other/>') })).toMatchObject({ valid: false, reason: 'wrong_document_type' });
      expect(await sut.verify({ document: Buffer.from('<answer') })).toMatchObject({ valid: false, reason: 'malformed' });
      expect(await sut.verify({ document: await signerWith(rsaKey('someone-else')).renderXml(doc) })).toMatchObject({ valid: false, reason: 'unknown_key' });
      expect(await sut.verify({ document: await signerWith(stranger).renderXml(doc) })).toMatchObject({ valid: false, reason: 'signature_invalid' });
    });
  });

  describe('PDF (JWS over every byte, in a trailer comment)', () => {
    let pdf: Buffer;
    beforeAll(async () => {
      pdf = await sut.renderPdf(doc, 'ru');
    });

    it('ends with the signature trailer; the original verifies; re-rendering gives the same bytes', async () => {
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      expect(pdf.toString('latin1')).toMatch(/%%EOF\n%OTKLIK-ANSWER-SIGNATURE [\w-]+\.\.[\w-]+\n%%EOF\n$/);
      const { verificationCode } = await sut.renderJson(doc);
      expect(await sut.verify({ document: pdf })).toEqual({
        valid: true,
        format: 'pdf',
        signedBy: 'Министерство цифрового развития (демо)',
        signedAt: '2026-03-02T09:15:00.000Z',
        appealNumber: 1042,
        keyId: current.kid,
        verificationCode,
      });
      expect((await sut.renderPdf(doc, 'ru')).equals(pdf)).toBe(true);
    });

    it('prints the answer in Cyrillic, the verification code, the key and the verify URL', async () => {
      const { verificationCode } = await sut.renderJson(doc);
      // pdfmake writes each word as its own text object: compare with the spacing taken out.
      const printed = pdfText(pdf).replace(/[\s\u00b7]/g, '');
      const shown = (text: string) => expect(printed).toContain(text.replace(/\s/g, ''));
      shown('Ответ на обращение № 1042');
      shown('Иванова Мария Петровна');
      shown('Отклонено');
      shown(`Код проверки: ${verificationCode}`);
      shown(current.kid);
      shown('https://otklik.example/api/v1/answers/verify');
      expect(printed).not.toContain('?');
      const en = JSON.stringify(answerPdfDefinition(doc, { keyId: current.kid, verificationCode, verifyUrl: sut.verifyUrl }, 'en'));
      expect(en).toContain('Answer to appeal No. 1042');
      expect(en).toContain(verificationCode);
    });

    it('fails when one byte changes: in the header, the body, the JWS, the final %%EOF', async () => {
      const marker = at(pdf, '%OTKLIK-ANSWER-SIGNATURE ');
      const jwsStart = marker + '%OTKLIK-ANSWER-SIGNATURE '.length;
      const positions = [1, 7, Math.floor(marker / 2), marker - 3, marker - 1, marker + 2, jwsStart + 5, jwsStart + 400, pdf.length - 3, pdf.length - 1];
      for (const i of positions) {
        const result = await sut.verify({ document: tampered(pdf, i) });
        expect([i, result.valid]).toEqual([i, false]);
      }
      expect((await sut.verify({ document: tampered(pdf, Math.floor(marker / 2)) })).reason).toBe('signature_invalid');
      expect((await sut.verify({ document: pdf.subarray(0, marker) })).reason).toBe('signature_missing');
      expect((await sut.verify({ document: Buffer.concat([pdf, Buffer.from('\n')]) })).reason).toBe('signature_missing');
    });

    it('any single byte flipped anywhere fails (property)', async () => {
      await fc.assert(
        fc.asyncProperty(fc.nat({ max: pdf.length - 1 }), fc.integer({ min: 1, max: 255 }), async (i, x) => {
          expect((await sut.verify({ document: tampered(pdf, i, pdf[i] ^ x) })).valid).toBe(false);
        }),
        { numRuns: 200 },
      );
    });

    it('fails for a PDF signed with an unknown key or by a forger using a known key id', async () => {
      expect(await sut.verify({ document: await signerWith(rsaKey('someone-else')).renderPdf(doc, 'ru') })).toEqual({ valid: false, format: 'pdf', reason: 'unknown_key' });
      expect(await sut.verify({ document: await signerWith(stranger).renderPdf(doc, 'ru') })).toMatchObject({ valid: false, reason: 'signature_invalid' });
    });
  });

  describe('key rotation', () => {
    it('documents signed with the old key verify after a new key is configured with the old one listed; a key outside the set fails', async () => {
      const old = rsaKey();
      const before = signerWith(old);
      const json = await before.renderJson(doc);
      const xml = await before.renderXml(doc);
      const pdf = await before.renderPdf(doc, 'en');

      const next = rsaKey();
      const rotated = signerWith(next, [{ kid: old.kid, publicKey: old.publicKey }]);
      expect(await rotated.currentKeyId()).toBe(next.kid);
      for (const r of [await rotated.verify({ document: json.body, signature: json.signature }), await rotated.verify({ document: xml }), await rotated.verify({ document: pdf })]) {
        expect(r).toMatchObject({ valid: true, keyId: old.kid, appealNumber: 1042, signedAt: INPUT.answeredAt });
      }
      // New documents are signed with the new key and verify too.
      const fresh = await rotated.renderJson(doc);
      expect(await rotated.verify({ document: fresh.body, signature: fresh.signature })).toMatchObject({ valid: true, keyId: next.kid });
      expect(fresh.verificationCode).not.toBe(json.verificationCode);

      // Without the old key in the set, its documents no longer verify.
      const forgotten = signerWith(next);
      expect(await forgotten.verify({ document: json.body, signature: json.signature })).toMatchObject({ valid: false, reason: 'unknown_key' });
      expect(await forgotten.verify({ document: xml })).toMatchObject({ valid: false, reason: 'unknown_key' });
      expect(await forgotten.verify({ document: pdf })).toMatchObject({ valid: false, reason: 'unknown_key' });
    });
  });

  describe('renderFile (what GET /appeals/{id}/answer sends)', () => {
    it('gives body, content type, file name, and for JSON the signature for X-Answer-Signature', async () => {
      const json = await sut.renderFile(doc, 'json', 'ru');
      expect(json).toMatchObject({ contentType: 'application/json; charset=utf-8', filename: 'answer-1042.json' });
      expect(await sut.verify({ document: json.body, signature: json.signature })).toMatchObject({ valid: true });
      const xml = await sut.renderFile(doc, 'xml', 'ru');
      expect(xml).toMatchObject({ contentType: 'application/xml; charset=utf-8', filename: 'answer-1042.xml' });
      expect(xml.signature).toBeUndefined();
      expect(await sut.verify({ document: xml.body })).toMatchObject({ valid: true, format: 'xml' });
      const pdf = await sut.renderFile(doc, 'pdf', 'en');
      expect(pdf).toMatchObject({ contentType: 'application/pdf', filename: 'answer-1042.pdf' });
      expect(await sut.verify({ document: pdf.body })).toMatchObject({ valid: true, format: 'pdf' });
    });
  });

  describe('input', () => {
    it('tells the format by content and answers unknown content with valid:false', async () => {
      expect(detectFormat(Buffer.from('\ufeff  {"a":1}'))).toBe('json');
      expect(detectFormat(Buffer.from('\n<?xml version="1.0"?><a/>'))).toBe('xml');
      expect(detectFormat(Buffer.from('%PDF-1.7'))).toBe('pdf');
      expect(detectFormat(Buffer.from('PK\u0003\u0004'))).toBeUndefined();
      expect(await sut.verify({ document: Buffer.alloc(0) })).toEqual({ valid: false, reason: AnswerVerificationFailure.UnknownFormat });
      expect(await sut.verify({ document: Buffer.from('{not json', 'utf8'), signature: 'a..b' })).toMatchObject({ valid: false, format: 'json' });
      expect(await sut.verify({ document: Buffer.from('%PDF-1.3\n%%EOF\n') })).toMatchObject({ valid: false, format: 'pdf', reason: 'signature_missing' });
    });

    it('refuses to sign a malformed document', async () => {
      await expect(sut.renderJson({ ...doc, answeredAt: '2 March 2026' })).rejects.toThrow(/answeredAt/);
      await expect(sut.renderJson({ ...doc, appealNumber: 0 })).rejects.toThrow(/appealNumber/);
      await expect(sut.renderXml({ ...doc, text: 'bell \u0007' })).rejects.toThrow(/control characters/);
    });
  });
});

/**
 * The text a PDF shows, decoded enough for a test: FlateDecode streams inflated, each font's
 * ToUnicode CMap read (pdfkit writes `<from> <to> [<u1> <u2> …]` ranges), and the hex strings of TJ/Tj operators mapped through the CMap of the
 * font selected by the last Tf.
 */
function pdfText(pdf: Buffer): string {
  const source = pdf.toString('latin1');
  const objects = new Map<string, { dict: string; stream?: string }>();
  for (const m of source.matchAll(/(\d+) 0 obj\s*([\s\S]*?)endobj/g)) {
    const body = m[2];
    const s = body.indexOf('stream');
    if (s < 0) {
      objects.set(m[1], { dict: body });
      continue;
    }
    const start = body[s + 6] === '\r' ? s + 8 : s + 7;
    const raw = Buffer.from(body.slice(start, body.lastIndexOf('endstream')), 'latin1');
    const dict = body.slice(0, s);
    objects.set(m[1], { dict, stream: (dict.includes('FlateDecode') ? inflateSync(raw) : raw).toString('latin1') });
  }
  const cmapOf = (ref: string) => {
    const map = new Map<number, string>();
    const text = objects.get(ref)?.stream ?? '';
    for (const range of text.matchAll(/<([0-9a-f]+)> <([0-9a-f]+)> \[([^\]]*)\]/gi)) {
      const from = parseInt(range[1], 16);
      [...range[3].matchAll(/<([0-9a-f]+)>/gi)].forEach((u, k) => map.set(from + k, Buffer.from(u[1], 'hex').swap16().toString('utf16le')));
    }
    return map;
  };
  // Font resource name → its ToUnicode map, via the page resources' /Font dictionaries.
  const fonts = new Map<string, Map<number, string>>();
  for (const { dict } of objects.values()) {
    for (const f of dict.matchAll(/\/(F\d+) (\d+) 0 R/g)) {
      const toUnicode = /\/ToUnicode (\d+) 0 R/.exec(objects.get(f[2])?.dict ?? '');
      if (toUnicode) fonts.set(f[1], cmapOf(toUnicode[1]));
    }
  }
  let out = '';
  for (const { stream } of objects.values()) {
    if (!stream || !/\bBT\b/.test(stream)) continue;
    let font = new Map<number, string>();
    for (const op of stream.matchAll(/\/(F\d+) [\d.]+ Tf|\[([^\]]*)\] TJ|<([0-9a-f]*)> Tj|\bET\b/gi)) {
      if (op[1]) font = fonts.get(op[1]) ?? new Map();
      else if (op[0] === 'ET') out += '\n';
      else {
        const hex = op[2] !== undefined ? [...op[2].matchAll(/<([0-9a-f]*)>/gi)].map((h) => h[1]).join('') : op[3];
        for (let i = 0; i + 4 <= hex.length; i += 4) out += font.get(parseInt(hex.slice(i, i + 4), 16)) ?? '?';
      }
    }
  }
  return out;
}
