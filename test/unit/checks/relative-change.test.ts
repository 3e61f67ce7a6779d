// Percent changes next to the two amounts they compare, in our own sentences.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkRelativeChanges } from '../../../src/core/checks/arithmetic/relative-change.ts';
import { paper } from './helpers.ts';

function run(text: string) {
  const out = checkRelativeChanges(paper(text));
  return { findings: out.findings.map((f) => `${f.severity}: ${f.message}`), verified: out.verified.map((v) => v.working) };
}

test('a rise against the smaller amount, a fall against the larger, in either order of mention', () => {
  assert.equal(run('Throughput rose by 25% (400 vs 320 jobs per hour).').verified.length, 1);
  assert.equal(run('Throughput rose by 25% (320 vs 400 jobs per hour).').verified.length, 1);
  assert.equal(run('Visits saw a fall of 40%, from 50 to 30 per week.').verified.length, 1);
  assert.equal(run('Our model is 8% faster (i.e. 5.40 vs 5.00 seconds).').verified.length, 1);
});

test('a wrong change next to an explicit pair is an error; "about" gets some slack', () => {
  assert.match(run('Throughput rose by 35% (400 vs 320 jobs per hour).').findings[0], /^error: 35% does not match/);
  assert.match(run('Visits saw a fall of 60%, from 50 to 30 per week.').findings[0], /^error/);
  assert.equal(run('Spending had a drop of about 50%, from 0.16 to 0.085.').verified.length, 1);
});

test('agreement only through rounding of the amounts is a warning that says so', () => {
  const r = run('The score rose by 10.0% (from 1.1 to 1.2).');
  assert.equal(r.verified.length, 0);
  assert.match(r.findings[0], /^warning: .*holds only if/);
});

test('percentage points and sentences with no clear pair are left alone', () => {
  assert.deepEqual(run('Uptake rose by 5 percentage points, from 40 to 45.').findings, []);
  assert.deepEqual(run('Across 3 sites and 12 plots with 40 traps, yield increased by 20%.').findings, []);
});
