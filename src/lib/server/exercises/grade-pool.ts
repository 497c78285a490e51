// Grading off the request thread: the pupils' programs run in a pool of worker threads
// (workers/grade.worker.ts runs grade.ts), sized to the cores this process may use.
import { TIME_LIMIT_MS } from '$lib/blockly/runner';
import type { ExerciseSpec, Kind } from '$lib/blockly/spec';
import { createPool, threadsPerProcess, type Pool, type PoolOptions } from '../workers/pool';
import type { Graded } from './grade';
import type { Drawn } from '../play/draw';

/** Submissions that may wait per thread before the server answers 503 (a class of 35 fits). */
export const QUEUE_PER_THREAD = 48;

let pool: Pool | undefined;

function envNumber(name: string): number | undefined {
	const v = process.env[name];
	return v !== undefined && v !== '' && Number.isInteger(Number(v)) ? Number(v) : undefined;
}

/** The grading pool's settings for `threads` threads (the server's, and bench:grade's). */
export function gradingPoolOptions(threads: number, queue: number): PoolOptions {
	return {
		entry: 'grade',
		threads,
		queue,
		// The interpreter stops a program at TIME_LIMIT_MS; this is the backstop for the rest
		// (with room for a replaced worker to load Blockly on a busy machine).
		hardLimitMs: TIME_LIMIT_MS + 20_000,
		heapMb: 192,
		youngMb: 16,
		minThreads: 1
	};
}

/** The process's grading pool; MAM_STEM_GRADE_THREADS and MAM_STEM_GRADE_QUEUE override its size. */
export function gradingPool(): Pool {
	if (!pool) {
		const threads = Math.max(1, envNumber('MAM_STEM_GRADE_THREADS') ?? threadsPerProcess());
		const queue = Math.max(0, envNumber('MAM_STEM_GRADE_QUEUE') ?? threads * QUEUE_PER_THREAD);
		pool = createPool(gradingPoolOptions(threads, queue));
	}
	return pool;
}

/**
 * Starts the grading pool, and with it its first thread, which loads Blockly (1–3 s of a core), when a
 * pupil opens an exercise: the first submissions of a lab then do not queue behind it (npm run
 * bench:load). A server nobody has opened an exercise on keeps its idle memory.
 */
export function warmGradingPool(): void {
	try {
		gradingPool();
	} catch (e) {
		// The page opens all the same; a submission meets (and reports) the same problem.
		console.error('Mầm STEM: the grading pool could not start:', e);
	}
}

/** The grading pool's figures, or null while it has not been started. */
export function gradingPoolStats(): ReturnType<Pool['stats']> | null {
	return pool?.stats() ?? null;
}

/** Grades a submission in a worker: throws Busy when the pool is full, Overrun past its limit. */
export function gradeOffThread(
	kind: Kind,
	spec: ExerciseSpec,
	text: string,
	hints = 0
): Promise<Graded> {
	return gradingPool().run<Graded>({ kind, spec, text, hints });
}

/** Runs a free-play drawing's program in a worker (play/draw.ts): the same pool, limits and Busy. */
export function drawOffThread(text: string, allowed: string[]): Promise<Drawn> {
	return gradingPool().run<Drawn>({ text, allowed }, { name: 'draw' });
}

/** Lets the workers finish what they hold (a clean stop). */
export async function closeGradingPool(): Promise<void> {
	const p = pool;
	pool = undefined;
	await p?.close();
}
