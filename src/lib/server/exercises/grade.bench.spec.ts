// Run by `npm run bench:grade` (BENCH_GRADE=1): grades every seeded reference on the server, several times,
// and writes the timings for scripts/bench/grade.js; then the grading pool's throughput with one worker
// thread and with one per core (the grading alone, no HTTP). Skipped in ordinary test runs.
import { readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { expect, test } from 'vitest';
import { SEED_EXERCISES, seedSpec } from '../seed/exercises';
import { createPool } from '../workers/pool';
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

/** Grades/s of a pool of `threads` workers given every reference `rounds` times at once. */
async function poolThroughput(threads: number, rounds: number): Promise<number> {
	const pool = createPool({ entry: 'grade', threads, queue: 100_000, hardLimitMs: 60_000 });
	const tasks = SEED_EXERCISES.map((e) => ({
		kind: e.kind,
		spec: seedSpec(e),
		text: JSON.stringify(e.reference),
		hints: 0
	}));
	try {
		// Every thread loads Blockly and warms up first (not counted): a grade takes a millisecond or
		// two, so a thread's first few hundred run before V8 has compiled the interpreter's hot paths.
		await Promise.all(
			Array.from({ length: threads * 400 }, (_, i) => pool.run(tasks[i % tasks.length]))
		);
		const started = performance.now();
		const all = await Promise.all(
			Array.from({ length: rounds }, () => tasks.map((t) => pool.run<Graded>(t))).flat()
		);
		const seconds = (performance.now() - started) / 1000;
		expect(all.every((g) => g.ok && g.verdict.passed)).toBe(true);
		return all.length / seconds;
	} finally {
		await pool.close();
	}
}

test.skipIf(!process.env.BENCH_GRADE)(
	'the grading pool: one thread, then one per core',
	async () => {
		const rounds = Number(process.env.BENCH_POOL_ROUNDS ?? 150);
		const one = await poolThroughput(1, rounds);
		const cores = availableParallelism();
		const all = await poolThroughput(cores, rounds);
		const rows = JSON.parse(readFileSync(process.env.BENCH_GRADE!, 'utf8'));
		writeFileSync(process.env.BENCH_GRADE!, JSON.stringify({ rows, pool: { one, all, cores } }));
	},
	300_000
);
