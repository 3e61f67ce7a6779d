import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkPaper } from '../../../src/core/engine.ts';
import { CONSISTENCY_CHECKS } from '../../../src/core/checks/consistency/index.ts';
import { renderSarif } from '../../../src/core/report/sarif.ts';
import { toDiagnostic } from '../../../src/server/diagnostics.ts';
import { sectioned } from './helpers.ts';

const PAPER = sectioned({ heading: 'Abstract' }, 'We interviewed 31 midwives.', { heading: 'Methods' }, 'The final sample comprised 29 midwives from three hospitals.');

test('a consistency finding links both places: SARIF relatedLocations and LSP relatedInformation carry what stands there', () => {
  const result = checkPaper(PAPER, { checks: CONSISTENCY_CHECKS });
  assert.equal(result.findings.length, 1);
  const f = result.findings[0];
  assert.equal(f.related.length, 1);
  assert.equal(f.related[0].message, '29 midwives here');
  assert.equal(f.related[0].start.line, 6);

  const sarif = JSON.parse(renderSarif([result]));
  const related = sarif.runs[0].results[0].relatedLocations;
  assert.equal(related.length, 1);
  assert.equal(related[0].message.text, '29 midwives here');
  assert.equal(related[0].physicalLocation.region.startLine, 7);

  const diagnostic = toDiagnostic(f);
  assert.equal(diagnostic.relatedInformation?.length, 1);
  assert.equal(diagnostic.relatedInformation?.[0].message, '29 midwives here');
  assert.equal(diagnostic.relatedInformation?.[0].location.range.start.line, 6);
});

test('related places without a message (the operands of an arithmetic finding) stay out of relatedInformation', () => {
  const result = checkPaper(PAPER, { checks: CONSISTENCY_CHECKS });
  const f = { ...result.findings[0], related: result.findings[0].related.map(({ message: _message, ...range }) => range) };
  assert.equal(toDiagnostic(f).relatedInformation, undefined);
  const sarif = JSON.parse(renderSarif([{ ...result, findings: [f] }]));
  assert.equal(sarif.runs[0].results[0].relatedLocations[0].message, undefined);
});
