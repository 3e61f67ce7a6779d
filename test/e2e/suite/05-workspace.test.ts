// Tally: Check Workspace checks papers, not files: the example paper with its compiled PDF is one
// paper, the multi-file project is one paper, and so is a real multi-file paper from the shared
// fixtures with its compiled PDF beside its root (its \input tables are not papers of their own).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateTally, fixtureUri, tallyClient, waitForDiagnostics } from './helpers.ts';

interface CheckFilesResult {
  checked: number;
  counts: { error: number; warning: number; info: number };
  failed: { uri: string; message: string }[];
  skipped?: string[];
}

interface JsonReport {
  papers: { heading: string; path: string; uri: string; compiledPdfs: string[] }[];
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

describe('Tally: Check Workspace', function () {
  this.timeout(300_000);

  it('checks each paper once: a root with its \\input files and its compiled PDF is one paper', async () => {
    await activateTally();
    const realPaper = await exists(fixtureUri('real-paper/manuscript.tex'));
    const result = await vscode.commands.executeCommand<CheckFilesResult>('tally.checkWorkspace');
    assert.ok(result, 'tally.checkWorkspace returned nothing');
    assert.deepEqual(result.failed, [], `papers that could not be checked: ${JSON.stringify(result.failed)}`);
    // examples/black-spatula (.tex + .pdf), multi-file, editing/fix, editing/hide, and the real paper's two roots.
    assert.equal(result.checked, realPaper ? 6 : 4, `checked ${result.checked} papers`);
    assert.ok(result.counts.error >= 3, `counts: ${JSON.stringify(result.counts)}`);
    await waitForDiagnostics(fixtureUri('multi-file/sections/results.tex'));
    // The compiled PDF is checked with its paper (tally.workspace.compiledPdfs = withPaper).
    await waitForDiagnostics(fixtureUri('examples/black-spatula.pdf'));

    const client = await tallyClient();
    const { text } = await client.sendRequest<{ text: string }>('tally/report', { format: 'json' });
    const report = JSON.parse(text) as JsonReport;
    const pdfPapers = report.papers.filter((p) => /\.pdf$/i.test(p.uri));
    assert.deepEqual(pdfPapers.map((p) => p.path), [], 'a compiled PDF was reported as a paper of its own');
    const example = report.papers.find((p) => p.uri.endsWith('/examples/black-spatula.tex'));
    assert.ok(example, JSON.stringify(report.papers.map((p) => p.path)));
    assert.deepEqual(example.compiledPdfs.map((u) => u.split('/').pop()), ['black-spatula.pdf']);
    const multi = report.papers.find((p) => p.uri.endsWith('/multi-file/main.tex'));
    assert.equal(multi?.heading, "A two-file paper for Tally's end-to-end tests", 'headings use the paper title');
    if (realPaper) {
      const manuscript = report.papers.find((p) => p.uri.endsWith('/real-paper/manuscript.tex'));
      assert.ok(manuscript, JSON.stringify(report.papers.map((p) => p.path)));
      assert.deepEqual(manuscript.compiledPdfs.map((u) => u.split('/').pop()), ['manuscript.pdf']);
      assert.ok(!report.papers.some((p) => p.uri.includes('/real-paper/tables/')), 'an \\input table became a paper');
      assert.equal(report.papers.filter((p) => p.path.startsWith('real-paper/')).length, 2, 'the manuscript and its supplement');
    }
  });
});
