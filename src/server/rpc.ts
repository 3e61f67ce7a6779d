// Typed registration of the custom messages declared in src/shared/protocol.ts.

import type { CancellationToken, Connection } from 'vscode-languageserver/node';
import type { Notification, Request } from '../shared/protocol.ts';

export function onRequest<P, R>(connection: Connection, type: Request<P, R>, handler: (params: P, token: CancellationToken) => R | Promise<R>): void {
  // The generic overload's result type is awkward for a type parameter; the descriptor carries the real types.
  connection.onRequest(type.method, ((params: P, token: CancellationToken) => handler(params, token)) as never);
}

export function sendNotification<P>(connection: Connection, type: Notification<P>, params: P): void {
  void connection.sendNotification(type.method, params);
}

/** An AbortSignal that fires when the client cancels the request. */
export function signalFor(token: CancellationToken | null | undefined): AbortSignal {
  const controller = new AbortController();
  if (!token) return controller.signal;
  if (token.isCancellationRequested) controller.abort();
  else token.onCancellationRequested(() => controller.abort());
  return controller.signal;
}
