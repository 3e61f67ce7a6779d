// Starts the built language server (dist/server/server.cjs) over stdio and talks raw LSP to it
// with vscode-jsonrpc. Waits on publishDiagnostics events, never on fixed sleeps.

import { spawn } from 'node:child_process';
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as rpc from 'vscode-jsonrpc/node';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const SERVER = join(ROOT, 'dist', 'server', 'server.cjs');
const NO_NETWORK = join(dirname(fileURLToPath(import.meta.url)), 'no-network.cjs');

export interface Diagnostic {
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  severity?: number;
  code?: string | number;
  codeDescription?: { href: string };
  source?: string;
  message: string;
  data?: any;
}

export interface ServerHandle {
  connection: rpc.MessageConnection;
  process: ChildProcessWithoutNullStreams;
  /** Latest diagnostics per URI. */
  diagnostics: Map<string, Diagnostic[]>;
  logs: string[];
  stderr: () => string;
  waitForDiagnostics(uri: string, predicate?: (d: Diagnostic[]) => boolean, timeoutMs?: number): Promise<Diagnostic[]>;
  open(uri: string, text: string, languageId?: string): void;
  closeDocument(uri: string): void;
  change(uri: string, version: number, text: string): void;
  request<R>(method: string, params: unknown): Promise<R>;
  close(): Promise<void>;
}

export function fileUri(path: string): string {
  return pathToFileURL(path).href;
}

export function serverBuilt(): boolean {
  return existsSync(SERVER) && existsSync(join(dirname(SERVER), 'worker.mjs'));
}

export async function startServer(options: { settings?: Record<string, unknown>; workspaceFolder?: string; allowLoopback?: boolean; nodeArgs?: string[] } = {}): Promise<ServerHandle> {
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), SERVER, '--stdio'], {
    cwd: ROOT,
    // The preload makes any network access fail loudly (and in the check worker too).
    env: { ...process.env, NODE_OPTIONS: `--require ${NO_NETWORK}`, TALLY_TEST_ALLOW_LOOPBACK: options.allowLoopback ? '1' : '0' },
    stdio: 'pipe',
  });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += String(d)));
  const connection = rpc.createMessageConnection(new rpc.StreamMessageReader(child.stdout), new rpc.StreamMessageWriter(child.stdin));
  const diagnostics = new Map<string, Diagnostic[]>();
  const waiters = new Set<() => void>();
  const logs: string[] = [];
  const settings = options.settings ?? {};
  connection.onNotification('textDocument/publishDiagnostics', (p: { uri: string; diagnostics: Diagnostic[] }) => {
    diagnostics.set(p.uri, p.diagnostics);
    for (const w of [...waiters]) w();
  });
  connection.onNotification('window/logMessage', (p: { message: string }) => {
    logs.push(p.message);
  });
  connection.onUnhandledNotification(() => undefined);
  connection.onRequest('workspace/configuration', (p: { items: { section?: string }[] }) => p.items.map((i) => (i.section === 'tally' ? settings : null)));
  connection.onRequest('client/registerCapability', () => null);
  connection.onRequest('window/workDoneProgress/create', () => null);
  connection.onRequest('window/showMessageRequest', () => null);
  connection.listen();

  const folder = options.workspaceFolder;
  await connection.sendRequest('initialize', {
    processId: process.pid,
    rootUri: folder ? fileUri(folder) : null,
    workspaceFolders: folder ? [{ uri: fileUri(folder), name: 'test' }] : null,
    capabilities: {
      workspace: { configuration: true, workspaceFolders: true, didChangeWatchedFiles: { dynamicRegistration: false } },
      textDocument: {
        publishDiagnostics: { relatedInformation: true, codeDescriptionSupport: true, dataSupport: true },
        hover: { contentFormat: ['markdown', 'plaintext'] },
        codeAction: { dataSupport: true, codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix'] } } },
      },
    },
  });
  await connection.sendNotification('initialized', {});

  const handle: ServerHandle = {
    connection,
    process: child,
    diagnostics,
    logs,
    stderr: () => stderr,
    waitForDiagnostics(uri, predicate = () => true, timeoutMs = 20000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const d = diagnostics.get(uri);
          if (d && predicate(d)) {
            waiters.delete(check);
            clearTimeout(timer);
            resolve(d);
            return true;
          }
          return false;
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`No matching diagnostics for ${uri} within ${timeoutMs} ms; last: ${JSON.stringify(diagnostics.get(uri))}\nlogs:\n${logs.join('\n')}\nstderr:\n${stderr}`));
        }, timeoutMs);
        if (!check()) waiters.add(check);
      });
    },
    closeDocument(uri) {
      void connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
    },
    open(uri, text, languageId = 'latex') {
      void connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
    },
    change(uri, version, text) {
      void connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
    },
    request<R>(method: string, params: unknown) {
      return connection.sendRequest(method, params) as Promise<R>;
    },
    async close() {
      try {
        await Promise.race([connection.sendRequest('shutdown'), new Promise((r) => setTimeout(r, 2000))]);
        void connection.sendNotification('exit');
      } catch {
        /* already gone */
      }
      connection.dispose();
      if (child.exitCode === null) {
        await Promise.race([new Promise((r) => child.once('exit', r)), new Promise((r) => setTimeout(r, 2000))]);
        if (child.exitCode === null) child.kill();
      }
    },
  };
  return handle;
}

export function readExample(name: string): string {
  return readFileSync(join(ROOT, 'examples', name), 'utf8');
}
