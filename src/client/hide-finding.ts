// Hiding a finding from the viewer, the report or a PDF problem's "hide" row: the server writes a
// readable entry (id, kind, claim, the sentence, file, line or page, date) to the paper's
// .tally-ignore.json and re-checks. Undo (tally.unhideFinding) takes the entry out again.

import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { Finding } from '../core/types.ts';
import { IGNORE_ID_COMMAND, ResultsRequest, UNIGNORE_ID_COMMAND } from '../shared/protocol.ts';
import type { IgnoreIdParams, UnignoreIdParams, UnignoreIdResult } from '../shared/protocol.ts';
import { sendRequest } from './rpc.ts';

/** A finding named by its id and a file of its paper (what a Problems row or a toast button carries). */
export type FindingRef = UnignoreIdParams;

/** The command the Hide button of "Hide …?" runs, with a FindingRef. */
export const HIDE_COMMAND = 'tally.hideFinding';
/** The command the Undo button of "Hidden: …" runs, with a FindingRef. */
export const UNHIDE_COMMAND = 'tally.unhideFinding';

/** The finding as the server has it now; undefined when the paper no longer has it (a stale row). */
export async function currentFinding(client: LanguageClient, ref: FindingRef): Promise<Finding | undefined> {
  const results = await sendRequest(client, ResultsRequest, { uris: [ref.uri] });
  return results.results.flatMap((r) => r.findings).find((f) => f.id === ref.id);
}

export function sayStale(uri: string): void {
  void vscode.window.showInformationMessage(`Tally: this row is out of date: ${uri.replace(/[?#].*$/, '').split('/').pop()} no longer has that finding. Nothing was hidden.`);
}

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
  const undo: FindingRef = { id: finding.id, uri: finding.range.uri };
  void vscode.window.showInformationMessage(`Hidden: ${shortClaim(finding)}${where}`, 'Undo').then((choice) => {
    if (choice === 'Undo') void vscode.commands.executeCommand(UNHIDE_COMMAND, undo);
  });
  return true;
}

/**
 * Asks before hiding, for a row opened as a preview: a click, or the arrow keys walking the Problems
 * list (which open every row they pass, so hiding there at once would hide each finding walked past).
 */
export function offerToHide(finding: Finding): void {
  const where = finding.range.page !== undefined ? ` (page ${finding.range.page})` : '';
  const ref: FindingRef = { id: finding.id, uri: finding.range.uri };
  void vscode.window.showInformationMessage(`Hide ${shortClaim(finding)}${where}? (Enter or a double-click on the row hides at once.)`, 'Hide').then((choice) => {
    if (choice === 'Hide') void vscode.commands.executeCommand(HIDE_COMMAND, ref);
  });
}

/** Hides the finding a row or a toast names, if the paper still has it (else says the row is stale). */
export async function hideById(client: LanguageClient | undefined, ref: FindingRef | undefined): Promise<boolean> {
  if (!client || !ref?.id || !ref.uri) return false;
  const finding = await currentFinding(client, ref);
  if (finding) return hideWithUndo(finding);
  sayStale(ref.uri);
  return false;
}

/** Takes the finding off the paper's ignore list again; true when it was on it. */
export async function unhideFinding(params: FindingRef | undefined): Promise<boolean> {
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
