// Serves the built app (build/) with Node's http server.
// adapter-node assumes https unless told otherwise; a school server is usually reached over plain
// http on the local network, so the protocol is taken from X-Forwarded-Proto when a TLS proxy
// sets it, and is http otherwise. Set ORIGIN to pin the public address instead.
import { createServer } from 'node:http';
import { compress } from './compress.js';

if (!process.env.ORIGIN) {
	process.env.PROTOCOL_HEADER ??= 'x-forwarded-proto';
}
// Portfolio photos may be up to 15 MB when sent without the page's script (which downscales them).
process.env.BODY_SIZE_LIMIT ??= '16M';
const host = process.env.HOST ?? '0.0.0.0';
const port = Number(process.env.PORT ?? 3000);

const { handler } = await import(new URL('../build/handler.js', import.meta.url).href);

const server = createServer((req, res) => {
	if (!process.env.ORIGIN && !req.headers['x-forwarded-proto'])
		req.headers['x-forwarded-proto'] = 'http';
	compress(req, res);
	handler(req, res, () => {
		res.statusCode = 404;
		res.end('Not found');
	});
});
server.listen(port, host, () => {
	console.log(`Mầm STEM: listening on ${host}:${port}`);
});
for (const signal of ['SIGINT', 'SIGTERM']) {
	process.on(signal, () => server.close(() => process.exit(0)));
}
