/* eslint-disable @typescript-eslint/no-require-imports */
// Preload (`node --require test/cli/no-network.cjs …`) that turns every attempt to reach the
// network into an exception, and records it in the file named by PRR_NET_LOG (so an attempt
// is seen even when the code under test catches the exception): socket connects, TLS,
// HTTP(S) requests, DNS lookups and fetch.

const fs = require('node:fs');
const net = require('node:net');
const tls = require('node:tls');
const http = require('node:http');
const https = require('node:https');
const dns = require('node:dns');

function blocked(what) {
  return function () {
    const message = `network access attempted: ${what}`;
    if (process.env.PRR_NET_LOG) fs.appendFileSync(process.env.PRR_NET_LOG, `${message}\n${new Error(message).stack}\n\n`);
    throw new Error(message);
  };
}

net.Socket.prototype.connect = blocked('net.Socket#connect');
net.connect = net.createConnection = blocked('net.connect');
tls.connect = blocked('tls.connect');
for (const [name, module] of [['http', http], ['https', https]]) {
  module.request = blocked(`${name}.request`);
  module.get = blocked(`${name}.get`);
}
for (const key of ['lookup', 'lookupService', 'resolve', 'resolve4', 'resolve6', 'resolveAny', 'resolveCname', 'resolveMx', 'resolveNs', 'resolveSrv', 'resolveTxt', 'reverse']) {
  dns[key] = blocked(`dns.${key}`);
  if (dns.promises && typeof dns.promises[key] === 'function') dns.promises[key] = blocked(`dns.promises.${key}`);
}
globalThis.fetch = blocked('fetch');
