import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import type { EChartsCoreOption } from 'echarts/core';
import { NgxEchartsDirective } from 'ngx-echarts';

/**
 * One chart of the dashboard. The chart is decoration for sighted users (aria-hidden): every
 * figure it draws is in the table beside it, which screen readers and tests read.
 */
@Component({
  selector: 'ok-report-chart',
  imports: [NgxEchartsDirective],
  template: `<div echarts class="chart" aria-hidden="true" [options]="options()" [autoResize]="true" (chartClick)="picked.emit($event.dataIndex)"></div>`,
  styles: `
    .chart {
      height: 260px;
      width: 100%;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ReportChart {
  readonly options = input.required<EChartsCoreOption>();
  /** The index of the clicked bar or point (the same row in the table beside it). */
  readonly picked = output<number>();
}
