// Shared pieces of Tally's webviews: a nonce per page and a strict Content-Security-Policy.

import { randomBytes } from 'node:crypto';
import type * as vscode from 'vscode';

export function nonce(): string {
  return randomBytes(16).toString('base64').replace(/[^A-Za-z0-9]/g, '');
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/**
 * Scripts only with the page's nonce or from the extension's own media folder (pdf.js imports its
 * worker from there), no eval, no inline styles except nonced ones, no network.
 */
export function csp(webview: vscode.Webview, nonceValue: string, extra: { wasm?: boolean; workers?: boolean } = {}): string {
  const src = webview.cspSource;
  return [
    `default-src 'none'`,
    `script-src 'nonce-${nonceValue}' ${src}${extra.wasm ? " 'wasm-unsafe-eval'" : ''}`,
    `style-src ${src} 'nonce-${nonceValue}'`,
    `img-src ${src} data: blob:`,
    `font-src ${src} data:`,
    `connect-src ${src}`,
    extra.workers ? `worker-src ${src} blob:` : `worker-src 'none'`,
    `base-uri 'none'`,
    `form-action 'none'`,
  ].join('; ');
}
