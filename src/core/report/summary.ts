// What every report format says, and in which words: counts, papers (a LaTeX paper with its
// compiled PDFs), what was read, what was hidden, the model review, and the labels. Markdown, HTML
// (which the webview shows too) and JSON all take their words from here.

import { paperTitle } from '../paper-title.ts';
import { RULES, ruleFor } from '../rules.ts';
import { compareFindings } from '../finding-order.ts';
import type { CheckResult, Finding, KindCoverage, Severity } from '../types.ts';
import { fileName } from './locate.ts';
import type { ReportOptions } from './options.ts';

export interface Counts {
  error: number;
  warning: number;
  info: number;
  verified: number;
  model: number;
}

export function countFindings(results: readonly CheckResult[]): Counts {
  const counts: Counts = { error: 0, warning: 0, info: 0, verified: 0, model: 0 };
  for (const r of results) {
    for (const f of r.findings) {
      counts[f.severity]++;
      if (f.origin === 'model') counts.model++;
    }
    counts.verified += r.verified.length;
  }
  return counts;
}

/** The report's words, one set for every format. */
export const WORDS = {
  beforeFirstSection: 'Before the first section',
  recomputed: 'recomputed by Tally',
  model: 'model review',
  modelConfirmed: 'model review, confirmed by recomputation',
  counts: { error: 'Errors', warning: 'Warnings', info: 'Notes', verified: 'Verified claims', model: 'From the model review' },
  fields: { sentence: 'Sentence', written: 'As written', reported: 'Reported', recomputed: 'Recomputed', working: 'Working', suggested: 'Suggested', why: 'Why', confidence: 'Model confidence', id: 'Id' },
  noFindings: 'No inconsistencies found.',
  noVerified: 'No claims were verified.',
} as const;

export const SEVERITY_LABEL: Record<Severity, string> = { error: 'Error', warning: 'Warning', info: 'Note' };

export function originLabel(f: Finding): string {
  if (f.origin !== 'model') return WORDS.recomputed;
  return f.confirmed ? WORDS.modelConfirmed : WORDS.model;
}

export interface SectionGroup {
  section: string;
  kinds: { kind: string; title: string; findings: Finding[] }[];
}

/**
 * Findings in document order (a PDF's by page, then position), grouped by section and, within a
 * section, into runs of the same kind: a kind found again further on starts a new run, so no group
 * puts a later page before an earlier one.
 */
export function groupBySection(findings: readonly Finding[]): SectionGroup[] {
  const sections = new Map<string, Finding[]>();
  for (const f of [...findings].sort(compareFindings)) {
    const key = f.section || WORDS.beforeFirstSection;
    const list = sections.get(key) ?? [];
    list.push(f);
    sections.set(key, list);
  }
  return [...sections].map(([section, list]) => ({ section, kinds: runsOfKind(list) }));
}

function runsOfKind(list: readonly Finding[]): SectionGroup['kinds'] {
  const runs: SectionGroup['kinds'] = [];
  for (const f of list) {
    let run = runs.at(-1);
    if (run?.kind !== f.kind) runs.push((run = { kind: f.kind, title: ruleFor(f.kind)?.title ?? f.kind, findings: [] }));
    run.findings.push(f);
  }
  return runs;
}

/** The sentence a finding stands in, split around its number so a format can highlight it. */
export function sentenceParts(f: Finding): { before: string; number: string; after: string } | undefined {
  const quote = f.quote;
  if (!quote) return undefined;
  const number = (f.written ?? f.reported ?? '').replace(/\s+/g, ' ').trim();
  const at = number ? quote.indexOf(number) : -1;
  if (at < 0) return { before: quote, number: '', after: '' };
  return { before: quote.slice(0, at), number, after: quote.slice(at + number.length) };
}

function stem(uri: string): string {
  return fileName(uri).replace(/\.[^.]+$/, '').toLowerCase();
}

/** One paper of the report: a LaTeX paper with the PDFs compiled from it, or a PDF of its own. */
export interface PaperGroup {
  heading: string;
  /** Where the paper is, relative to the workspace (shown under a title). */
  path: string;
  result: CheckResult;
  compiled: CheckResult[];
}

