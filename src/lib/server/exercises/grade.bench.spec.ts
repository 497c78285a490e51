// Run by `npm run bench:grade` (BENCH_GRADE=1): grades every seeded reference on the server, several times,
// and writes the timings for scripts/bench/grade.js. Skipped in ordinary test runs.
import { writeFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { SEED_EXERCISES, seedSpec } from '../seed/exercises';
import { gradeWorkspaceText } from './grade';

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
