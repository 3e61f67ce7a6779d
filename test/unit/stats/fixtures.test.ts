// The statistics checks on the shared fixture papers: every injected 'stats' error in mutant/ is
// found as an error at its line, and the originals get no errors from these checks.

import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { checkPaper } from '../../../src/core/engine.ts';
import { STATS_CHECKS } from '../../../src/core/checks/stats/index.ts';
import type { Finding } from '../../../src/core/types.ts';

const ROOT = new URL('../../../../shared/fixtures/', import.meta.url).pathname;
const LATEX = new URL('../../../src/core/latex/index.ts', import.meta.url).pathname;
const available = existsSync(`${ROOT}manifest.json`) && existsSync(LATEX);

interface Entry {
  paper: string;
  file: string;
  line: number;
  mutant: string;
  cls: string;
}

async function statsFindings(dir: string): Promise<Finding[]> {
  const { extractLatexProject } = (await import(LATEX)) as typeof import('../../../src/core/latex/index.ts');
  return extractLatexProject(dir).flatMap((paper) => checkPaper(paper, { checks: STATS_CHECKS }).findings);
}

describe('stats checks on the fixture papers', { skip: !available && 'fixtures or LaTeX extractor not present' }, () => {
  const manifest: Entry[] = available ? JSON.parse(readFileSync(`${ROOT}manifest.json`, 'utf8')) : [];
  const papers = [...new Set(manifest.map((e) => e.paper))];

  for (const paper of papers) {
    it(`${paper}: no errors on the original`, async () => {
      const errors = (await statsFindings(`${ROOT}papers/${paper}/original`)).filter((f) => f.severity === 'error');
      assert.deepEqual(errors.map((f) => f.message), []);
    });

    const injected = manifest.filter((e) => e.paper === paper && e.cls === 'stats');
    if (injected.length === 0) continue;
    it(`${paper}: finds the injected statistics errors`, async () => {
      const errors = (await statsFindings(`${ROOT}papers/${paper}/mutant`)).filter((f) => f.severity === 'error');
      for (const e of injected) {
        const hit = errors.find((f) => f.range.uri.endsWith(e.file) && f.range.start.line + 1 === e.line && e.mutant.replace(/\\/g, '').startsWith(f.reported ?? '\u0000'));
        assert.ok(hit, `missed ${e.file}:${e.line} ${e.mutant}; found: ${errors.map((f) => `${f.range.start.line + 1} ${f.message}`).join(' | ')}`);
      }
    });
  }
});
