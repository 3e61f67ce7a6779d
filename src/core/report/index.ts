// Verification reports in every format Tally exports.

import type { CheckResult } from '../types.ts';
import { renderHtml } from './html.ts';
import { renderMarkdown } from './markdown.ts';
import type { ReportOptions } from './options.ts';
import { renderSarif } from './sarif.ts';

export type ReportFormat = 'markdown' | 'html' | 'json' | 'sarif';
export const REPORT_FORMATS: readonly ReportFormat[] = ['markdown', 'html', 'json', 'sarif'];
export type { ReportOptions };
export { countFindings } from './summary.ts';
export { describeLocation } from './locate.ts';

export function renderJson(results: readonly CheckResult[], options: ReportOptions = {}): string {
  return JSON.stringify({ tool: 'Tally', version: options.toolVersion ?? '0.0.0', results }, null, 2) + '\n';
}

export function renderReport(results: readonly CheckResult[], format: ReportFormat, options: ReportOptions = {}): string {
  switch (format) {
    case 'markdown':
      return renderMarkdown(results, options);
    case 'html':
      return renderHtml(results, options);
    case 'json':
      return renderJson(results, options);
    case 'sarif':
      return renderSarif(results, options);
  }
}
