// Hiding a finding from the viewer, the report or a PDF problem's "hide" row: the server writes a
// readable entry (id, kind, claim, the sentence, file, line or page, date) to the paper's
// .tally-ignore.json and re-checks. Undo (tally.unhideFinding) takes the entry out again.

import * as vscode from 'vscode';
import type { Finding } from '../core/types.ts';
import { IGNORE_ID_COMMAND, UNIGNORE_ID_COMMAND } from '../shared/protocol.ts';
import type { IgnoreIdParams, UnignoreIdParams, UnignoreIdResult } from '../shared/protocol.ts';

/** The command the Undo button of "Hidden: …" runs, with UnignoreIdParams. */
export const UNHIDE_COMMAND = 'tally.unhideFinding';

export function ignoreParamsFor(finding: Finding): IgnoreIdParams {
  return { id: finding.id, uri: finding.range.uri, kind: finding.kind, claim: finding.claim, sentence: finding.quote, range: finding.range };
}

/** Hides the finding; false when it could not be (the server has told the user why). */
export async function hideFinding(finding: Finding): Promise<boolean> {
  try {
    const written = (await vscode.commands.executeCommand(IGNORE_ID_COMMAND, ignoreParamsFor(finding))) as { file?: string } | undefined;
    return !!written?.file;
  } catch (e) {
    void vscode.window.showErrorMessage(`Tally could not hide the finding: ${(e as Error).message}`);
    return false;
  }
}

/** The claim as a toast can show it: one line, at most `max` characters. */
export function shortClaim(finding: Pick<Finding, 'claim' | 'kind'>, max = 60): string {
  const claim = (finding.claim ?? '').replace(/\s+/g, ' ').trim() || finding.kind;
  return claim.length > max ? `${claim.slice(0, max - 1)}…` : claim;
}

/** Hides the finding and says so with an Undo, which is what makes hiding by one click harmless. */
export async function hideWithUndo(finding: Finding): Promise<boolean> {
  if (!(await hideFinding(finding))) return false;
  const where = finding.range.page !== undefined ? ` (page ${finding.range.page})` : '';
  const undo: UnignoreIdParams = { id: finding.id, uri: finding.range.uri };
  void vscode.window.showInformationMessage(`Hidden: ${shortClaim(finding)}${where}`, 'Undo').then((choice) => {
    if (choice === 'Undo') void vscode.commands.executeCommand(UNHIDE_COMMAND, undo);
  });
  return true;
}

/** Takes the finding off the paper's ignore list again; true when it was on it. */
export async function unhideFinding(params: UnignoreIdParams | undefined): Promise<boolean> {
  if (!params?.id || !params.uri) return false;
  try {
    const result = (await vscode.commands.executeCommand(UNIGNORE_ID_COMMAND, params)) as UnignoreIdResult | undefined;
    if (result && !result.removed) void vscode.window.showInformationMessage('Tally: that finding is not on the ignore list any more; nothing changed.');
    return !!result?.removed;
  } catch (e) {
    void vscode.window.showErrorMessage(`Tally could not show the finding again: ${(e as Error).message}`);
    return false;
  }
}
