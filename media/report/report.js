// Shows Tally's verification report in the webview: the HTML body the engine renders (the same
// words as the exported Markdown, HTML and JSON; paper text is escaped there). Locations link back
// to the sources.
(function () {
  const vscode = acquireVsCodeApi();
  const root = document.getElementById('report');

  function message(text, cls) {
    const p = document.createElement('p');
    p.className = cls;
    p.textContent = text;
    root.replaceChildren(p);
  }

  root.addEventListener('click', (e) => {
    const hide = e.target.closest('.finding button.tally-hide');
    const link = e.target.closest('.finding a.where');
    if (!hide && !link) return;
    e.preventDefault();
    const f = (hide ?? link).closest('.finding');
    const which = { id: f.dataset.findingId, uri: f.dataset.uri, line: Number(f.dataset.line) };
    if (hide) {
      hide.disabled = true;
      hide.textContent = 'Hiding…';
    }
    vscode.postMessage({ type: hide ? 'hide' : 'reveal', ...which });
  });

  /** Every finding gets a Hide button (the exported reports have none: they are read, not acted on). */
  function addHideButtons() {
    for (const f of root.querySelectorAll('.finding[data-finding-id]')) {
      const b = document.createElement('button');
      b.className = 'tally-hide secondary';
      b.textContent = 'Hide';
      b.title = 'Hide this finding: list it in .tally-ignore.json beside the paper';
      f.firstElementChild?.append(' ', b);
    }
  }

  for (const b of document.querySelectorAll('button[data-format]')) b.addEventListener('click', () => vscode.postMessage({ type: 'export', format: b.dataset.format }));
  document.getElementById('refresh').addEventListener('click', () => vscode.postMessage({ type: 'refresh' }));

  window.addEventListener('message', (event) => {
    const m = event.data;
    if (m?.type === 'html') {
      root.innerHTML = m.html;
      addHideButtons();
    }
    else if (m?.type === 'empty') {
      message(m.scope === 'file' ? 'This file has not been checked yet. Run "Tally: Check Current Document".' : 'Nothing has been checked yet. Open a .tex or .pdf file, or run "Tally: Check Workspace".', 'muted');
    } else if (m?.type === 'error') message(m.message, 'error');
  });
  vscode.postMessage({ type: 'ready' });
})();
