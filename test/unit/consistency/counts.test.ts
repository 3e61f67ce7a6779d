import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkBreakdowns } from '../../../src/core/checks/consistency/breakdowns.ts';
import { checkPerUnitMeans } from '../../../src/core/checks/consistency/per-unit-mean.ts';
import { checkSameCounts } from '../../../src/core/checks/consistency/same-count.ts';
import { checkSampleFlow } from '../../../src/core/checks/consistency/sample-flow.ts';
import { sectioned } from './helpers.ts';

const underlined = (p: { text: string }, f: { span: { start: number; end: number } }) => p.text.slice(f.span.start, f.span.end);

test('sample flow: enrolled minus dropped must leave the analysed sample', () => {
  const p = sectioned({ heading: 'Sample' }, 'We enrolled forty-two nurses from two wards. Five nurses were excluded because their shift logs were incomplete.', 'The analysed sample comprised 35 nurses.');
  const out = checkSampleFlow(p);
  assert.equal(out.findings.length, 1);
  const f = out.findings[0];
  assert.equal(f.severity, 'warning');
  assert.equal(underlined(p, f), 'Five');
  assert.match(f.message, /forty-two/);
  assert.match(f.message, /35/);
  assert.equal(f.related?.length, 2);
  assert.ok(f.related?.every((r) => r.message));
});

test('sample flow: consistent flows, several exclusion reasons and elided nouns are verified', () => {
  const ok = sectioned({ heading: 'Sample' }, 'We enrolled 42 nurses. Five nurses were excluded for missing logs.', 'The analysed sample comprised 37 nurses.');
  assert.equal(checkSampleFlow(ok).findings.length, 0);
  assert.equal(checkSampleFlow(ok).verified.length, 1);
  const two = sectioned({ heading: 'Sample' }, 'In total 210 respondents opened the survey. We removed 12 respondents who failed a check, and 8 (3.8%) that finished in under two minutes.', 'The final sample was 190 respondents.');
  assert.equal(checkSampleFlow(two).findings.length, 0);
  assert.equal(checkSampleFlow(two).verified.length, 1);
});

test('sample flow: subsets and later time points are not a flow', () => {
  // Recruited then completed, with no exclusion told: a completion count is not a contradiction.
  const completed = sectioned({ heading: 'Sample' }, 'We recruited 56 parents, and 55 parents completed the follow-up.', 'The final sample was 55 parents.');
  assert.equal(checkSampleFlow(completed).findings.length, 0);
  // An exclusion told after the final sample (from one analysis only) does not enter the flow.
  const later = sectioned({ heading: 'Sample' }, 'We recruited 40 adults. The final sample consisted of 40 adults.', 'Two adults were excluded from the reaction-time analysis only.');
  assert.equal(checkSampleFlow(later).findings.length, 0);
  // Different sections are different stories.
  const apart = sectioned({ heading: 'Pilot' }, 'We recruited 20 pupils and excluded 3 pupils.', { heading: 'Main study' }, 'The final sample was 120 pupils.');
  assert.equal(checkSampleFlow(apart).findings.length, 0);
});

test('breakdown: women and men against the sample stated before', () => {
  const bad = sectioned({ heading: 'Participants' }, 'Eighty-one adults took part.', 'The sample included 42 women and 40 men, aged 19 to 64.');
  const out = checkBreakdowns(bad);
  assert.equal(out.findings.length, 1);
  assert.match(out.findings[0].message, /42 \+ 40/);
  assert.match(out.findings[0].message, /Eighty-one/);
  const good = sectioned({ heading: 'Participants' }, 'Eighty-one adults took part.', 'The sample included 41 women and 40 men.');
  assert.equal(checkBreakdowns(good).findings.length, 0);
  assert.equal(checkBreakdowns(good).verified.length, 1);
  // Parts that fall short: some people did not state their sex, which is no contradiction.
  const short = sectioned({ heading: 'Participants' }, 'Eighty-one adults took part.', 'The sample included 40 women and 39 men.');
  assert.equal(checkBreakdowns(short).findings.length, 0);
  // The breakdown of one group is not the breakdown of the sample.
  const group = sectioned({ heading: 'Participants' }, 'Eighty-one adults took part. The control group had 52 women and 39 men.');
  assert.equal(checkBreakdowns(group).findings.length, 0);
});

test('breakdown: subgroup sizes listed together against a total N stated in an earlier subsection', () => {
  const p = (a: string, b: string) =>
    sectioned({ heading: 'Data' }, 'Over ten weeks the loggers produced many records (total N = 2,480).', { heading: 'Procedure' }, `Records split evenly between dry days (n = ${a}) and wet days (n = ${b}).`);
  const bad = checkBreakdowns(p('1,230', '1,240'));
  assert.equal(bad.findings.length, 1);
  assert.match(bad.findings[0].message, /2,480/);
  assert.equal(checkBreakdowns(p('1,240', '1,240')).findings.length, 0);
  // Subgroups far from the total are a selection, not a breakdown of it.
  assert.equal(checkBreakdowns(p('300', '410')).findings.length, 0);
});

test('per-unit mean: the total over the number of participants gives the mean', () => {
  const p = (m: string) => sectioned({ heading: 'Participants' }, 'We recruited 40 volunteers through a campus mailing list.', `On average there were many diary entries per participant (M = ${m}, SD = 4.1, total N = 1,010).`);
  const bad = checkPerUnitMeans(p('26.25'));
  assert.equal(bad.findings.length, 1);
  assert.match(bad.findings[0].message, /25\.25/);
  assert.equal(checkPerUnitMeans(p('25.25')).findings.length, 0);
  assert.equal(checkPerUnitMeans(p('25.3')).findings.length, 0);
});

test('same set counted twice: the whole set restated with another value', () => {
  const p = (n: string) => sectioned({ heading: 'Methods' }, 'We conducted semi-structured talks; the 24 interviews were transcribed verbatim.', { heading: 'Results' }, `Across all ${n} interviews, three themes emerged.`);
  const bad = checkSameCounts(p('26'));
  assert.equal(bad.findings.length, 1);
  assert.match(bad.findings[0].message, /26 interviews here; 24 interviews in Methods \(line \d+\)/);
  assert.equal(checkSameCounts(p('24')).findings.length, 0);
  // Narrowed sets, flow stages and different studies are not the same set.
  const narrowed = sectioned({ heading: 'Methods' }, 'The 24 interviews were transcribed.', { heading: 'Results' }, 'The 9 interviews with managers were longer.');
  assert.equal(checkSameCounts(narrowed).findings.length, 0);
  const staged = sectioned({ heading: 'Methods' }, 'The 30 participants were recruited online.', { heading: 'Results' }, 'The 26 participants in the final sample were older.');
  assert.equal(checkSameCounts(staged).findings.length, 0);
  const studies = sectioned({ heading: 'Study 1' }, 'The 24 interviews were transcribed.', { heading: 'Study 2' }, 'The 30 interviews were transcribed.');
  assert.equal(checkSameCounts(studies).findings.length, 0);
});
