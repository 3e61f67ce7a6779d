// Hiding a finding from the viewer or the report: the server writes a readable entry (id, kind,
// claim, the sentence, file, line or page, date) to the paper's .tally-ignore.json and re-checks.

import * as vscode from 'vscode';
import type { Finding } from '../core/types.ts';
import { IGNORE_ID_COMMAND } from '../shared/protocol.ts';
import type { IgnoreIdParams } from '../shared/protocol.ts';

export function ignoreParamsFor(finding: Finding): IgnoreIdParams {
  return { id: finding.id, uri: finding.range.uri, kind: finding.kind, claim: finding.claim, sentence: finding.quote, range: finding.range };
}

export async function hideFinding(finding: Finding): Promise<void> {
  try {
    await vscode.commands.executeCommand(IGNORE_ID_COMMAND, ignoreParamsFor(finding));
  } catch (e) {
    void vscode.window.showErrorMessage(`Tally could not hide the finding: ${(e as Error).message}`);
  }
}
