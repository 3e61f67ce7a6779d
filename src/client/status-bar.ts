// The status-bar item: Tally's counts for the current file (editor or PDF viewer); a click opens
// the report.

import * as vscode from 'vscode';
import { DIAGNOSTIC_SOURCE, MODEL_DIAGNOSTIC_SOURCE } from '../shared/protocol.ts';

export class TallyStatusBar implements vscode.Disposable {
  private readonly item: vscode.StatusBarItem;
  private readonly currentUri: () => vscode.Uri | undefined;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(currentUri: () => vscode.Uri | undefined) {
    this.currentUri = currentUri;
    this.item = vscode.window.createStatusBarItem('tally.status', vscode.StatusBarAlignment.Left, 50);
    this.item.name = 'Tally';
    this.item.command = 'tally.generateReport';
    this.disposables.push(
      this.item,
      vscode.languages.onDidChangeDiagnostics(() => this.update()),
      vscode.window.onDidChangeActiveTextEditor(() => this.update()),
    );
    this.update();
  }

  update(): void {
    const uri = this.currentUri();
    const isPaper = uri && (/\.(tex|pdf)$/i.test(uri.path) || vscode.window.activeTextEditor?.document.languageId === 'latex');
    if (!uri || !isPaper) {
      this.item.hide();
      return;
    }
    const counts = { error: 0, warning: 0, info: 0, model: 0 };
    for (const d of vscode.languages.getDiagnostics(uri)) {
      if (d.source !== DIAGNOSTIC_SOURCE && d.source !== MODEL_DIAGNOSTIC_SOURCE) continue;
      if (d.source === MODEL_DIAGNOSTIC_SOURCE) counts.model++;
      if (d.severity === vscode.DiagnosticSeverity.Error) counts.error++;
      else if (d.severity === vscode.DiagnosticSeverity.Warning) counts.warning++;
      else counts.info++;
    }
    const total = counts.error + counts.warning + counts.info;
    this.item.text = total ? `$(symbol-numeric) Tally $(error) ${counts.error} $(warning) ${counts.warning}${counts.info ? ` $(info) ${counts.info}` : ''}` : '$(symbol-numeric) Tally $(check)';
    this.item.tooltip = `Tally: ${counts.error} error(s), ${counts.warning} warning(s), ${counts.info} note(s)${counts.model ? `, ${counts.model} from the model review` : ''} — click for the verification report`;
    this.item.show();
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
