// Preloaded into the language server under test (NODE_OPTIONS=--require): any attempt to reach
// the network is written to stderr as "TALLY-NETWORK-ACCESS" and fails.
const net = require('node:net');
const tls = require('node:tls');
const dns = require('node:dns');
const http = require('node:http');
const https = require('node:https');
const { isMainThread } = require('node:worker_threads');

function blocked(what) {
  return function () {
    process.stderr.write(`TALLY-NETWORK-ACCESS ${what} (${isMainThread ? 'main' : 'worker'})\n`);
    throw new Error(`network access blocked in tests: ${what}`);
  };
}
net.connect = net.createConnection = blocked('net.connect');
net.Socket.prototype.connect = blocked('net.Socket.connect');
tls.connect = blocked('tls.connect');
dns.lookup = blocked('dns.lookup');
dns.promises.lookup = blocked('dns.promises.lookup');
http.request = http.get = blocked('http.request');
https.request = https.get = blocked('https.request');
globalThis.fetch = async (input) => blocked(`fetch ${String(input)}`)();
if (!isMainThread) process.stderr.write('');
