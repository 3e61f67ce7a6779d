import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildLedger, ledgerFor, query } from '../../../src/core/ledger/index.ts';
import { sectioned } from './helpers.ts';

const PAPER = sectioned(
  { heading: 'Abstract' },
  'Across 3 clinics we followed 212 patients; readmissions fell by 14.5% and the new triage was 2.3x faster.',
  { heading: 'Methods' },
  'Forty-two nurses were recruited in 2021. We removed 5 nurses for missing logs, and 2 (4.8%) who changed wards.',
  'The final sample comprised 35 nurses (N = 35). Arrivals split into day shifts (n = 20) and night shifts (n = 15).',
  { table: [['Ward', 'Beds', 'Occupancy'], ['Cardiology', '24', '81%'], ['Oncology', '18', '93%']], caption: 'Table 1: wards.' },
  { heading: 'Study 2' },
  'We recruited 60 more nurses.',
);

test('ledger: each number with its noun, unit, role, flow stages and place', () => {
  const l = buildLedger(PAPER);
  const find = (text: string) => l.entries.find((e) => e.number.text === text)!;
  assert.deepEqual([find('212').role, find('212').noun, find('212').place], ['count', 'patients', 'abstract']);
  assert.deepEqual([find('14.5%').role, find('14.5%').unit], ['share', '%']);
  assert.deepEqual([find('2.3').role, find('2.3').unit], ['ratio', 'x']);
  // Counts written as words, and the year beside them left out.
  assert.deepEqual([find('Forty-two').number.value, find('Forty-two').noun, find('Forty-two').stages], [42, 'nurses', ['recruited']]);
  assert.equal(l.entries.some((e) => e.number.text === '2021'), false);
  // "and 2 (4.8%) who ...": the noun is left unsaid and the exclusion carries over.
  assert.deepEqual([find('2').role, find('2').noun, find('2').stages.includes('excluded')], ['count', 'nurses', true]);
  assert.ok(find('35').stages.includes('final'));
  assert.deepEqual([find('20').noun, find('20').entity], ['subsample', 'day shifts']);
  assert.equal(l.entries.find((e) => e.number.text === '35' && e.noun === 'sample')?.role, 'count');
  assert.equal(find('60').study, 'study 2');
  assert.equal(find('212').study, '');
});

test('ledger: table cells carry their row and column labels', () => {
  const cell = buildLedger(PAPER).entries.find((e) => e.number.text === '93%')!;
  assert.equal(cell.place, 'table');
  assert.deepEqual(cell.cell, { table: 0, row: 2, column: 2, rowLabel: 'Oncology', columnLabel: 'Occupancy' });
});

test('ledger: queried by role, noun, place and stage; built once per paper', () => {
  const l = ledgerFor(PAPER);
  assert.equal(ledgerFor(PAPER), l);
  assert.deepEqual(query(l, { role: 'count', noun: 'nurses', stage: 'final' }).map((e) => e.number.text), ['35']);
  assert.deepEqual(query(l, { place: 'abstract', role: ['share', 'ratio'] }).map((e) => e.number.text), ['14.5%', '2.3']);
  assert.deepEqual(query(l, { noun: (n) => n === 'subsample' }).map((e) => e.entity), ['day shifts', 'night shifts']);
});
