import assert from 'node:assert/strict';
import { test } from 'node:test';
import { coverageTotals, describeCoverage } from '../../../src/core/coverage.ts';
import { checkPaper } from '../../../src/core/engine.ts';
import { paper } from './helpers.ts';

test('coverage counts what was read, verified and flagged, by kind', () => {
  const result = checkPaper(paper('Of the 40 ponds we sampled, 10 (25%) held newts. Later 8 of 20 traps (60%) were empty.', { table: [['Site', 'Count'], ['North', '4'], ['South', '6'], ['Total', '10']] }));
  const c = result.coverage!;
  assert.equal(c.byKind.percentage?.verified, 1);
  assert.equal(c.byKind.percentage?.flagged, 1);
  assert.equal(c.byKind.percentage?.read, 2);
  assert.equal(c.tables, 1);
  assert.ok(c.sentences >= 2);
  const t = coverageTotals(c);
  assert.equal(t.read, t.verified + t.flagged + t.undecided);
  assert.match(describeCoverage(c), /read \d+ claims in \d+ sentences and 1 table/);
});

test('a paper with no claims has empty coverage, not none', () => {
  const c = checkPaper(paper('Nothing numeric is said here.')).coverage!;
  assert.deepEqual(c.byKind, {});
  assert.match(describeCoverage(c), /^read 0 claims/);
});
