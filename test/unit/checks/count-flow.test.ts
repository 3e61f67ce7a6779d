// A count followed through a paragraph (start, exclusions, what is left), in our own sentences.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkCountFlows, readCountFlows } from '../../../src/core/checks/arithmetic/count-flow.ts';
import { sentencesOf } from '../../../src/core/checks/arithmetic/context.ts';
import { paper } from './helpers.ts';

const run = (s: string) => checkCountFlows(paper(s));

const CONSISTENT = [
  'We screened 240 charts. Of these, 31 were excluded as duplicates and a further nine lacked a date, leaving 200 charts for coding.',
  'Sixty-two pupils enrolled; five moved away during the term, leaving 57 in the analysis.',
  'The analysed sample was 150 farms. From an initial pool of 171 farms we removed those with no yield data (n = 15) and those that had closed (n = 6).',
  'Of 410 volunteers recruited online, we dropped the last 10 to balance the groups, ending up with a sample of 200 men and 200 women.',
  'In all, 1,250 records were retrieved. A total of 318 records were removed as duplicates, resulting in 932 records for screening.',
  'The survey was opened by 96 teachers. Out of these, 81 answered every item. Three of these teachers did not finish the second part. A further six were excluded for straight-lining. The remaining 72 teachers form our sample.',
];

test('a start less its exclusions gives the count left: verified', () => {
  for (const s of CONSISTENT) {
    const out = run(s);
    assert.equal(out.findings.length, 0, s);
    assert.equal(out.verified.length, 1, s);
  }
});

test('one count changed in the flow is flagged as a warning', () => {
  const changed = [
    CONSISTENT[0].replace('leaving 200', 'leaving 210'),
    CONSISTENT[1].replace('leaving 57', 'leaving 55'),
    CONSISTENT[2].replace('pool of 171', 'pool of 117'),
    CONSISTENT[3].replace('Of 410', 'Of 401'),
    CONSISTENT[4].replace('318 records', '381 records'),
    CONSISTENT[5].replace('remaining 72', 'remaining 75'),
  ];
  for (const s of changed) {
    const out = run(s);
    assert.equal(out.verified.length, 0, s);
    assert.deepEqual(out.findings.map((f) => f.severity), ['warning'], s);
  }
});

test('counts that are not a flow are left alone', () => {
  for (const s of [
    // Exclusions but no count left.
    'We recruited 120 adults and excluded 14 of them for missing sessions.',
    // A count left but nothing taken out.
    'We recruited 120 adults, leaving 40 slots unused in the lab calendar.',
    // The exclusions are larger than the start: another reading.
    'We recruited 12 sites; 40 patients were excluded, leaving 300 patients.',
    // Percentages only.
    'Of the cohort, 12% were excluded, leaving 88% for analysis.',
  ]) {
    const out = run(s);
    assert.deepEqual([out.findings.length, out.verified.length], [0, 0], s);
  }
});

test('the reader keeps each count as written with its role', () => {
  const p = paper(CONSISTENT[2]);
  const [c] = readCountFlows(p.text, sentencesOf(p).sentences);
  assert.deepEqual([c.start.n.text, c.excluded.map((e) => e.n.text), c.left.n.text], ['171', ['15', '6'], '150']);
});
