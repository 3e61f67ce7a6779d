// Tally: Set API Key and Tally: Review Document with Model. The key stays in SecretStorage and
// travels to the server with each review request only. Before the first request for a workspace
// the user sees what would be sent where, and agrees once.

import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { untrustedSafeModelSettings } from '../core/model/config.ts';
import type { ModelSettings } from '../core/model/config.ts';
import { CancelReviewNotification, PlanReviewRequest, ProgressNotification, ReviewRequest } from '../shared/protocol.ts';
import type { ReviewResult } from '../shared/protocol.ts';
import { sendRequest } from './rpc.ts';

export const API_KEY_SECRET = 'tally.model.apiKey';
const CONSENT_KEY = 'tally.model.consent';

/** `tally.model.*` with workspace-level values dropped in an untrusted workspace. */
export function modelSettings(log: vscode.LogOutputChannel): ModelSettings {
  const config = vscode.workspace.getConfiguration('tally.model');
  const keys = ['enabled', 'baseUrl', 'name', 'reasoningEffort', 'timeoutSeconds', 'contextBudgetTokens', 'maxOutputTokens'] as const;
  const user: Record<string, unknown> = {};
  const workspace: Record<string, unknown> = {};
  for (const key of keys) {
    const i = config.inspect(key);
    // `tally.model.name` is the model; the engine calls it `model`.
    const target = key === 'name' ? 'model' : key;
    if (i?.globalValue !== undefined) user[target] = i.globalValue;
    const ws = i?.workspaceFolderValue ?? i?.workspaceValue;
    if (ws !== undefined) workspace[target] = ws;
  }
  const { settings, ignored } = untrustedSafeModelSettings(workspace, user, vscode.workspace.isTrusted);
  if (ignored.length) log.warn(`Model settings ignored: ${ignored.join('; ')}`);
  return settings;
}

export async function setApiKey(context: vscode.ExtensionContext): Promise<void> {
  const key = await vscode.window.showInputBox({
    title: 'Tally: API key for the model review',
    prompt: 'Stored in VS Code\'s secret storage, sent only to the configured tally.model.baseUrl. Leave empty to remove it.',
    password: true,
    ignoreFocusOut: true,
  });
  if (key === undefined) return;
  if (key.trim()) {
    await context.secrets.store(API_KEY_SECRET, key.trim());
    void vscode.window.showInformationMessage('Tally: API key saved in secret storage.');
  } else {
    await context.secrets.delete(API_KEY_SECRET);
    void vscode.window.showInformationMessage('Tally: API key removed.');
  }
}

type ProgressHandlers = Map<string, (message: string, percent?: number) => void>;

export async function reviewWithModel(
  context: vscode.ExtensionContext,
  client: LanguageClient,
  uri: vscode.Uri | undefined,
  progressHandlers: ProgressHandlers,
  log: vscode.LogOutputChannel,
): Promise<void> {
  if (!uri) {
    void vscode.window.showWarningMessage('Tally: open a .tex or .pdf file to review.');
    return;
  }
  let settings = modelSettings(log);
  if (settings.enabled !== true) {
    const choice = await vscode.window.showInformationMessage(
      'The model review is off: it sends the paper\'s text to a model provider. Turn it on (user setting tally.model.enabled)?',
      { modal: true },
      'Turn On',
    );
    if (choice !== 'Turn On') return;
    await vscode.workspace.getConfiguration('tally.model').update('enabled', true, vscode.ConfigurationTarget.Global);
    settings = { ...modelSettings(log), enabled: true };
  }
  let apiKey = await context.secrets.get(API_KEY_SECRET);
  if (!apiKey) {
    await setApiKey(context);
    apiKey = await context.secrets.get(API_KEY_SECRET);
    if (!apiKey) return;
  }
  const cacheDir = vscode.Uri.joinPath(context.globalStorageUri, 'model-cache').fsPath;
  const plan = await sendRequest(client, PlanReviewRequest, { uri: uri.toString(), model: settings, cacheDir });
  const consentFor = `${plan.host} ${plan.model}`;
  if (context.workspaceState.get<string>(CONSENT_KEY) !== consentFor) {
    const how = plan.mode === 'whole' ? 'the whole paper, in one request,' : `the text of ${plan.sections.length} section(s) of this paper, each with a digest of the rest,`;
    const detail = [
      `Tally will send ${how} to ${plan.host} (model ${plan.model}).`,
      `About ${plan.totalChars.toLocaleString()} characters, ~${plan.estTokens.toLocaleString()} input tokens in ${plan.requests} request(s)` +
        (plan.estCostUsd !== undefined ? `, roughly $${plan.estCostUsd.toFixed(2)}.` : '.'),
      ...plan.warnings,
      'You will not be asked again in this workspace for this host and model.',
    ].join('\n');
    const choice = await vscode.window.showWarningMessage('Send this paper to the model?', { modal: true, detail }, 'Send');
    if (choice !== 'Send') return;
    await context.workspaceState.update(CONSENT_KEY, consentFor);
  }
  const token = `review-${Date.now()}-${Math.random().toString(36).slice(2)}`;
  await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: 'Tally: model review', cancellable: true },
    async (progress, cancel) => {
      let last = 0;
      progressHandlers.set(token, (message, percent) => {
        const inc = percent !== undefined ? Math.max(0, percent - last) : undefined;
        if (percent !== undefined) last = percent;
        progress.report({ message, increment: inc });
      });
      // Cancel stops the review on the server, which still answers with what it found so far.
      const onCancel = cancel.onCancellationRequested(() => void client.sendNotification(CancelReviewNotification.method, { token }));
      try {
        const result = await sendRequest(client, ReviewRequest, { uri: uri.toString(), model: settings, apiKey: apiKey!, token, cacheDir });
        // Notes already say "Model review: ...".
        for (const note of result.notes) log.info(note.message);
        void vscode.window.showInformationMessage(reviewSummary(result));
      } catch (e) {
        void vscode.window.showErrorMessage(`Tally: model review failed: ${(e as Error).message}`);
      } finally {
        onCancel.dispose();
        progressHandlers.delete(token);
      }
    },
  );
}

/** What the user sees when the review ends: findings, what was dropped, tokens; or how far a cancelled one got. */
export function reviewSummary(r: ReviewResult): string {
  const confirmed = r.confirmed ?? 0;
  const found = `${r.findings} finding(s) (${confirmed} confirmed, ${r.findings - confirmed} unconfirmed)` + (r.dropped ? `, ${r.dropped} not shown (see the report)` : '');
  const usage = r.usage ? ` Used ${r.usage}.` : '';
  if (r.cancelled) {
    const reviewed = r.sectionsTotal !== undefined ? `after ${r.sectionsReviewed ?? 0} of ${r.sectionsTotal} section(s)` : 'early';
    return `Tally: model review cancelled ${reviewed}; ${found} so far.${usage}`;
  }
  const warning = r.notes.find((n) => n.level !== 'info');
  return `Tally: the model review found ${found}.${usage}` + (warning ? ` ${warning.message}` : '');
}

export { ProgressNotification };
