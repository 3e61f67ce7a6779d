// Tally's PDF viewer webview: pdf.js's PDFViewer plus a highlight over every finding's box.
// Talks to the extension with postMessage; keeps page and zoom across reloads (webview state).
import * as pdfjsLib from '../pdfjs/pdf.min.js';
import * as pdfjsViewer from '../pdfjs/pdf_viewer.js';

// The boot script (inline, nonced) acquired the API so it could report load errors.
const vscode = window.tallyVscode;
const base = document.body.dataset.pdfjs.replace(/\/?$/, '/');
const workerUrl = base + 'pdf.worker.min.js';
pdfjsLib.GlobalWorkerOptions.workerSrc = workerUrl;

// A webview may not start a worker from its resource origin (the import fails after a long
// timeout), but it may from a blob: fetch the worker's code once and start it from a blob URL.
const workerReady = (async () => {
  try {
    const response = await fetch(workerUrl);
    if (!response.ok) return;
    const blob = new Blob([await response.text()], { type: 'text/javascript' });
    pdfjsLib.GlobalWorkerOptions.workerPort = new Worker(URL.createObjectURL(blob), { type: 'module' });
  } catch {
    // Keep workerSrc: pdf.js falls back to its main-thread "fake worker" if this cannot load either.
  }
})();

const container = document.getElementById('viewerContainer');
const eventBus = new pdfjsViewer.EventBus();
const linkService = new pdfjsViewer.PDFLinkService({ eventBus, externalLinkTarget: pdfjsViewer.LinkTarget.BLANK });
const findController = new pdfjsViewer.PDFFindController({ eventBus, linkService });
const viewer = new pdfjsViewer.PDFViewer({ container, viewer: document.getElementById('viewer'), eventBus, linkService, findController, removePageBorders: false });
linkService.setViewer(viewer);

const pageInfo = document.getElementById('pageInfo');
const summary = document.getElementById('summary');
const statusEl = document.getElementById('status');
const tooltip = document.getElementById('tooltip');

let pdfDocument = null;
/** The loading task of the shown document: pdf.js 6 destroys a document through its task. */
let loadingTask = null;
/** Loads started, so a slow load finishing after a newer one does not replace it. */
let loadSerial = 0;
let findings = [];
let current = -1;
/** Page, zoom and scroll to restore after the next load. */
let restore = vscode.getState() ?? null;

function saveState() {
  if (!pdfDocument) return;
  const state = { scale: viewer.currentScaleValue, page: viewer.currentPageNumber, top: container.scrollTop, left: container.scrollLeft };
  vscode.setState(state);
}
let saveTimer;
container.addEventListener('scroll', () => {
  clearTimeout(saveTimer);
  saveTimer = setTimeout(saveState, 150);
});

eventBus.on('pagesinit', () => {
  if (restore?.scale) {
    const at = restore;
    restore = null;
    viewer.currentScaleValue = at.scale;
    if (at.page) viewer.currentPageNumber = Math.min(at.page, pdfDocument.numPages);
    // The pages have their size once the scale is set; restore the exact scroll position.
    requestAnimationFrame(() => {
      container.scrollTop = at.top ?? container.scrollTop;
      container.scrollLeft = at.left ?? 0;
      reportPage();
    });
  } else {
    viewer.currentScaleValue = 'page-width';
    reportPage();
  }
  vscode.postMessage({ type: 'rendered', pages: pdfDocument.numPages });
});
function reportPage() {
  if (pdfDocument) vscode.postMessage({ type: 'page', page: viewer.currentPageNumber, scale: viewer.currentScaleValue });
}
let pageTimer;
eventBus.on('pagechanging', ({ pageNumber }) => {
  pageInfo.textContent = ` / ${pdfDocument?.numPages ?? '–'}`;
  if (document.activeElement !== pageBox) pageBox.value = String(pageNumber);
  clearTimeout(pageTimer);
  pageTimer = setTimeout(reportPage, 100);
});
eventBus.on('scalechanging', () => saveState());
eventBus.on('pagerendered', ({ pageNumber }) => drawPage(pageNumber));

