import type * as Echarts from 'echarts';
import { renderPdf } from '../../common/pdf/pdfmake';
import { flatten, SECTION_KEYS } from './report-flatten';
import {
  BacklogReportDto,
  GratitudeReportDto,
  OperatorsReportDto,
  QualityReportDto,
  ReportName,
  SlaReportDto,
  VolumeReportDto,
} from './reports.dto';

/** How ids read in a printed report: department, category and staff names (the ids stay in the CSV). */
export interface ReportNames {
  department(id: string | null): string;
  category(id: string | null): string;
  staff(id: string | null): string;
}

/** One chart of a report: its title and the ECharts option that draws it (no animation, no DOM). */
export interface ReportChart {
  title: string;
  option: Echarts.EChartsCoreOption;
}

export interface ReportPdfContext {
  names: ReportNames;
  /** The filters as asked (period, department, category…), printed under the title. */
  filters: Record<string, string | undefined>;
  generatedAt: Date;
}

const TITLES: Record<ReportName, string> = {
  [ReportName.Volume]: 'Поступление и рассмотрение обращений',
  [ReportName.Sla]: 'Соблюдение сроков',
  [ReportName.Backlog]: 'Нерассмотренные обращения и их возраст',
  [ReportName.Quality]: 'Качество: оценки граждан',
  [ReportName.Gratitude]: 'Благодарности',
  [ReportName.Operators]: 'Нагрузка исполнителей',
};

const PERIODS: Record<string, string> = { day: 'день', week: 'неделя', month: 'месяц', custom: 'произвольный' };

const FILTER_LABELS: Record<string, string> = {
  period: 'Период',
  at: 'Дата периода',
  from: 'С',
  to: 'По',
  departmentId: 'Подразделение',
  categoryId: 'Категория',
  type: 'Вид обращения',
  channel: 'Канал',
  region: 'Регион',
};

/** At most this many bars: a long tail reads better as the table that follows. */
const TOP = 12;
const CHART = { width: 515, height: 240 };

const bars = (title: string, labels: string[], series: { name: string; data: (number | null)[] }[], options: { percent?: boolean } = {}): ReportChart => ({
  title,
  option: {
    legend: series.length > 1 ? { top: 0 } : undefined,
    grid: { left: 8, right: 8, top: series.length > 1 ? 28 : 8, bottom: 8, containLabel: true },
    xAxis: {
      type: 'category',
      data: labels,
      axisLabel: { interval: 0, rotate: labels.length > 6 ? 30 : 0, width: labels.length > 6 ? 110 : Math.floor(CHART.width / Math.max(1, labels.length)) - 12, overflow: 'truncate' },
    },
    yAxis: { type: 'value', max: options.percent ? 100 : undefined, minInterval: options.percent ? undefined : 1 },
    series: series.map((s) => ({ type: 'bar', name: s.name, data: s.data, label: { show: labels.length <= TOP, position: 'top' } })),
  },
});

const top = <T>(rows: T[], by: (row: T) => number) => [...rows].sort((a, b) => by(b) - by(a)).slice(0, TOP);
const percent = (share: number | null) => (share === null ? null : Math.round(share * 1000) / 10);

/** The charts of a report, as the dashboard shows them. */
export function reportCharts(name: ReportName, report: object, names: ReportNames): ReportChart[] {
  switch (name) {
    case ReportName.Volume: {
      const r = report as VolumeReportDto;
      const days = r.byDay.map((d) => d.key ?? '');
      return [
        {
          title: 'Поступило по дням, в сравнении с предыдущим периодом',
          option: {
            legend: { top: 0 },
            grid: { left: 8, right: 8, top: 28, bottom: 8, containLabel: true },
            xAxis: { type: 'category', data: days },
            yAxis: { type: 'value', minInterval: 1 },
            series: [
              { type: 'line', name: `${r.period.from} — ${r.period.to}`, data: r.byDay.map((d) => d.received) },
              { type: 'line', name: `${r.previousPeriod.from} — ${r.previousPeriod.to}`, data: r.previousByDay.map((d) => d.received), lineStyle: { type: 'dashed' } },
            ],
          },
        },
        (() => {
          const rows = top(r.byCategory, (c) => c.received);
          return bars('Поступило по категориям', rows.map((c) => names.category(c.key)), [{ name: 'Поступило', data: rows.map((c) => c.received) }]);
        })(),
      ];
    }
    case ReportName.Sla: {
      const r = report as SlaReportDto;
      const rows = top(r.byDepartment, (d) => d.answered);
      const overdue = top(r.overdueNow.byDepartment, (d) => d.count);
      return [
        bars('Доля ответов в срок по подразделениям, %', rows.map((d) => names.department(d.key)), [{ name: 'В срок, %', data: rows.map((d) => percent(d.answeredOnTimeShare)) }], { percent: true }),
        bars('Просрочено сейчас по подразделениям', overdue.map((d) => names.department(d.key)), [{ name: 'Просрочено', data: overdue.map((d) => d.count) }]),
      ];
    }
    case ReportName.Backlog: {
      const r = report as BacklogReportDto;
      const buckets = [...new Set(r.byStatusAndAge.map((c) => c.ageBucket))];
      const statuses = [...new Set(r.byStatusAndAge.map((c) => c.status))];
      return [
        {
          title: 'Нерассмотренные обращения по возрасту (календарные дни)',
          option: {
            legend: { top: 0 },
            grid: { left: 8, right: 8, top: 28, bottom: 8, containLabel: true },
            xAxis: { type: 'category', data: buckets },
            yAxis: { type: 'value', minInterval: 1 },
            series: statuses.map((status) => ({
              type: 'bar',
              stack: 'age',
              name: status,
              data: buckets.map((b) => r.byStatusAndAge.find((c) => c.status === status && c.ageBucket === b)?.count ?? 0),
            })),
          },
        },
      ];
    }
    case ReportName.Quality: {
      const r = report as QualityReportDto;
      return [bars('Распределение оценок', r.distribution.map((d) => String(d.score)), [{ name: 'Оценок', data: r.distribution.map((d) => d.count) }])];
    }
    case ReportName.Gratitude: {
      const r = report as GratitudeReportDto;
      const rows = top(r.byCategory, (c) => c.count);
      return [bars('Благодарности по категориям', rows.map((c) => names.category(c.key)), [{ name: 'Благодарностей', data: rows.map((c) => c.count) }])];
    }
    case ReportName.Operators: {
      const r = report as OperatorsReportDto;
      const rows = top(r.items, (o) => o.assigned + o.openNow);
      const labels = rows.map((o) => o.name ?? names.staff(o.assigneeId));
      return [
        bars('Нагрузка исполнителей', labels, [
          { name: 'Назначено', data: rows.map((o) => o.assigned) },
          { name: 'Отвечено', data: rows.map((o) => o.answered) },
          { name: 'В работе сейчас', data: rows.map((o) => o.openNow) },
        ]),
      ];
    }
  }
}

