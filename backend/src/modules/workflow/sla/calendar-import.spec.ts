import { CalendarImportError, CalendarImportFormat, parseCalendar } from './calendar-import';

/** 2026 as xmlcalendar.ru publishes it (abridged to the days that matter here). */
const XML_2026 = `<?xml version="1.0" encoding="UTF-8"?>
<calendar year="2026" lang="ru" date="2025.09.01">
  <holidays><holiday id="1" title="Новогодние каникулы"/><holiday id="2" title="День защитника Отечества"/></holidays>
  <days>
    <day d="01.01" t="1" h="1"/><day d="01.02" t="1" h="1"/><day d="01.05" t="1" h="1"/><day d="01.09" t="1"/>
    <day d="02.23" t="1" h="2"/>
    <day d="03.09" t="1"/>
    <day d="04.30" t="2"/>
    <day d="11.01" t="3"/>
    <day d="12.31" t="1"/>
  </days>
</calendar>`;

describe('parseCalendar', () => {
  it('reads the XML form: days off on weekdays, holidays, shortened days and transferred working weekends', () => {
    const sut = parseCalendar(CalendarImportFormat.Xml, XML_2026);
    expect(sut.year).toBe(2026);
    // 2026-01-03 is not listed; 01.01, 01.02, 01.05 are weekdays; 01.09 is a transferred day off.
    expect(sut.nonWorking).toEqual(['2026-01-01', '2026-01-02', '2026-01-05', '2026-01-09', '2026-02-23', '2026-03-09', '2026-12-31']);
    expect(sut.holidays).toEqual(['2026-01-01', '2026-01-02', '2026-01-05', '2026-02-23']);
    expect(sut.shortened).toEqual(['2026-04-30']);
    expect(sut.working).toEqual(['2026-11-01']); // a Sunday made working
  });

  it('reads the JSON form: * a shortened working day, + a transferred day off, unlisted weekends working', () => {
    const months = Array.from({ length: 12 }, (_, i) => ({ month: i + 1, days: '' }));
    // January 2026: the weekends and the holidays; 9th transferred (+).
    months[0].days = '1,2,3,4,5,6,7,8,9+,10,11,17,18,24,25,31';
    // April 2026: weekends but the 25th (Saturday) is left out → a working Saturday; 30th shortened.
    months[3].days = '4,5,11,12,18,19,26,30*';
    const sut = parseCalendar(CalendarImportFormat.Json, JSON.stringify({ year: 2026, months }));
    expect(sut.nonWorking.slice(0, 7)).toEqual(['2026-01-01', '2026-01-02', '2026-01-05', '2026-01-06', '2026-01-07', '2026-01-08', '2026-01-09']);
    expect(sut.holidays).toContain('2026-01-08');
    expect(sut.holidays).not.toContain('2026-01-09');
    expect(sut.shortened).toEqual(['2026-04-30']);
    expect(sut.working).toContain('2026-04-25');
    expect(sut.working).not.toContain('2026-04-26');
  });

  it.each([
    [CalendarImportFormat.Xml, '<!DOCTYPE x [<!ENTITY a "b">]><calendar year="2026"/>', 'calendar_doctype'],
    [CalendarImportFormat.Xml, '<html/>', 'calendar_not_xmlcalendar'],
    [CalendarImportFormat.Xml, '<calendar year="abc"><days/></calendar>', 'calendar_year'],
    [CalendarImportFormat.Xml, '<calendar year="2026"><days><day d="02.30" t="1"/></days></calendar>', 'calendar_day'],
    [CalendarImportFormat.Xml, '<calendar year="2026"><days><day d="02.03" t="7"/></days></calendar>', 'calendar_day_type'],
    [CalendarImportFormat.Json, '{', 'calendar_not_json'],
    [CalendarImportFormat.Json, '{"year":2026,"months":[{"month":1,"days":"1"}]}', 'calendar_months'],
    [CalendarImportFormat.Json, '{"year":2026,"months":[{"month":2,"days":"30"}]}', 'calendar_day'],
    [CalendarImportFormat.Json, 'null', 'calendar_year'],
  ])('refuses %s %j with %s naming content', (format, content, code) => {
    let error: unknown;
    try {
      parseCalendar(format, content);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(CalendarImportError);
    expect((error as CalendarImportError).errors).toEqual([expect.objectContaining({ field: 'content', code })]);
  });
});