const DOCUMENT_OPTIONS = {
  cMapUrl: base + 'cmaps/',
  cMapPacked: true,
  standardFontDataUrl: base + 'standard_fonts/',
  wasmUrl: base + 'wasm/',
  iccUrl: base + 'iccs/',
  isEvalSupported: false,
  enableXfa: false,
};

/** Opens the PDF from its webview URL; if that cannot be fetched, asks the extension for the bytes. */
async function load(source, reload) {
  const serial = ++loadSerial;
  if (reload && pdfDocument) restore = { scale: viewer.currentScaleValue, page: viewer.currentPageNumber, top: container.scrollTop, left: container.scrollLeft };
  statusEl.textContent = '';
  await workerReady;
  const task = pdfjsLib.getDocument({ ...source, ...DOCUMENT_OPTIONS });
  try {
    const doc = await task.promise;
    if (serial !== loadSerial) {
      void task.destroy();
      return;
    }
    const oldTask = loadingTask;
    loadingTask = task;
    pdfDocument = doc;
    viewer.setDocument(doc);
    linkService.setDocument(doc, null);
    findController.setDocument?.(doc);
    pageInfo.textContent = ` / ${doc.numPages}`;
    pageBox.max = String(doc.numPages);
    // The viewer has let go of the old document; free it (its worker-side state) through its task.
    if (oldTask) void oldTask.destroy().catch(() => undefined);
  } catch (e) {
    void task.destroy().catch(() => undefined);
    // A rebuild caught half-written: the watcher fires again when the file is complete.
    if (reload && pdfDocument && e?.name === 'InvalidPDFException') return;
    if (source.url && e?.name !== 'PasswordException' && e?.name !== 'InvalidPDFException') {
      vscode.postMessage({ type: 'needData' });
      return;
    }
    statusEl.textContent = `Cannot open this PDF: ${e?.message ?? e}`;
    vscode.postMessage({ type: 'error', message: String(e?.stack ?? e) });
  }
}

