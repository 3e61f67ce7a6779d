// Hiding one finding hides one finding: the line-level quick fix writes an ignore comment naming
// the finding's kind (or its id when another finding of that kind shares the line), and only that
// finding goes. A bare comment keeps hiding everything on the next line.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { checkPaper } from '../../../src/core/engine.ts';
import { extractLatex } from '../../../src/core/latex/index.ts';
import { KIND_IGNORE_LINE, codeActionsFor } from '../../../src/server/code-actions.ts';

const URI = 'file:///paper/hide.tex';
// One source line (as Pandoc writes a paragraph) holding findings of two kinds, and one holding two of one kind.
const TEXT = [
  'Intro line.',
  'Of the 40 voles, 12 (35\\%) were tagged; the fence cost 3 + 4 = 8 pounds.',
  'Of 50 shrews, 10 (25\\%) were tagged and of 20 moles, 5 (30\\%) were.',
  '',
].join('\n');

const findingsOf = (text: string) => checkPaper(extractLatex(text, URI, {})).findings;

function hide(text: string, pick: (kinds: string[]) => number, line: number): string {
  const all = findingsOf(text);
  const onLine = all.filter((f) => f.range.start.line === line);
  const target = onLine[pick(onLine.map((f) => f.kind))];
  const doc = TextDocument.create(URI, 'latex', 1, text);
  const [action] = codeActionsFor(doc, [target], [KIND_IGNORE_LINE], all);
  return TextDocument.applyEdits(doc, action.edit!.changes![URI]);
}

test('hiding one of two findings of different kinds on one line hides only that kind', () => {
  const before = findingsOf(TEXT).filter((f) => f.range.start.line === 1).map((f) => f.kind).sort();
  assert.deepEqual(before, ['arithmetic', 'percentage']);
  const edited = hide(TEXT, (kinds) => kinds.indexOf('percentage'), 1);
  assert.match(edited.split('\n')[1], /^% tally-ignore-next-line percentage$/);
  assert.deepEqual(findingsOf(edited).filter((f) => f.range.start.line === 2).map((f) => f.kind), ['arithmetic']);
});

test('two findings of one kind on a line: the comment names the id, and the other stays', () => {
  const line = 2;
  const before = findingsOf(TEXT).filter((f) => f.range.start.line === line);
  assert.equal(before.length, 2);
  const edited = hide(TEXT, () => 0, line);
  assert.match(edited.split('\n')[line], new RegExp(`^% tally-ignore-next-line ${before[0].id}$`));
  assert.deepEqual(findingsOf(edited).filter((f) => f.range.start.line === line + 1).map((f) => f.id), [before[1].id]);
  // Hiding the second adds it to the same comment (a second comment line would hide the first one's line).
  const both = hide(edited, () => 0, line + 1);
  assert.match(both.split('\n')[line], new RegExp(`^% tally-ignore-next-line ${before[0].id} (${before[1].id}|percentage)$`));
  assert.equal(findingsOf(both).filter((f) => f.range.start.line === line + 1).length, 0);
});

test('a bare comment, or one followed by a note, still hides every finding of the next line', () => {
  for (const comment of ['% tally-ignore-next-line', '% tally-ignore-next-line rounding in the source table']) {
    const lines = TEXT.split('\n');
    lines.splice(1, 0, comment);
    assert.equal(findingsOf(lines.join('\n')).filter((f) => f.range.start.line === 2).length, 0, comment);
  }
  assert.equal(findingsOf(TEXT.replace('pounds.', 'pounds. % tally-ignore arithmetic')).filter((f) => f.range.start.line === 1).map((f) => f.kind).join(), 'percentage');
});

test('the hover shows a model finding\'s explanation once, and its provenance as one line', async () => {
  const { hoverMarkdown } = await import('../../../src/server/hover.ts');
  const [f] = findingsOf(TEXT);
  const explanation = 'The share does not follow from the counts given.';
  const model = { ...f, origin: 'model' as const, confidence: 0.8, confirmed: false, message: `The claim is off. ${explanation}`, explanation };
  const text = hoverMarkdown(model);
  assert.equal(text.split(explanation).length - 1, 1);
  assert.match(text, /Found by:\*\* the model review \(model confidence 80%\), not confirmed by recomputation/);
  const own = hoverMarkdown({ ...model, message: 'The claim is off.' });
  assert.equal(own.split(explanation).length - 1, 1);
});
