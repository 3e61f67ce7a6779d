// A whole and the counts listed as its parts, in our own sentences.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkListedParts } from '../../../src/core/checks/arithmetic/listed-parts.ts';
import { paper, underlined } from './helpers.ts';

function run(text: string) {
  const p = paper(text);
  const out = checkListedParts(p);
  return { p, out, warned: out.findings.map((f) => underlined(p, f)), verified: out.verified.map((v) => v.working) };
}

test('parts in brackets after the whole: verified when they add up, a warning when not', () => {
  assert.deepEqual(run('We surveyed 64 hives (40 managed, 24 wild) in spring.').verified, ['40 + 24 = 64']);
  const off = run('We surveyed 64 hives (40 managed, 34 wild) in spring.');
  assert.deepEqual(off.warned, ['64']);
  assert.equal(off.out.findings[0].severity, 'warning');
  assert.equal(off.out.findings[0].recomputed, '74');
});

test('parts after a cue, with number words and descriptive statistics between them', () => {
  assert.deepEqual(run('The panel had 30 judges, of whom 18 were lawyers and twelve were not.').verified, ['18 + 12 = 30']);
  assert.deepEqual(run('A cohort of 52 pupils, comprising 20 eight-year-olds (mean = 8.4, range = 8-9) and 32 older pupils, took part.').verified, ['20 + 32 = 52']);
  assert.deepEqual(run('A cohort of 52 pupils, comprising 20 younger pupils (mean = 8.4, range = 8-9) and 22 older pupils, took part.').warned, ['52']);
});

test('named sizes in one bracket, and parts listed before "out of" the whole', () => {
  assert.deepEqual(run('The held-out set (N = 90, N_a = 50, N_b = 40) was never trained on.').verified, ['50 + 40 = 90']);
  assert.deepEqual(run('The held-out set (N = 90, N_a = 50, N_b = 45) was never trained on.').warned, ['90']);
  assert.deepEqual(run('We saw 12 failures, 3 timeouts and 5 crashes out of 20 runs.').verified, ['12 + 3 + 5 = 20']);
  assert.deepEqual(run('We saw 12 failures, 3 timeouts and 8 crashes out of 20 runs.').warned, ['20']);
});

test('"including" may name only some parts: a shortfall is not flagged, an excess is', () => {
  assert.deepEqual(run('The archive holds 80 letters, including 30 from Lyon and 20 from Turin.').warned, []);
  assert.deepEqual(run('The archive holds 80 letters, including 50 from Lyon and 40 from Turin.').warned, ['80']);
});

test('lists that are not parts of the number before them are left alone', () => {
  // Ratios, estimates in brackets, and a "whole" smaller than its supposed parts.
  assert.deepEqual(run('Chance was 25%, i.e., 1 out of 4 doors; for adults 1 out of 6 doors.').warned, []);
  assert.deepEqual(run('Group 3 (OR 1.8; 95% CI 1.2-2.6; p = 0.004) differed.').warned, []);
  assert.deepEqual(run('Within five days, among those, 120 were sold and 80 were kept.').warned, []);
  assert.deepEqual(run('Across 4 sites we counted 25 nests and 31 burrows.').warned, []);
});

test('a list of counts closed by its total after it', () => {
  const severities = (s: string) => checkListedParts(paper(s)).findings.map((f) => f.severity);
  for (const s of [
    'Reviewers sorted the notes into bugs (18 notes), ideas (25 notes) and noise (7), 50 in total.',
    'The trial ran at four clinics with 31, 22, 19 and 8 patients (N = 80).',
    'Funding went to salaries ($6,000), rent ($2,500) and travel ($1,500), a total of $10,000.',
    'Berlin, Rome and Porto sent 14, 9 and 6 teams, respectively, 29 teams altogether.',
    'The archive holds eleven diaries, twenty letters and four ledgers (35 documents in total).',
    'The two cohorts enrolled 52 and 48 children (total N = 100).',
  ]) {
    const out = checkListedParts(paper(s));
    assert.deepEqual(out.findings, [], s);
    assert.ok(out.verified.some((v) => v.working.split('+').length >= 2), s);
  }
  assert.deepEqual(severities('Reviewers sorted the notes into bugs (18 notes), ideas (25 notes) and noise (7), 52 in total.'), ['error']);
  assert.deepEqual(severities('The trial ran at four clinics with 31, 22, 19 and 8 patients (N = 84).'), ['warning']);
  assert.deepEqual(severities('Funding went to salaries ($6,000), rent ($2,500) and travel ($1,500), a total of $11,000.'), ['error']);
  assert.deepEqual(severities('Berlin, Rome and Porto sent 14, 9 and 6 teams, respectively, 30 teams altogether.'), ['error']);
  assert.deepEqual(severities('The archive holds eleven diaries, twenty letters and four ledgers (36 documents in total).'), ['error']);
  assert.deepEqual(severities('The two cohorts enrolled 52 and 48 children (total N = 104).'), ['error']);
});

test('a number after a list that is not its total stays silent', () => {
  for (const s of [
    'Latencies were 410, 390 and 455 ms (N = 1100 trials).',
    'The groups scored 14, 16 and 19 points on average (N = 45).',
    'We ran 4, 6 and 8 epochs, 20 runs in total.',
    'The labs tested 20 and 25 infants, respectively (N = 50 planned).',
    'Each of the 10, 12 and 20 item forms went to all 70 pupils in total.',
  ]) {
    assert.deepEqual(checkListedParts(paper(s)).findings, [], s);
  }
});