let echartsModule: typeof Echarts | undefined;
/** ECharts (~18 MB of RSS), required on the first chart drawn rather than at boot (like pdfmake in renderPdf). */
const echarts = (): typeof Echarts => (echartsModule ??= require('echarts') as typeof Echarts);

/** ECharts renders on the server to SVG (no canvas, no DOM), which pdfmake draws as vectors. */
export function chartSvg(chart: ReportChart): string {
  const instance = echarts().init(null, null, { renderer: 'svg', ssr: true, ...CHART });
  try {
    instance.setOption({ animation: false, textStyle: { fontFamily: 'Roboto' }, ...chart.option });
    return instance.renderToSVGString();
  } finally {
    instance.dispose();
  }
}

/** Names in place of the ids a figure is keyed by, where the key is one. */
function readableKey(section: string, key: string, names: ReportNames): string {
  if (key === '') return '';
  const id = key === 'null' ? null : key;
  switch (SECTION_KEYS[section]) {
    case 'department':
      return names.department(id);
    case 'category':
      return names.category(id);
    case 'staff':
      return names.staff(id);
    default:
      return key;
  }
}

/**
 * The report as a PDF: title, scope and filters, its charts, then every figure (the rows of the
 * CSV export, names in place of ids). Roboto (pdfmake's bundled font) covers Cyrillic.
 */
export function renderReportPdf(name: ReportName, report: object, context: ReportPdfContext): Promise<Buffer> {
  const filters = Object.entries(context.filters)
    .filter(([, v]) => v !== undefined && v !== '')
    .map(([k, v]) => {
      const value = k === 'departmentId' ? context.names.department(v!) : k === 'categoryId' ? context.names.category(v!) : k === 'period' ? (PERIODS[v!] ?? v!) : v!;
      return `${FILTER_LABELS[k] ?? k}: ${value}`;
    });
  const period = 'period' in report ? (report as { period: { from: string; to: string } }).period : null;
  const rows = [...flatten(report)].map(([section, key, metric, value]) => [section, readableKey(section, key, context.names), metric, value]);
  return renderPdf({
    info: { title: TITLES[name], creator: 'Отклик' },
    pageSize: 'A4',
    pageMargins: [40, 40, 40, 40],
    defaultStyle: { font: 'Roboto', fontSize: 9 },
    content: [
      { text: TITLES[name], fontSize: 16, bold: true, margin: [0, 0, 0, 4] },
      { text: period ? `Период: ${period.from} — ${period.to}` : 'На момент формирования', margin: [0, 0, 0, 2] },
      ...(filters.length ? [{ text: filters.join('; '), color: '#555555', margin: [0, 0, 0, 2] }] : []),
      { text: `Сформирован: ${context.generatedAt.toISOString()}`, color: '#555555', margin: [0, 0, 0, 10] },
      ...reportCharts(name, report, context.names).flatMap((chart) => [
        { text: chart.title, bold: true, fontSize: 11, margin: [0, 6, 0, 4] },
        { svg: chartSvg(chart), width: CHART.width },
      ]),
      { text: 'Показатели', bold: true, fontSize: 11, margin: [0, 10, 0, 4], pageBreak: 'before' },
      {
        table: {
          headerRows: 1,
          widths: ['auto', '*', 'auto', 'auto'],
          body: [['Раздел', 'Ключ', 'Показатель', 'Значение'].map((text) => ({ text, bold: true })), ...rows],
        },
        layout: 'lightHorizontalLines',
      },
    ],
  });
}
