// Verification reports in every format Tally exports.

import type { CheckResult } from '../types.ts';
import { renderHtml } from './html.ts';
import { groupPapers, readByKind } from './summary.ts';
import { renderMarkdown } from './markdown.ts';
import type { ReportOptions } from './options.ts';
import { renderSarif } from './sarif.ts';

export type ReportFormat = 'markdown' | 'html' | 'json' | 'sarif';
export const REPORT_FORMATS: readonly ReportFormat[] = ['markdown', 'html', 'json', 'sarif'];
export type { ReportOptions };
export { compiledPdfsOf, countFindings } from './summary.ts';
export { describeLocation } from './locate.ts';
export { renderHtmlBody, REPORT_STYLE } from './html.ts';

/** The JSON report: the results as the engine gives them, with the same papers, stamp and settings as the other formats. */
export function renderJson(results: readonly CheckResult[], options: ReportOptions = {}): string {
  const papers = groupPapers(results, options).map((g) => ({
    heading: g.heading,
    path: g.path,
    uri: g.result.uri,
    compiledPdfs: g.compiled.map((c) => c.uri),
    read: readByKind(g.result),
    hidden: g.result.suppressedCount,
    ignoreList: options.ignoreEntries?.(g.result.uri) ?? [],
    modelReview: g.result.modelReview ?? null,
  }));
  const report = { tool: 'Tally', version: options.toolVersion ?? '0.0.0', date: options.date ?? new Date().toISOString(), checksOff: options.checksOff ?? [], papers, results };
  return JSON.stringify(report, null, 2) + '\n';
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
