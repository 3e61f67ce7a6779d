// Typed use of the custom messages declared in src/shared/protocol.ts.

import type * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { Notification, Request } from '../shared/protocol.ts';

export function sendRequest<P, R>(client: LanguageClient, type: Request<P, R>, params: P, token?: vscode.CancellationToken): Promise<R> {
  // An undefined token must not be passed: it would be sent as a second parameter.
  return token ? client.sendRequest<R>(type.method, params, token) : client.sendRequest<R>(type.method, params);
}

export function onNotification<P>(client: LanguageClient, type: Notification<P>, handler: (params: P) => void): vscode.Disposable {
  return client.onNotification(type.method, handler);
}
