'use strict';
// Node.js `net` echo server for side-by-side runs: writes back every chunk as it came.
// --close-after-reply ends each connection after its first reply (this side sends the first FIN).
const net = require('net');

let port = 7000;
let closeAfterReply = false;
const args = process.argv.slice(2);
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--port') port = Number(args[++i]);
  else if (args[i] === '--close-after-reply') closeAfterReply = true;
  else {
    console.error('usage: node echo-server.js [--port N] [--close-after-reply]');
    process.exit(2);
  }
}

const server = net.createServer({ noDelay: true }, (socket) => {
  socket.on('error', () => socket.destroy());
  if (closeAfterReply) {
    socket.once('data', (chunk) => socket.end(chunk));
  } else {
    socket.on('data', (chunk) => socket.write(chunk));
  }
});

server.listen({ port, host: '0.0.0.0', backlog: 4096 }, () => {
  console.log(`node pid=${process.pid} port=${server.address().port}`);
});

for (const signal of ['SIGTERM', 'SIGINT']) {
  process.on(signal, () => process.exit(0));
}
