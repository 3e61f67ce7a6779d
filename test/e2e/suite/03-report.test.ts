// The verification report: the webview panel opens with the paper's findings, and the report
// exports as valid SARIF 2.1.0.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateTally, fixtureUri, lineOf, tallyClient, testState, waitForDiagnostics } from './helpers.ts';

interface SarifLog {
  version: string;
  $schema?: string;
  runs: {
    tool: { driver: { name: string; rules?: { id: string }[] } };
    results: {
      ruleId: string;
      level: string;
      message: { text: string };
      locations: { physicalLocation: { artifactLocation: { uri: string }; region?: { startLine: number } } }[];
    }[];
  }[];
}

function validateSarif(text: string): SarifLog {
  const sarif = JSON.parse(text) as SarifLog;
  assert.equal(sarif.version, '2.1.0');
  assert.ok(Array.isArray(sarif.runs) && sarif.runs.length >= 1, 'no runs');
  const run = sarif.runs[0];
  assert.ok(run.tool?.driver?.name, 'no tool.driver.name');
  assert.ok(run.results.length > 0, 'runs[0].results is empty');
  for (const r of run.results) {
    assert.ok(r.ruleId, `a result without ruleId: ${JSON.stringify(r)}`);
    assert.ok(['error', 'warning', 'note', 'none'].includes(r.level), `bad level ${r.level}`);
    assert.ok(r.message?.text, 'a result without message.text');
    assert.ok(r.locations?.length, `a result without locations: ${JSON.stringify(r)}`);
    assert.ok(r.locations[0].physicalLocation?.artifactLocation?.uri, 'a location without artifactLocation.uri');
  }
  return sarif;
}

describe('verification report', function () {
  this.timeout(120_000);
  const tex = () => fixtureUri('examples/black-spatula.tex');

  before(async () => {
    const document = await vscode.workspace.openTextDocument(tex());
    await vscode.window.showTextDocument(document);
    await activateTally();
    const line = lineOf(document, '42{,}000');
    await waitForDiagnostics(tex(), (ds) => ds.some((d) => d.range.start.line === line));
  });

  it('tally.generateReport opens the report panel with the paper\'s findings', async () => {
    const result = await vscode.commands.executeCommand<{ uris: string[]; results: number }>('tally.generateReport', tex());
    assert.ok(result, 'tally.generateReport returned nothing');
    assert.ok(result.results >= 1, `the report shows ${result.results} results`);
    const state = await testState();
    assert.equal(state.reportOpen, true);
    assert.ok(state.reportResults >= 1);
  });

  it('the language server renders a valid SARIF 2.1.0 report', async () => {
    const client = await tallyClient();
    const { text } = await client.sendRequest<{ text: string }>('tally/report', { uris: [tex().toString()], format: 'sarif' });
    const sarif = validateSarif(text);
    const result = sarif.runs[0].results.find((r) => r.ruleId === 'unit-conversion');
    assert.ok(result, `no unit-conversion result: ${sarif.runs[0].results.map((r) => r.ruleId).join(', ')}`);
    assert.equal(result.level, 'error');
    assert.match(result.locations[0].physicalLocation.artifactLocation.uri, /black-spatula\.tex$/);
  });

  it('tally.exportReport writes a valid SARIF file to a given URI', async () => {
    const commands = await vscode.commands.getCommands(true);
    assert.ok(commands.includes('tally.exportReport'), 'the extension has no tally.exportReport command (format, target URI) yet');
    const target = fixtureUri('black-spatula.tally-report.sarif');
    await vscode.commands.executeCommand('tally.exportReport', 'sarif', target, tex());
    const bytes = await vscode.workspace.fs.readFile(target);
    validateSarif(new TextDecoder().decode(bytes));
  });
});
