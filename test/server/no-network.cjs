// Preloaded into the language server under test (NODE_OPTIONS=--require), in its worker thread
// too: any attempt to reach the network is written to stderr as "TALLY-NETWORK-ACCESS" and fails.
// With TALLY_TEST_ALLOW_LOOPBACK=1, 127.0.0.1/localhost stay reachable (the fake model server).
const net = require('node:net');
const tls = require('node:tls');
const dns = require('node:dns');
const http = require('node:http');
const https = require('node:https');
const { isMainThread } = require('node:worker_threads');

const loopbackAllowed = process.env.TALLY_TEST_ALLOW_LOOPBACK === '1';
const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1', '[::1]']);

function isLoopback(host) {
  return loopbackAllowed && LOOPBACK.has(String(host ?? 'localhost'));
}

function hostOf(args) {
  const a = args[0];
  if (Array.isArray(a)) return hostOf(a);
  if (a && typeof a === 'object') return a.host ?? a.hostname ?? (a.path ? 'localhost' : undefined);
  if (typeof a === 'string' && !/^\d+$/.test(a)) return 'localhost'; // a pipe path
  return typeof args[1] === 'string' ? args[1] : 'localhost';
}

function guard(what, original, host) {
  return function (...args) {
    const target = host(args);
    if (isLoopback(target)) return original.apply(this, args);
    process.stderr.write(`TALLY-NETWORK-ACCESS ${what} ${target} (${isMainThread ? 'main' : 'worker'})\n`);
    throw new Error(`network access blocked in tests: ${what} ${target}`);
  };
}

net.connect = guard('net.connect', net.connect, hostOf);
net.createConnection = guard('net.createConnection', net.createConnection, hostOf);
net.Socket.prototype.connect = guard('net.Socket.connect', net.Socket.prototype.connect, hostOf);
tls.connect = guard('tls.connect', tls.connect, hostOf);
dns.lookup = guard('dns.lookup', dns.lookup, (args) => args[0]);
dns.promises.lookup = guard('dns.promises.lookup', dns.promises.lookup, (args) => args[0]);
for (const [name, mod] of [['http', http], ['https', https]]) {
  for (const fn of ['request', 'get']) {
    mod[fn] = guard(`${name}.${fn}`, mod[fn], (args) => {
      const a = args[0];
      if (typeof a === 'string' || a instanceof URL) return new URL(a).hostname;
      return a?.hostname ?? a?.host;
    });
  }
}
const originalFetch = globalThis.fetch;
globalThis.fetch = async function (input, init) {
  const url = new URL(typeof input === 'string' || input instanceof URL ? input : input.url);
  if (isLoopback(url.hostname)) return originalFetch(input, init);
  process.stderr.write(`TALLY-NETWORK-ACCESS fetch ${url.href} (${isMainThread ? 'main' : 'worker'})\n`);
  throw new Error(`network access blocked in tests: fetch ${url.href}`);
};
process.stderr.write(`TALLY-NO-NETWORK-GUARD ${isMainThread ? 'main' : 'worker'}\n`);