function relativePath(uri: string, baseUri: string | undefined): string {
  const rel = baseUri && uri.startsWith(baseUri) ? uri.slice(baseUri.length).replace(/^\//, '') : fileName(uri);
  try {
    return decodeURIComponent(rel);
  } catch {
    return rel;
  }
}

/** Papers in the report: a PDF named like a LaTeX root in the results is that paper's compiled PDF. */
export function groupPapers(results: readonly CheckResult[], options: ReportOptions): PaperGroup[] {
  const isPdf = (r: CheckResult) => /\.pdf$/i.test(r.uri);
  const groups: PaperGroup[] = results.filter((r) => !isPdf(r)).map((r) => {
    const path = relativePath(r.uri, options.baseUri);
    const title = paperTitle(options.readSource?.(r.uri) ?? '');
    return { heading: title ?? path, path, result: r, compiled: [] };
  });
  for (const r of results.filter(isPdf)) {
    const named = groups.filter((g) => stem(g.result.uri) === stem(r.uri));
    const dir = (uri: string) => uri.slice(0, uri.lastIndexOf('/'));
    const source = named.find((g) => dir(g.result.uri) === dir(r.uri)) ?? named[0];
    if (source) source.compiled.push(r);
    else groups.push({ heading: relativePath(r.uri, options.baseUri), path: relativePath(r.uri, options.baseUri), result: r, compiled: [] });
  }
  // Two papers with one title are told apart by their paths.
  const shared = groups.filter((g) => g.heading !== g.path && groups.some((o) => o !== g && o.heading === g.heading));
  for (const g of shared) g.heading = `${g.heading} (${g.path})`;
  return groups;
}

/** PDFs among `all` compiled from a LaTeX paper in `chosen` (same folder and name), so a one-paper report includes them. */
export function compiledPdfsOf(chosen: readonly CheckResult[], all: readonly CheckResult[]): CheckResult[] {
  const key = (uri: string) => `${uri.slice(0, uri.lastIndexOf('/'))}/${stem(uri)}`;
  const roots = new Set(chosen.filter((r) => !/\.pdf$/i.test(r.uri)).map((r) => key(r.uri)));
  const have = new Set(chosen.map((r) => r.uri));
  return all.filter((r) => /\.pdf$/i.test(r.uri) && !have.has(r.uri) && roots.has(key(r.uri)));
}

/** Claims read by kind: the coverage when the engine gave one, else what was verified and flagged. */
export function readByKind(r: CheckResult): { kind: string; title: string; counts: KindCoverage }[] {
  const byKind = new Map<string, KindCoverage>();
  if (r.coverage) {
    for (const [kind, c] of Object.entries(r.coverage.byKind)) if (c) byKind.set(kind, { ...c });
  } else {
    const bump = (kind: string, key: 'verified' | 'flagged') => {
      const c = byKind.get(kind) ?? { read: 0, verified: 0, flagged: 0, undecided: 0 };
      c[key]++;
      c.read++;
      byKind.set(kind, c);
    };
    for (const v of r.verified) bump(v.kind, 'verified');
    for (const f of r.findings) if (f.origin !== 'model') bump(f.kind, 'flagged');
  }
  return RULES.filter((rule) => byKind.has(rule.id)).map((rule) => ({ kind: rule.id, title: rule.title, counts: byKind.get(rule.id)! }));
}

/** "12 claims read in 340 sentences and 4 tables" (the paper's size when the engine measured it). */
export function readSentence(r: CheckResult): string {
  const read = readByKind(r).reduce((n, k) => n + k.counts.read, 0);
  const size = r.coverage ? ` in ${r.coverage.sentences} sentence${r.coverage.sentences === 1 ? '' : 's'} and ${r.coverage.tables} table${r.coverage.tables === 1 ? '' : 's'}` : '';
  return `${read} claim${read === 1 ? '' : 's'} read${size}.`;
}

export function modelSentence(r: CheckResult): string {
  const m = r.modelReview;
  if (!m) return 'The model review did not run on this paper.';
  return `The model review ran on ${m.date.slice(0, 16).replace('T', ' ')} UTC with ${m.model} at ${m.host}: ${m.kept} finding${m.kept === 1 ? '' : 's'} kept, ${m.dropped} dropped.`;
}

export function hiddenSentence(r: CheckResult): string {
  const n = r.suppressedCount;
  return n ? `${n} finding${n === 1 ? '' : 's'} hidden by ignore comments in the source or the ignore list.` : 'Nothing was hidden.';
}

/** The settings line: checks turned off and the date and version a signature needs. */
export function settingsSentence(options: ReportOptions): string {
  const off = (options.checksOff ?? []).map((k) => ruleFor(k)?.title ?? k);
  return off.length ? `Checks turned off: ${off.join(', ')}.` : 'All checks were on.';
}

export function stampSentence(options: ReportOptions): string {
  const date = (options.date ?? new Date().toISOString()).slice(0, 16).replace('T', ' ');
  return `Tally ${options.toolVersion ?? '0.0.0'}, ${date} UTC.`;
}
