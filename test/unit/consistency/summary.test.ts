import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkSummaryAgainstBody } from '../../../src/core/checks/consistency/summary.ts';
import { sectioned } from './helpers.ts';

const underlined = (p: { text: string }, f: { span: { start: number; end: number } }) => p.text.slice(f.span.start, f.span.end);

test('abstract count against the sample the body states', () => {
  const p = (abstractCount: string) =>
    sectioned({ heading: 'Abstract' }, `We surveyed ${abstractCount} farmers about irrigation choices.`, { heading: 'Methods' }, 'After cleaning, the final sample comprised 188 farmers from four districts.');
  const bad = checkSummaryAgainstBody(p('196'));
  assert.equal(bad.findings.length, 1);
  const f = bad.findings[0];
  assert.equal(f.severity, 'warning');
  assert.equal(f.kind, 'summary-consistency');
  assert.match(f.message, /196 farmers here \(the abstract/);
  assert.match(f.message, /188 farmers in Methods \(line \d+\)/);
  assert.equal(f.related?.[0].message, '188 farmers here');
  assert.equal(checkSummaryAgainstBody(p('188')).findings.length, 0);
});

test('abstract count: a count the body prints anywhere, a sum of its parts, or another study design is no contradiction', () => {
  // The body prints the abstract's number as the number invited: a different time point, not a contradiction.
  const invited = sectioned({ heading: 'Abstract' }, 'We invited 240 farmers.', { heading: 'Methods' }, 'Of the 240 farmers invited, the final sample comprised 188 farmers.');
  assert.equal(checkSummaryAgainstBody(invited).findings.length, 0);
  // The abstract adds up the body's sites.
  const summed = sectioned({ heading: 'Abstract' }, 'Across both regions we sampled 57 farmers.', { heading: 'Methods' }, 'In the north the final sample was 31 farmers; in the south we recruited 26 farmers.');
  assert.equal(checkSummaryAgainstBody(summed).findings.length, 0);
  // Several studies: the abstract may give the total or one study's count.
  const studies = sectioned({ heading: 'Abstract' }, 'We surveyed 300 farmers.', { heading: 'Study 1' }, 'The final sample comprised 188 farmers.', { heading: 'Study 2' }, 'The final sample comprised 120 farmers.');
  assert.equal(checkSummaryAgainstBody(studies).findings.length, 0);
  // A bound is not a count to compare.
  const bound = sectioned({ heading: 'Abstract' }, 'We surveyed more than 150 farmers.', { heading: 'Methods' }, 'The final sample comprised 188 farmers.');
  assert.equal(checkSummaryAgainstBody(bound).findings.length, 0);
});

test('rounding counts: a count in full and the same count in millions agree', () => {
  const p = sectioned({ heading: 'Abstract' }, 'The archive holds 1.2 million records from 40 stations.', { heading: 'Data' }, 'In total the archive holds 1,234,567 records; we retained 40 stations.');
  assert.equal(checkSummaryAgainstBody(p).findings.length, 0);
});

test('abstract value for a named row and column of a results table', () => {
  const table = { table: [['Method', 'Precision', 'Recall'], ['GraphSieve', '0.81', '0.74'], ['Baseline', '0.70', '0.69']] };
  const bad = sectioned({ heading: 'Abstract' }, 'GraphSieve reaches a recall of 0.79 on the held-out split.', { heading: 'Results' }, table);
  const out = checkSummaryAgainstBody(bad);
  assert.equal(out.findings.length, 1);
  assert.equal(underlined(bad, out.findings[0]), '0.79');
  assert.match(out.findings[0].message, /0\.74/);
  const good = sectioned({ heading: 'Abstract' }, 'GraphSieve reaches a recall of 0.74 on the held-out split.', { heading: 'Results' }, table);
  assert.equal(checkSummaryAgainstBody(good).findings.length, 0);
  // A gain over the baseline is a comparison, not the cell.
  const gain = sectioned({ heading: 'Abstract' }, 'GraphSieve improves recall by 0.05 over the baseline.', { heading: 'Results' }, table);
  assert.equal(checkSummaryAgainstBody(gain).findings.length, 0);
});

test('range of ratios in the abstract whose top the body never reaches', () => {
  const table = { table: [['Input', 'Speed-up'], ['small', '1.8x'], ['medium', '3.1x'], ['large', '4.6x']] };
  const bad = sectioned({ heading: 'Abstract' }, 'The new scheduler is 1.8x to 7.5x faster than the stock one.', { heading: 'Evaluation' }, table);
  const out = checkSummaryAgainstBody(bad);
  assert.equal(out.findings.length, 1);
  assert.equal(underlined(bad, out.findings[0]), '7.5');
  assert.match(out.findings[0].message, /4\.6/);
  const good = sectioned({ heading: 'Abstract' }, 'The new scheduler is 1.8x to 4.6x faster than the stock one.', { heading: 'Evaluation' }, table);
  assert.equal(checkSummaryAgainstBody(good).findings.length, 0);
  // The conclusion is a summary too.
  const conclusion = sectioned({ heading: 'Evaluation' }, table, { heading: 'Conclusion' }, 'Speed-ups reach up to 9x on large inputs.');
  assert.equal(checkSummaryAgainstBody(conclusion).findings.length, 1);
});
