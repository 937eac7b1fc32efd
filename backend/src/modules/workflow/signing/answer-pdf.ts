import { APPEAL_TYPE_LABELS, AnswerResult } from '@otklik/shared/domain';
import { Locale } from '../../../common/i18n/messages';
import { renderPdf } from '../../../common/pdf/pdfmake';
import { AnswerDocument } from './answer-document';

/**
 * The PDF rendering. pdfmake lays the answer out (Roboto, Cyrillic); the signature over every
 * byte pdfmake wrote is then appended after its `%%EOF` as one PDF comment line and a new
 * `%%EOF` — a PDF reader skips comments, so the file still opens as the same document:
 *
 *   <pdfmake output, ending "%%EOF\n">%OTKLIK-ANSWER-SIGNATURE <detached JWS>\n%%EOF\n
 *
 * The JWS (answer-jws.ts, `cty: otklik.answer+pdf`) signs exactly the bytes before the
 * `%OTKLIK-ANSWER-SIGNATURE` marker. A verifier accepts the file only when it ends with
 * exactly that trailer, so one changed byte anywhere — in the body, the JWS or the final
 * `%%EOF` line — fails.
 */
export const PDF_SIGNATURE_MARKER = '%OTKLIK-ANSWER-SIGNATURE ';
const TRAILER = /%OTKLIK-ANSWER-SIGNATURE ([A-Za-z0-9_-]+\.\.[A-Za-z0-9_-]+)\n%%EOF\n$/;
/** The trailer is under 2 KB; only the file's tail is searched. */
const TRAILER_WINDOW = 4096;

const RESULT_LABELS: Record<AnswerResult, Record<Locale, string>> = {
  [AnswerResult.Done]: { ru: 'Выполнено', en: 'Done' },
  [AnswerResult.Refused]: { ru: 'Отклонено', en: 'Refused' },
  [AnswerResult.ClarificationNeeded]: { ru: 'Требуется уточнение', en: 'Clarification needed' },
};

const LABELS = {
  title: { ru: 'Ответ на обращение № {n}', en: 'Answer to appeal No. {n}' },
  type: { ru: 'Тип обращения', en: 'Appeal type' },
  result: { ru: 'Результат', en: 'Result' },
  resultCode: { ru: 'Код результата', en: 'Result code' },
  answeredAt: { ru: 'Дата ответа', en: 'Answered at' },
  text: { ru: 'Ответ', en: 'Answer' },
  reason: { ru: 'Основание', en: 'Reason' },
  executor: { ru: 'Исполнитель', en: 'Executor' },
  phone: { ru: 'Рабочий телефон', en: 'Work phone' },
  attachments: { ru: 'Приложения', en: 'Attachments' },
  bytes: { ru: 'байт', en: 'bytes' },
  signature: { ru: 'Электронная подпись', en: 'Electronic signature' },
  signedBy: { ru: 'Подписано', en: 'Signed by' },
  code: { ru: 'Код проверки', en: 'Verification code' },
  key: { ru: 'Ключ', en: 'Key' },
  verify: {
    ru: 'Проверить подлинность: загрузите этот файл в {url} (POST, поле document). Любое изменение файла делает подпись недействительной.',
    en: 'To check authenticity, upload this file to {url} (POST, field document). Any change to the file invalidates the signature.',
  },
} satisfies Record<string, Record<Locale, string>>;

/** Moscow time, as the body's documents state it; the ISO value stays in the signed data. */
const moscow = (iso: string, locale: Locale) =>
  `${new Date(iso).toLocaleString(locale === 'ru' ? 'ru-RU' : 'en-GB', { timeZone: 'Europe/Moscow', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' })} (${locale === 'ru' ? 'МСК' : 'Moscow time'})`;

export interface PdfSigningFacts {
  keyId: string;
  verificationCode: string;
  verifyUrl: string;
}

