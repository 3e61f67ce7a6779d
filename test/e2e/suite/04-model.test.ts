// The model review against a local fake OpenAI-compatible server (test/helpers/fake-openai-server.ts,
// on 127.0.0.1 inside the extension host): a finding the model reports shows as a "Tally (model)"
// diagnostic. The request goes through the extension's language client, as Tally: Review Document
// with Model sends it after the key prompt and the consent dialog (which a test cannot answer).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { findingsReply, startFakeOpenAIServer, type FakeOpenAIServer } from '../../helpers/fake-openai-server.ts';
import { activateTally, describeDiagnostics, fixtureUri, tallyClient, waitForDiagnostics } from './helpers.ts';

const QUOTE = 'We bought 40 black plastic kitchen utensils from six retailers.';

describe('model review (fake OpenAI server)', function () {
  this.timeout(120_000);
  const tex = () => fixtureUri('examples/black-spatula.tex');
  let server: FakeOpenAIServer;

  before(async () => {
    server = await startFakeOpenAIServer();
    // Answer with the finding only for the section that contains the quote.
    server.setFallback((req) =>
      req.rawBody.includes('We bought 40 black plastic')
        ? findingsReply([
            {
              quote: QUOTE,
              kind: 'arithmetic',
              explanation: 'The paper never says how the 40 utensils were split across the six retailers.',
              expression: null,
              reported: '40',
              corrected: null,
              confidence: 0.4,
            },
          ])
        : findingsReply([]),
    );
    const document = await vscode.workspace.openTextDocument(tex());
    await vscode.window.showTextDocument(document);
    await activateTally();
  });

  after(async () => {
    await server?.close();
  });

  it('shows a model finding as a diagnostic', async () => {
    const client = await tallyClient();
    const model = { enabled: true, baseUrl: server.baseURL, model: 'fake-model' };
    const result = await client.sendRequest<{ findings: number; notes: { level: string; message: string }[] }>('tally/review', {
      uri: tex().toString(),
      model,
      apiKey: 'sk-test-not-a-real-key',
      token: 'e2e-model-review',
    });
    assert.ok(server.chatRequests.length >= 1, 'the fake server got no chat completion request');
    assert.equal(result.findings, 1, `notes: ${JSON.stringify(result.notes)}`);
    const diagnostics = await waitForDiagnostics(tex(), (ds) => ds.some((d) => d.source === 'Tally (model)'));
    const d = diagnostics.find((x) => x.source === 'Tally (model)')!;
    assert.match(d.message, /\[model\]/, describeDiagnostics([d]));
    assert.equal(d.severity, vscode.DiagnosticSeverity.Warning, describeDiagnostics([d]));
    const request = server.chatRequests[0];
    assert.equal(request.headers.authorization, 'Bearer sk-test-not-a-real-key');
  });
});
