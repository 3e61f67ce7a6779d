// Shared by the fixture evaluations: the manifest of injected errors and a SARIF reader.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const FIXTURES = process.env.TALLY_FIXTURES ?? resolve(REPO, '../shared/fixtures');
export const HAVE_FIXTURES = existsSync(join(FIXTURES, 'manifest.json'));

export interface InjectedError {
  paper: string;
  file: string;
  line: number;
  original: string;
  mutant: string;
  cls: 'local' | 'paragraph' | 'table' | 'stats' | 'document' | 'model';
  how: string;
  pdf_page: number | null;
}

export function manifest(): InjectedError[] {
  return JSON.parse(readFileSync(join(FIXTURES, 'manifest.json'), 'utf8')) as InjectedError[];
}

export function papers(): string[] {
  return [...new Set(manifest().map((m) => m.paper))].sort();
}

export interface SarifHit {
  ruleId: string;
  level: string;
  uri: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  page?: number;
  message: string;
}

export function sarifHits(sarifText: string): SarifHit[] {
  const log = JSON.parse(sarifText) as { version: string; runs: { results: Record<string, any>[] }[] };
  if (log.version !== '2.1.0') throw new Error(`SARIF version ${log.version}`);
  return log.runs.flatMap((run) =>
    run.results.map((r) => {
      const loc = r.locations[0].physicalLocation;
      return { ruleId: r.ruleId, level: r.level, uri: loc.artifactLocation.uri, line: loc.region.startLine, column: loc.region.startColumn, endLine: loc.region.endLine, endColumn: loc.region.endColumn, page: r.properties?.page, message: r.message.text };
    }),
  );
}

export interface Score {
  found: number;
  expected: number;
  missed: InjectedError[];
}

export function recall(s: Score): number {
  return s.expected ? s.found / s.expected : 1;
}

/**
 * Whether a hit points at the injected change: on its line and, when the changed text can be found
 * on that line, overlapping it (a line can hold several injected errors).
 */
export function pointsAt(hit: SarifHit, m: InjectedError, sourceLine: string | undefined): boolean {
  if (hit.line !== m.line) return false;
  const at = sourceLine?.indexOf(m.mutant) ?? -1;
  if (at < 0 || hit.endLine !== hit.line) return true;
  const [start, end] = [hit.column - 1, hit.endColumn - 1];
  return start < at + m.mutant.length && end > at;
}

export interface KnownRealError {
  paper: string;
  file: string;
  line: number;
  kind: string;
  why: string;
}

/** Errors the published originals really contain (found by Tally and confirmed by reading them). */
export function knownRealErrors(): KnownRealError[] {
  return JSON.parse(readFileSync(join(REPO, 'test/eval/known-real-errors.json'), 'utf8')) as KnownRealError[];
}

/** Runs the built CLI on a paper or folder, as a CI job would, and reads its SARIF. */
export function runCliSarif(path: string): SarifHit[] {
  const r = spawnSync(process.execPath, [join(REPO, 'bin/tally.js'), 'check', path, '--format', 'sarif', '--fail-on', 'never'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  assert.equal(r.status, 0, `tally exited ${r.status}: ${r.stderr}`);
  return sarifHits(r.stdout);
}
