// Pools of worker threads (Piscina) for the work that must not hold up the request thread: grading
// pupils' programs, reading class-list workbooks, writing Excel exports. Each pool is bounded: past
// `threads + queue` tasks waiting or running, run() throws Busy at once, and the route answers 503
// with Retry-After. A worker that dies or overruns its hard limit is dropped and Piscina starts another.
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Piscina } from 'piscina';
import type { Job } from './job';

/** The pool is full: try again after `retryAfter` seconds. */
export class Busy extends Error {
	constructor(readonly retryAfter: number) {
		super('busy');
	}
}

/** The task ran past the pool's hard limit and its worker was stopped. */
export class Overrun extends Error {
	constructor() {
		super('overrun');
	}
}

export interface PoolOptions {
	/** The bundle's name in the workers folder (scripts/build-workers.js): grade, sheets. */
	entry: string;
	threads: number;
	/** Tasks that may wait beyond one per thread. */
	queue: number;
	/** A task (waiting included) is stopped, and its worker replaced, after this long. */
	hardLimitMs: number;
	/** Heap of each worker, so that a zip bomb ends one worker, not the server. */
	heapMb?: number;
	/** Young generation of each worker (V8's default grows to 48 MB per thread under load). */
	youngMb?: number;
	/** Workers kept alive when idle. */
	minThreads?: number;
}

export interface RunOptions {
	/** The worker module's export to call (its default when absent). */
	name?: string;
	/** Overrides the pool's hard limit for this task. */
	hardLimitMs?: number;
}

export interface Pool {
	run<R>(task: unknown, options?: RunOptions): Promise<R>;
	/** `live`: the worker threads started now (Piscina starts minThreads at once, more on demand). */
	stats(): { threads: number; live: number; running: number; waiting: number; limit: number };
	close(): Promise<void>;
}

/** Where the worker bundles are: set by scripts/serve.js for the built app, else .svelte-kit/workers. */
export function workersDir(): string {
	return resolve(process.env.MAM_STEM_WORKERS_DIR ?? '.svelte-kit/workers');
}

/** Threads for one server process: the cores shared among the cluster's processes, at least one. */
export function threadsPerProcess(): number {
	const processes = Math.max(1, Number(process.env.MAM_STEM_PROCESSES) || 1);
	return Math.max(1, Math.floor(availableParallelism() / processes));
}

/**
 * Aborts `ms` after the worker began the task (a worker still loading does not count against it).
 */
function hardLimit(started: Int32Array, ms: number) {
	const controller = new AbortController();
	let begun = 0;
	let timer: ReturnType<typeof setTimeout>;
	const check = () => {
		if (!begun && Atomics.load(started, 0)) begun = Date.now();
		if (begun && Date.now() - begun >= ms) return controller.abort();
		timer = setTimeout(check, begun ? Math.max(5, begun + ms - Date.now()) : 50);
		timer.unref();
	};
	check();
	return { signal: controller.signal, clear: () => clearTimeout(timer) };
}

/**
 * A bounded pool. At most `threads` tasks are handed to Piscina at once (so each starts at once on a
 * free worker and its hard limit counts its own run), at most `queue` more wait here in order.
 */
export function createPool(o: PoolOptions): Pool {
	const file = join(workersDir(), `${o.entry}.js`);
	if (!existsSync(file))
		throw new Error(`Mầm STEM: the worker bundle ${file} is missing; run npm run build.`);
	const piscina = new Piscina({
		filename: pathToFileURL(file).href,
		minThreads: o.minThreads ?? 0,
		maxThreads: o.threads,
		idleTimeout: 60_000,
		resourceLimits: {
			...(o.heapMb && { maxOldGenerationSizeMb: o.heapMb }),
			...(o.youngMb && { maxYoungGenerationSizeMb: o.youngMb })
		}
	});
	let running = 0;
	const waiting: (() => void)[] = [];
	// A rough wait: how many rounds of the threads are ahead, at about a second each, 1 to 10 s.
	const retryAfter = () =>
		Math.min(10, Math.max(1, Math.ceil((running + waiting.length) / o.threads)));
	async function turn(): Promise<void> {
		if (running < o.threads) {
			running++;
			return;
		}
		if (waiting.length >= o.queue) throw new Busy(retryAfter());
		await new Promise<void>((resolve) => waiting.push(resolve));
	}
	function release() {
		const next = waiting.shift();
		if (next)
			next(); // the slot passes on
		else running--;
	}
	return {
		async run<R>(task: unknown, options: RunOptions = {}): Promise<R> {
			await turn();
			const started = new Int32Array(new SharedArrayBuffer(4));
			const limit = hardLimit(started, options.hardLimitMs ?? o.hardLimitMs);
			try {
				const job: Job = { task, started };
				return (await piscina.run(job, { name: options.name, signal: limit.signal })) as R;
			} catch (e) {
				if (limit.signal.aborted) throw new Overrun();
				throw e;
			} finally {
				limit.clear();
				release();
			}
		},
		stats: () => ({
			threads: o.threads,
			live: piscina.threads.length,
			running,
			waiting: waiting.length,
			limit: o.threads + o.queue
		}),
		close: () => piscina.close({ force: false })
	};
}

/**
 * The endpoints' answer when a pool is full or a task overran: 503 with Retry-After, in the same
 * `{ refused }` shape as every other refusal. Other errors are thrown on.
 */
export function busyResponse(e: unknown): Response {
	if (!(e instanceof Busy) && !(e instanceof Overrun)) throw e;
	const seconds = e instanceof Busy ? e.retryAfter : 2;
	return new Response(JSON.stringify({ refused: 'busy', retryAfter: seconds }), {
		status: 503,
		headers: { 'content-type': 'application/json', 'retry-after': String(seconds) }
	});
}