/** The pdfmake definition of an answer (pure; the tests read the printed code from it and from the file). */
export function answerPdfDefinition(doc: AnswerDocument, facts: PdfSigningFacts, locale: Locale): object {
  const l = (k: keyof typeof LABELS) => LABELS[k][locale];
  const row = (label: string, value: string) => [{ text: label, color: '#555' }, { text: value }];
  const rows = [
    row(l('type'), APPEAL_TYPE_LABELS[doc.appealType][locale]),
    row(l('result'), RESULT_LABELS[doc.result][locale]),
    row(l('resultCode'), String(doc.resultCode)),
    row(l('answeredAt'), moscow(doc.answeredAt, locale)),
  ];
  const executor = [doc.executor.name, doc.executor.position, doc.executor.workPhone ? `${l('phone')}: ${doc.executor.workPhone}` : undefined].filter(Boolean).join('\n');
  return {
    info: { title: l('title').replace('{n}', String(doc.appealNumber)), author: doc.issuer.name, subject: doc.answerId, producer: 'Otklik', creator: 'Otklik', creationDate: new Date(doc.answeredAt) },
    defaultStyle: { font: 'Roboto', fontSize: 10 },
    content: [
      { text: doc.issuer.name, color: '#555', margin: [0, 0, 0, 6] },
      { text: l('title').replace('{n}', String(doc.appealNumber)), fontSize: 16, bold: true, margin: [0, 0, 0, 10] },
      { table: { widths: [120, '*'], body: rows }, layout: 'noBorders', margin: [0, 0, 0, 10] },
      { text: l('text'), bold: true, margin: [0, 0, 0, 4] },
      { text: doc.text, margin: [0, 0, 0, 10] },
      ...(doc.reason !== undefined ? [{ text: l('reason'), bold: true, margin: [0, 0, 0, 4] }, { text: doc.reason, margin: [0, 0, 0, 10] }] : []),
      { text: l('executor'), bold: true, margin: [0, 0, 0, 4] },
      { text: executor, margin: [0, 0, 0, 10] },
      ...(doc.attachments.length > 0
        ? [
            { text: l('attachments'), bold: true, margin: [0, 0, 0, 4] },
            { ul: doc.attachments.map((a) => `${a.name} — ${a.size} ${l('bytes')}, SHA-256 ${a.sha256}`), fontSize: 8, margin: [0, 0, 0, 10] },
          ]
        : []),
      {
        margin: [0, 16, 0, 0],
        table: {
          widths: ['*'],
          body: [
            [
              {
                stack: [
                  { text: l('signature'), bold: true, margin: [0, 0, 0, 4] },
                  { text: `${l('signedBy')}: ${doc.issuer.name}, ${moscow(doc.answeredAt, locale)}` },
                  { text: [`${l('code')}: `, { text: facts.verificationCode, bold: true, fontSize: 12 }], margin: [0, 4, 0, 0] },
                  { text: `${l('key')}: ${facts.keyId}`, fontSize: 8, color: '#555', margin: [0, 2, 0, 4] },
                  { text: l('verify').replace('{url}', facts.verifyUrl), fontSize: 8 },
                ],
              },
            ],
          ],
        },
      },
    ],
  };
}

/** The PDF as pdfmake writes it; deterministic for the same document (its CreationDate is `answeredAt`). */
export async function renderAnswerPdf(doc: AnswerDocument, facts: PdfSigningFacts, locale: Locale): Promise<Buffer> {
  const bytes = await renderPdf(answerPdfDefinition(doc, facts, locale));
  return bytes.subarray(bytes.length - 1)[0] === 0x0a ? bytes : Buffer.concat([bytes, Buffer.from('\n')]);
}

export function appendPdfSignature(pdf: Buffer, jws: string): Buffer {
  return Buffer.concat([pdf, Buffer.from(`${PDF_SIGNATURE_MARKER}${jws}\n%%EOF\n`, 'latin1')]);
}

/** Splits a signed PDF into the bytes that were signed and the JWS; undefined when the trailer is missing or altered. */
export function splitPdfSignature(file: Buffer): { signed: Buffer; jws: string } | undefined {
  const start = Math.max(0, file.length - TRAILER_WINDOW);
  const tail = file.subarray(start).toString('latin1');
  const match = TRAILER.exec(tail);
  if (!match) return undefined;
  return { signed: file.subarray(0, start + match.index), jws: match[1] };
}
