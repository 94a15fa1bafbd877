// Preloaded into the playground (node --require) by run.sh: its server listens on every network
// address and has no option to change that (0.2.28), while the bot behind it takes unauthenticated
// requests. This makes a listen() on a port alone listen on 127.0.0.1, so only this machine can open
// the playground and talk to the bot through it.
'use strict';
const net = require('node:net');

const listen = net.Server.prototype.listen;
net.Server.prototype.listen = function (...args) {
  if (typeof args[0] === 'number' && (args.length === 1 || typeof args[1] === 'function')) {
    args.splice(1, 0, '127.0.0.1');
  }
  return listen.apply(this, args);
};
