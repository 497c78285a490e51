// Run by `npm run bench:grade` (BENCH_GRADE=1): grades every seeded reference on the server, several times,
// and writes the timings for scripts/bench/grade.js; then the grading pool's throughput with one worker
// thread and with one per core, in alternating windows (the grading alone, no HTTP). Skipped in ordinary test runs.
import { readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { expect, test } from 'vitest';
import { SEED_EXERCISES, seedSpec } from '../seed/exercises';
import type { GradeTask } from '../workers/grade.worker';
import { createPool, type Pool } from '../workers/pool';
import { gradingPoolOptions } from './grade-pool';
import { gradeWorkspaceText, type Graded } from './grade';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);

test.skipIf(!process.env.BENCH_GRADE)('grade every seeded reference solution', () => {
	const rows = SEED_EXERCISES.map((e) => {
		const spec = seedSpec(e);
		const text = JSON.stringify(e.reference);
		const times: number[] = [];
		for (let i = 0; i < ROUNDS; i++) {
			const started = performance.now();
			const graded = gradeWorkspaceText(e.kind, spec, text);
			times.push(performance.now() - started);
			expect(graded.ok && graded.verdict.passed).toBe(true);
		}
		return { title: e.title, kind: e.kind, grade: e.grade, times };
	});
	writeFileSync(process.env.BENCH_GRADE!, JSON.stringify(rows));
});

/** Grades/s of `pool` kept busy (four tasks per thread in flight) for `ms`; every grade must pass. */
async function gradesPerSecond(pool: Pool, tasks: GradeTask[], ms: number): Promise<number> {
	const started = performance.now();
	let done = 0;
	let next = 0;
	const lane = async () => {
		while (performance.now() - started < ms) {
			const graded = await pool.run<Graded>(tasks[next++ % tasks.length]);
			expect(graded.ok && graded.verdict.passed).toBe(true);
			done++;
		}
	};
	await Promise.all(Array.from({ length: pool.stats().threads * 4 }, lane));
	return done / ((performance.now() - started) / 1000);
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/**
 * One thread against one per core, with the server's settings, in alternating one-second windows: a
 * shared machine's speed drifts over a run (one thread gave 370–540 grades/s from run to run here), so
 * each window of all cores is compared with the window of one thread just before it, and the median
 * of those ratios is the scale.
 */
test.skipIf(!process.env.BENCH_GRADE)(
	'the grading pool: one thread against one per core, in alternating windows',
	async () => {
		const pairs = Number(process.env.BENCH_POOL_PAIRS ?? 12);
		const tasks: GradeTask[] = SEED_EXERCISES.map((e) => ({
			kind: e.kind,
			spec: seedSpec(e),
			text: JSON.stringify(e.reference),
			hints: 0
		}));
		const cores = availableParallelism();
		const one = createPool(gradingPoolOptions(1, 100_000));
		const all = createPool(gradingPoolOptions(cores, 100_000));
		try {
			// Every thread loads Blockly and warms up first (not counted): a grade takes a millisecond
			// or two, so a thread's first few hundred run before V8 has compiled the interpreter's hot paths.
			for (const pool of [one, all]) {
				const n = pool.stats().threads * 400;
				await Promise.all(Array.from({ length: n }, (_, i) => pool.run(tasks[i % tasks.length])));
			}
			const windows = { one: [] as number[], all: [] as number[], ratios: [] as number[] };
			for (let k = 0; k < pairs; k++) {
				windows.one.push(await gradesPerSecond(one, tasks, 1000));
				windows.all.push(await gradesPerSecond(all, tasks, 1000));
				windows.ratios.push(windows.all[k] / windows.one[k]);
			}
			const rows = JSON.parse(readFileSync(process.env.BENCH_GRADE!, 'utf8'));
			const pool = {
				one: median(windows.one),
				all: median(windows.all),
				cores,
				scale: median(windows.ratios),
				ratios: windows.ratios
			};
			writeFileSync(process.env.BENCH_GRADE!, JSON.stringify({ rows, pool }));
		} finally {
			await Promise.all([one.close(), all.close()]);
		}
	},
	300_000
);