function fromBase64(text) {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

let reloading = false;

// ---- highlights ---------------------------------------------------------------------------

const SEVERITY_LABEL = { error: 'Error', warning: 'Warning', info: 'Note' };

function tooltipText(f) {
  const lines = [`${SEVERITY_LABEL[f.severity] ?? f.severity}${f.origin === 'model' ? ' (model)' : ''}: ${f.message}`];
  if (f.reported !== undefined) lines.push(`Reported: ${f.reported}`);
  if (f.recomputed !== undefined) lines.push(`Recomputed: ${f.recomputed}`);
  if (f.working) lines.push(`Working: ${f.working}`);
  return lines.join('\n');
}

function drawPage(pageNumber) {
  const pageView = viewer.getPageView(pageNumber - 1);
  if (!pageView?.div) return;
  for (const old of pageView.div.querySelectorAll('.tally-hl')) old.remove();
  const viewport = pageView.viewport;
  findings.forEach((f, index) => {
    const r = f.range;
    if (r.page !== pageNumber || !r.box) return;
    // The page box is in PDF user space (y up); convert both corners to the viewport (y down).
    const [x0, y0] = viewport.convertToViewportPoint(r.box[0], r.box[1]);
    const [x1, y1] = viewport.convertToViewportPoint(r.box[2], r.box[3]);
    const el = document.createElement('div');
    el.className = `tally-hl tally-${f.severity}${f.origin === 'model' ? ' tally-model' : ''}${index === current ? ' tally-current' : ''}`;
    el.style.left = `${Math.min(x0, x1) - 2}px`;
    el.style.top = `${Math.min(y0, y1) - 2}px`;
    el.style.width = `${Math.abs(x1 - x0) + 4}px`;
    el.style.height = `${Math.abs(y1 - y0) + 4}px`;
    el.dataset.index = String(index);
    el.tabIndex = 0;
    el.setAttribute('aria-label', tooltipText(f));
    el.addEventListener('mouseenter', () => showTooltip(el, f, false));
    el.addEventListener('mouseleave', () => {
      if (!tooltip.classList.contains('pinned')) tooltip.hidden = true;
    });
    el.addEventListener('click', (ev) => {
      ev.stopPropagation();
      current = index;
      showTooltip(el, f, true);
    });
    el.addEventListener('keydown', (ev) => {
      if (ev.key === 'Enter') showTooltip(el, f, true);
    });
    pageView.div.appendChild(el);
  });
}

function redrawAll() {
  if (!pdfDocument) return;
  for (let i = 1; i <= pdfDocument.numPages; i++) {
    const pv = viewer.getPageView(i - 1);
    if (pv?.renderingState === pdfjsViewer.RenderingStates.FINISHED) drawPage(i);
  }
}

/** The finding's text; pinned (after a click) it has buttons: hide the finding, or close. */
function showTooltip(el, f, pinned) {
  tooltip.textContent = '';
  const text = document.createElement('div');
  text.textContent = tooltipText(f);
  tooltip.appendChild(text);
  tooltip.classList.toggle('pinned', pinned);
  if (pinned) {
    const id = document.createElement('div');
    id.className = 'tally-id';
    id.textContent = `id ${f.id} · page ${f.range.page}`;
    tooltip.appendChild(id);
    const buttons = document.createElement('div');
    buttons.className = 'tally-actions';
    const hide = document.createElement('button');
    hide.className = 'tally-hide';
    hide.textContent = 'Hide this finding';
    hide.title = 'List it in .tally-ignore.json beside the paper';
    hide.addEventListener('click', () => {
      vscode.postMessage({ type: 'hide', finding: f });
      hideTooltip();
    });
    const close = document.createElement('button');
    close.textContent = 'Close';
    close.addEventListener('click', hideTooltip);
    buttons.append(hide, close);
    tooltip.appendChild(buttons);
  }
  tooltip.hidden = false;
  const rect = el.getBoundingClientRect();
  tooltip.style.left = `${Math.max(4, Math.min(rect.left, window.innerWidth - tooltip.offsetWidth - 4))}px`;
  const below = rect.bottom + 6;
  tooltip.style.top = `${below + tooltip.offsetHeight > window.innerHeight ? rect.top - tooltip.offsetHeight - 6 : below}px`;
}

function hideTooltip() {
  tooltip.hidden = true;
  tooltip.classList.remove('pinned');
}
container.addEventListener('click', hideTooltip);
document.addEventListener('keydown', (ev) => {
  if (ev.key === 'Escape') hideTooltip();
});

function setFindings(list) {
  findings = (list ?? []).filter((f) => f.range?.page);
  current = -1;
  const counts = { error: 0, warning: 0, info: 0 };
  for (const f of list ?? []) counts[f.severity]++;
  const total = (list ?? []).length;
  summary.textContent = total ? `Tally: ${counts.error} error(s), ${counts.warning} warning(s), ${counts.info} note(s)` : 'Tally: no problems found';
  redrawAll();
}

function reveal(finding) {
  const index = findings.findIndex((f) => f.id === finding.id && f.range.page === finding.range.page && f.range.start.line === finding.range.start.line);
  if (index >= 0) current = index;
  const r = finding.range;
  if (!r.page || !pdfDocument) return;
  hideTooltip();
  const dest = r.box ? [null, { name: 'XYZ' }, Math.max(0, r.box[0] - 40), r.box[3] + 60, null] : undefined;
  viewer.scrollPageIntoView({ pageNumber: r.page, destArray: dest, allowNegativeOffset: true });
  redrawAll();
  requestAnimationFrame(() => {
    const el = document.querySelector(`.tally-hl[data-index="${current}"]`);
    if (el) {
      el.classList.add('tally-flash');
      setTimeout(() => el.classList.remove('tally-flash'), 1200);
    }
  });
}

function step(delta) {
  if (!findings.length) return;
  current = (current + delta + findings.length) % findings.length;
  reveal(findings[current]);
}

// ---- toolbar and messages -----------------------------------------------------------------

document.getElementById('zoomIn').addEventListener('click', () => viewer.increaseScale());
document.getElementById('zoomOut').addEventListener('click', () => viewer.decreaseScale());
document.getElementById('fitWidth').addEventListener('click', () => (viewer.currentScaleValue = 'page-width'));
document.getElementById('nextFinding').addEventListener('click', () => step(1));
document.getElementById('prevFinding').addEventListener('click', () => step(-1));
// Go to page: type a number, Enter.
const pageBox = document.getElementById('pageBox');
pageBox.addEventListener('keydown', (ev) => {
  if (ev.key !== 'Enter' || !pdfDocument) return;
  const n = Number.parseInt(pageBox.value, 10);
  if (Number.isFinite(n)) viewer.currentPageNumber = Math.max(1, Math.min(pdfDocument.numPages, n));
  pageBox.value = String(viewer.currentPageNumber);
  container.focus();
});
pageBox.addEventListener('blur', () => (pageBox.value = String(viewer.currentPageNumber || '')));

// Text search: Enter for the next match, Shift+Enter for the previous one; Ctrl+F focuses the box.
const searchBox = document.getElementById('searchBox');
const searchInfo = document.getElementById('searchInfo');
function find(again, previous) {
  eventBus.dispatch('find', { source: window, type: again ? 'again' : '', query: searchBox.value, caseSensitive: false, entireWord: false, highlightAll: true, findPrevious: previous, matchDiacritics: false });
}
searchBox.addEventListener('input', () => find(false, false));
searchBox.addEventListener('keydown', (ev) => {
  if (ev.key === 'Enter') find(true, ev.shiftKey);
  if (ev.key === 'Escape') {
    searchBox.value = '';
    find(false, false);
    container.focus();
  }
});
eventBus.on('updatefindmatchescount', ({ matchesCount }) => {
  searchInfo.textContent = searchBox.value ? `${matchesCount.current} / ${matchesCount.total}` : '';
});
eventBus.on('updatefindcontrolstate', ({ state, matchesCount }) => {
  // state 1: not found
  searchInfo.textContent = !searchBox.value ? '' : state === 1 ? 'not found' : `${matchesCount?.current ?? 0} / ${matchesCount?.total ?? 0}`;
});
window.addEventListener('keydown', (ev) => {
  if ((ev.ctrlKey || ev.metaKey) && ev.key === 'f') {
    ev.preventDefault();
    searchBox.focus();
    searchBox.select();
  }
});

window.addEventListener('resize', () => {
  if (viewer.currentScaleValue === 'page-width' || viewer.currentScaleValue === 'auto') viewer.currentScaleValue = viewer.currentScaleValue;
});

window.addEventListener('message', (event) => {
  const m = event.data;
  switch (m?.type) {
    case 'load':
      reloading = !!m.reload;
      void load({ url: m.url }, m.reload);
      break;
    case 'data':
      void load({ data: fromBase64(m.base64) }, reloading);
      break;
    case 'findings':
      if (m.pending) summary.textContent = 'Tally: checking…';
      else setFindings(m.findings);
      break;
    case 'reveal':
      reveal(m.finding);
      break;
    case 'goToPage':
      if (pdfDocument) viewer.currentPageNumber = Math.max(1, Math.min(pdfDocument.numPages, m.page));
      break;
    case 'status':
    case 'error':
      statusEl.textContent = m.message;
      break;
  }
});

vscode.postMessage({ type: 'ready' });
