import { fitsSms, isGsm7, smsSegments as sut } from './sms-segments';

describe('smsSegments', () => {
  it('counts an empty text as no segment', () => {
    expect(sut('')).toEqual({ encoding: 'GSM-7', segments: 0, units: 0 });
  });

  it('sends plain Latin text as GSM-7: 160 in one, 153 per part after that', () => {
    expect(sut('a'.repeat(160))).toEqual({ encoding: 'GSM-7', segments: 1, units: 160 });
    expect(sut('a'.repeat(161))).toEqual({ encoding: 'GSM-7', segments: 2, units: 161 });
    expect(sut('a'.repeat(306))).toEqual({ encoding: 'GSM-7', segments: 2, units: 306 });
    expect(sut('a'.repeat(307))).toEqual({ encoding: 'GSM-7', segments: 3, units: 307 });
  });

  it('counts extension-table characters as two septets', () => {
    expect(isGsm7('€[]{}|^~\\')).toBe(true);
    expect(sut('€'.repeat(80))).toEqual({ encoding: 'GSM-7', segments: 1, units: 160 });
    expect(sut('€'.repeat(81))).toMatchObject({ segments: 2, units: 162 });
  });

  it('never ends a GSM-7 part between the escape and its character', () => {
    // 152 septets, then € (2): 154 > 153, so the € starts part two; 153 more fill it, the last spills.
    const text = 'a'.repeat(152) + '€' + 'a'.repeat(152);
    expect(sut(text)).toMatchObject({ encoding: 'GSM-7', units: 306, segments: 3 });
    expect(sut('a'.repeat(151) + '€' + 'a'.repeat(153))).toMatchObject({ units: 306, segments: 2 });
  });

  it('sends Cyrillic as UCS-2: 70 in one, 67 per part', () => {
    expect(sut('я'.repeat(70))).toEqual({ encoding: 'UCS-2', segments: 1, units: 70 });
    expect(sut('я'.repeat(71))).toEqual({ encoding: 'UCS-2', segments: 2, units: 71 });
    expect(sut('я'.repeat(134))).toEqual({ encoding: 'UCS-2', segments: 2, units: 134 });
    expect(sut('я'.repeat(135))).toEqual({ encoding: 'UCS-2', segments: 3, units: 135 });
  });

  it('makes the whole text UCS-2 for one character outside the GSM alphabet', () => {
    expect(sut('a'.repeat(100) + '«')).toMatchObject({ encoding: 'UCS-2', segments: 2, units: 101 });
    expect(sut('№')).toMatchObject({ encoding: 'UCS-2' });
    // Accented letters of the basic table stay GSM-7; others do not.
    expect(isGsm7('èéùìòÇÄÖÑÜäöñüà')).toBe(true);
    expect(isGsm7('ç')).toBe(false);
  });

  it('counts a surrogate pair as two units and never splits it across parts', () => {
    expect(sut('😀')).toEqual({ encoding: 'UCS-2', segments: 1, units: 2 });
    // 66 units, then a pair: 68 > 67, so the pair opens part two.
    expect(sut('я'.repeat(66) + '😀' + 'я'.repeat(65))).toMatchObject({ units: 133, segments: 2 });
    expect(sut('я'.repeat(66) + '😀' + 'я'.repeat(66))).toMatchObject({ units: 134, segments: 3 });
  });

  it('says whether a text fits two segments', () => {
    expect(fitsSms('я'.repeat(134))).toBe(true);
    expect(fitsSms('я'.repeat(135))).toBe(false);
    expect(fitsSms('a'.repeat(306))).toBe(true);
  });
});
