// Serves the built app (build/) with Node's http server, one process per core (node:cluster).
// adapter-node assumes https unless told otherwise; a school server is usually reached over plain
// http on the local network, so the protocol is taken from X-Forwarded-Proto when a TLS proxy
// sets it, and is http otherwise. Set ORIGIN to pin the public address instead. That guess only
// shapes the app's own URLs: the session cookie's Secure flag believes the header only with
// TRUST_PROXY=1 (src/lib/server/auth/cookie.ts).
//
// WEB_CONCURRENCY sets the number of processes (default: the cores). With more than one, the
// primary runs the migrations and the demo seed once (in a thread that then ends), forks the
// processes over the same SQLite file (WAL), lets only the first run the daily jobs
// (MAM_STEM_JOBS=0 in the others) and starts a new one when one dies.
// SIGTERM or SIGINT: each process stops taking requests, finishes those in flight (10 s at most),
// checkpoints the WAL and closes the database, then exits.
import cluster from 'node:cluster';
import { appendFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { availableParallelism } from 'node:os';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { compress } from './compress.js';

export const STOP_GRACE_MS = 10_000;

if (!process.env.ORIGIN) {
	process.env.PROTOCOL_HEADER ??= 'x-forwarded-proto';
}
// Portfolio photos may be up to 15 MB when sent without the page's script (which downscales them).
process.env.BODY_SIZE_LIMIT ??= '16M';
process.env.MAM_STEM_WORKERS_DIR ??= fileURLToPath(new URL('../build/workers/', import.meta.url));
// The built client: the server reads the list of Blockly's files there (src/lib/server/preload.ts).
process.env.MAM_STEM_CLIENT_DIR ??= fileURLToPath(new URL('../build/client/', import.meta.url));
const host = process.env.HOST ?? '0.0.0.0';
const port = Number(process.env.PORT ?? 3000);
const processes = Math.max(
	1,
	Number.parseInt(process.env.WEB_CONCURRENCY ?? '', 10) || availableParallelism()
);
process.env.MAM_STEM_PROCESSES = String(processes);

if (processes > 1 && cluster.isPrimary) await primary();
else {
	// One process: prepared here the same way, before the app is loaded.
	if (cluster.isPrimary && process.env.MAM_STEM_PREPARED !== '1') {
		await prepareInThread();
		process.env.MAM_STEM_PREPARED = '1';
	}
	await serve();
}

/**
 * The migrations, the demo seed and the built-in content's sync, in a thread that then ends: what they
 * load (Blockly, to grade the seeded references) is not kept by the process that serves.
 */
async function prepareInThread() {
	await new Promise((resolve, reject) => {
		const w = new Worker(new URL('prepare.js', `file://${process.env.MAM_STEM_WORKERS_DIR}/`));
		w.once('error', reject);
		// A thread that stopped with a code has said why (startup.ts's one line).
		w.once('exit', (code) => (code === 0 ? resolve() : reject(null)));
	}).catch((e) => {
		if (e) console.error('Mầm STEM: could not prepare the database:', e.message ?? e);
		process.exit(1);
	});
}

/** The cluster's primary: prepares the database once, forks, replaces, stops them all. */
async function primary() {
	await prepareInThread();
	let stopping = false;
	let jobsWorker = null;
	const fork = () => {
		const runsJobs = jobsWorker === null;
		const w = cluster.fork({
			MAM_STEM_PREPARED: '1',
			MAM_STEM_JOBS: runsJobs ? (process.env.MAM_STEM_JOBS ?? '1') : '0'
		});
		if (runsJobs) jobsWorker = w;
		return w;
	};
	cluster.on('exit', (w, code, signal) => {
		if (w === jobsWorker) jobsWorker = null;
		if (stopping) {
			if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
			return;
		}
		console.error(`Mầm STEM: process ${w.process.pid} died (${signal ?? code}); starting another.`);
		fork();
	});
	for (let i = 0; i < processes; i++) fork();
	for (const signal of ['SIGINT', 'SIGTERM']) {
		process.on(signal, () => {
			if (stopping) return;
			stopping = true;
			for (const w of Object.values(cluster.workers ?? {})) w?.process.kill('SIGTERM');
			setTimeout(() => process.exit(1), STOP_GRACE_MS + 5000).unref();
		});
	}
}

/** For npm run bench:load: each second, a line of this process's event-loop delay and memory. */
function sampleInto(file) {
	const delay = monitorEventLoopDelay({ resolution: 10 });
	delay.enable();
	setInterval(() => {
		const line = {
			pid: process.pid,
			at: Date.now(),
			rssMb: process.memoryUsage().rss / 1048576,
			loopP99Ms: delay.percentile(99) / 1e6,
			// The second's distribution (percentile → ms, as the histogram keeps it), so that a run's
			// p99 over a whole phase can be read (scripts/bench/load.js, loopP99Over).
			loopCount: delay.count,
			loopCdf: [...delay.percentiles].map(([p, ns]) => [p, Math.round(ns / 1e4) / 100])
		};
		appendFileSync(file, JSON.stringify(line) + '\n');
		delay.reset();
	}, 1000).unref();
}

/** One server process: the SvelteKit handler on node:http, with a clean stop. */
async function serve() {
	if (process.env.MAM_STEM_METRICS_FILE) sampleInto(process.env.MAM_STEM_METRICS_FILE);
	const { handler } = await import(new URL('../build/handler.js', import.meta.url).href);
	// The pupils' autosaves, answered before SvelteKit (src/lib/server/fast-autosave.ts); set by the
	// app's start-up, which importing the handler has run.
	const fast = globalThis[Symbol.for('mam-stem.fast-autosave')];
	let inFlight = 0;
	const server = createServer((req, res) => {
		inFlight++;
		res.once('close', () => inFlight--);
		if (!process.env.ORIGIN && !req.headers['x-forwarded-proto'])
			req.headers['x-forwarded-proto'] = 'http';
		compress(req, res);
		const rest = () =>
			handler(req, res, () => {
				res.statusCode = 404;
				res.end('Not found');
			});
		if (fast) fast(req, res, rest);
		else rest();
	});
	server.listen(port, host, () => {
		if (cluster.isPrimary || process.env.MAM_STEM_JOBS !== '0')
			console.log(`Mầm STEM: listening on ${host}:${port} (${processes} process(es))`);
	});
	let stopping = false;
	const stop = () => {
		if (stopping) return;
		stopping = true;
		// No new connections; idle keep-alive ones close now, busy ones once their answer is sent.
		server.close();
		server.closeIdleConnections();
		const idle = setInterval(() => server.closeIdleConnections(), 100);
		const finish = (code) => {
			clearInterval(idle);
			try {
				process.emit('sveltekit:shutdown', 'SIGTERM'); // the app checkpoints and closes the database
			} catch (e) {
				console.error('Mầm STEM: could not close the database cleanly:', e);
				code = 1;
			}
			process.exit(code);
		};
		const deadline = setTimeout(() => {
			console.error(`Mầm STEM: ${inFlight} request(s) still running after 10 s; stopping anyway.`);
			server.closeAllConnections();
			finish(1);
		}, STOP_GRACE_MS);
		const waitForRequests = setInterval(() => {
			if (inFlight > 0) return;
			clearInterval(waitForRequests);
			clearTimeout(deadline);
			finish(0);
		}, 20);
	};
	process.on('SIGINT', stop);
	process.on('SIGTERM', stop);
}
