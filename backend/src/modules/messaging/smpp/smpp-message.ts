import { encodings, gsmCoder } from 'smpp';

/** One submit_sm's worth of a text message. */
export interface SmsSegment {
  /** 0: the SMSC's default alphabet, GSM 03.38 (one octet per septet, unpacked); 8: UCS-2. */
  dataCoding: 0 | 8;
  /** 0x40 (UDH indicator) on the parts of a concatenated message. */
  esmClass: number;
  /** The user data header (if any) followed by the encoded text. */
  shortMessage: Buffer;
}

const UDH_INDICATOR = 0x40;
/** Octets of the text in one SMS: 160 septets or 70 UCS-2 characters. */
const SINGLE = 140;
const GSM_SINGLE = 160;
/** …and in each part of a concatenated one, after the 6-octet header: 153 septets or 67 characters. */
const GSM_PART = 153;
const UCS2_PART = 134;

/** Whether the text fits the GSM 03.38 default alphabet (with its extension table). */
export function isGsm7(text: string): boolean {
  return encodings.ASCII.match(text);
}

/**
 * Splits a text into the submit_sm payloads that carry it. GSM 03.38 text goes as data_coding 0
 * (160 septets, 153 per part); anything else (Cyrillic) as UCS-2, data_coding 8 (70 characters, 67
 * per part). Longer texts become a concatenated message: each part starts with an 8-bit-reference
 * user data header (IEI 0x00: reference, total, number) and has esm_class 0x40 — the form every
 * SMSC and handset reassembles (message_payload, the alternative, is optional for SMSCs).
 * A GSM escape sequence or a UTF-16 surrogate pair is never cut between parts.
 */
export function segmentSms(text: string, reference: number): SmsSegment[] {
  const gsm = isGsm7(text);
  const bytes = gsm ? gsmCoder.encode(text, 0x00) : Buffer.from(text, 'utf16le').swap16();
  const dataCoding = gsm ? 0 : 8;
  if (bytes.length <= (gsm ? GSM_SINGLE : SINGLE)) return [{ dataCoding, esmClass: 0, shortMessage: bytes }];
  const chunks: Buffer[] = [];
  for (let offset = 0; offset < bytes.length; ) {
    let end = Math.min(bytes.length, offset + (gsm ? GSM_PART : UCS2_PART));
    if (end < bytes.length) {
      if (gsm && bytes[end - 1] === 0x1b) end -= 1;
      if (!gsm && bytes[end - 2] >= 0xd8 && bytes[end - 2] <= 0xdb) end -= 2;
    }
    chunks.push(bytes.subarray(offset, end));
    offset = end;
  }
  if (chunks.length > 255) throw new Error(`SMS text too long: ${chunks.length} parts (at most 255)`);
  const ref = reference & 0xff;
  return chunks.map((chunk, i) => ({
    dataCoding,
    esmClass: UDH_INDICATOR,
    shortMessage: Buffer.concat([Buffer.from([0x05, 0x00, 0x03, ref, chunks.length, i + 1]), chunk]),
  }));
}
