/**
 * How many SMS segments a text costs (3GPP TS 23.038 / 23.040). A text written only in the GSM 7-bit
 * default alphabet goes as GSM-7: 160 septets in one message, 153 per part of a concatenated one
 * (the user data header takes 7); an extension-table character (€, [, ] …) is an escape plus the
 * character, 2 septets, and a part never ends between the two. Anything else (Cyrillic, emoji)
 * sends the whole text as UCS-2: 70 UTF-16 code units in one message, 67 per part; a surrogate
 * pair counts 2 and is never split across parts (operators' SMSCs and phones garble a split pair).
 */
export interface SmsSize {
  encoding: 'GSM-7' | 'UCS-2';
  segments: number;
  /** Septets (GSM-7) or UTF-16 code units (UCS-2). */
  units: number;
}

/** At most two segments: what a notice's SMS may cost (RenderedNotice.sms). */
export const SMS_MAX_SEGMENTS = 2;

const GSM_BASIC =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';
const GSM_EXTENSION = '\f^{}\\[~]|€';
const BASIC = new Set(GSM_BASIC);
const EXTENSION = new Set(GSM_EXTENSION);

const LIMITS = {
  'GSM-7': { single: 160, part: 153 },
  'UCS-2': { single: 70, part: 67 },
} as const;

/** Whether the whole text fits the GSM 7-bit default alphabet with its extension table. */
export function isGsm7(text: string): boolean {
  for (const ch of text) if (!BASIC.has(ch) && !EXTENSION.has(ch)) return false;
  return true;
}

export function smsSegments(text: string): SmsSize {
  const encoding = isGsm7(text) ? 'GSM-7' : 'UCS-2';
  // Per character (code point): its cost in units, which must stay in one part.
  const costs: number[] = [];
  for (const ch of text) costs.push(encoding === 'GSM-7' ? (EXTENSION.has(ch) ? 2 : 1) : ch.length);
  const units = costs.reduce((sum, c) => sum + c, 0);
  const { single, part } = LIMITS[encoding];
  if (units === 0) return { encoding, segments: 0, units };
  if (units <= single) return { encoding, segments: 1, units };
  let segments = 1;
  let used = 0;
  for (const cost of costs) {
    if (used + cost > part) {
      segments++;
      used = 0;
    }
    used += cost;
  }
  return { encoding, segments, units };
}

/** Whether the text costs at most `max` segments (two by default). */
export function fitsSms(text: string, max = SMS_MAX_SEGMENTS): boolean {
  return smsSegments(text).segments <= max;
}
