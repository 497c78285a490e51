import { afterAll, describe, expect, test } from 'vitest';
import { turnsDuring } from './turns.testing';
import { emptySpec } from '$lib/blockly/spec';
import { SEED_EXERCISES, seedSpec } from '../seed/exercises';
import * as b from '../exercises/build';
import {
	closeGradingPool,
	gradeOffThread,
	gradingPoolStats,
	warmGradingPool
} from '../exercises/grade-pool';
import { Busy, busyResponse, createPool, Overrun, type Pool } from './pool';

const spec = { ...emptySpec('io'), io: { cases: [{ inputs: { n: 5 }, expected: '25' }] } };
const forever = JSON.stringify(b.ws(b.whileDo(b.bool(true), b.print(b.num(1)))));
const pools: Pool[] = [];
/** A small pool, its workers started (booting Blockly takes a while on a busy machine). */
async function pool(threads: number, queue: number) {
	const p = createPool({
		entry: 'grade',
		threads,
		queue,
		hardLimitMs: 120_000,
		minThreads: threads
	});
	pools.push(p);
	await p.run({ kind: 'io', spec, text: '[1]' });
	return p;
}
afterAll(async () => {
	await Promise.all(pools.map((p) => p.close()));
	await closeGradingPool();
});

describe('the grading pool', { timeout: 180_000 }, () => {
	test('an exercise opened starts a grading thread before the first submission; not before', async () => {
		await closeGradingPool();
		expect(gradingPoolStats()).toBeNull();
		warmGradingPool(); // the exercise page's load
		expect(gradingPoolStats()?.live).toBe(1);
		warmGradingPool(); // a second pupil: the same pool
		expect(gradingPoolStats()?.live).toBe(1);
	});

	test('every seeded reference passes with 3 stars when graded in a worker', async () => {
		for (const e of SEED_EXERCISES) {
			const r = await gradeOffThread(e.kind, seedSpec(e), JSON.stringify(e.reference));
			expect(r.ok && r.verdict, e.title).toMatchObject({ passed: true });
			expect(r.ok && r.stars, e.title).toBe(3);
		}
	});

	test('while (true) is stopped at the limit in a worker, and the request thread keeps turning', async () => {
		// Five in a row (one is over in a few milliseconds now that grading keeps its syntax trees).
		const five = async () => {
			const verdicts = [];
			for (let i = 0; i < 5; i++) verdicts.push(await gradeOffThread('io', spec, forever));
			return verdicts;
		};
		const { value, turns } = await turnsDuring(five());
		for (const v of value) expect(v.ok && v.verdict.code).toBe('too_long');
		expect(turns).toBeGreaterThan(3);
	});

	test('bad workspaces are refused in the worker as they were on the request thread', async () => {
		expect(await gradeOffThread('io', spec, '{"blocks": ')).toMatchObject({
			ok: false,
			problem: 'malformed'
		});
	});

	test('a crashed worker is replaced: the next submission is graded', async () => {
		const p = await pool(1, 4);
		await expect(p.run(null, { name: 'crash' })).rejects.toThrow();
		const after = await p.run<{ ok: boolean }>({ kind: 'io', spec, text: forever });
		expect(after.ok).toBe(true);
		expect(p.stats()).toMatchObject({ running: 0, waiting: 0 });
	});

	test('a worker stuck past the hard limit is stopped and replaced', async () => {
		const p = await pool(1, 0);
		await expect(p.run(null, { name: 'hang', hardLimitMs: 500 })).rejects.toBeInstanceOf(Overrun);
		const after = await p.run<{ ok: boolean }>({ kind: 'io', spec, text: '[1]' });
		expect(after).toMatchObject({ ok: false, problem: 'malformed' });
	});

	test('a full pool refuses at once with Busy, answered as 503 with Retry-After', async () => {
		const p = await pool(1, 1);
		const first = p.run({ kind: 'io', spec, text: forever });
		const second = p.run({ kind: 'io', spec, text: forever });
		let refused: unknown;
		try {
			await p.run({ kind: 'io', spec, text: forever });
		} catch (e) {
			refused = e;
		}
		expect(refused).toBeInstanceOf(Busy);
		const res = busyResponse(refused);
		expect(res.status).toBe(503);
		expect(Number(res.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
		expect(await res.json()).toMatchObject({ refused: 'busy' });
		// The two it took are graded; then it takes work again.
		await Promise.all([first, second]);
		expect(p.stats()).toMatchObject({ running: 0, waiting: 0 });
		await expect(p.run({ kind: 'io', spec, text: '[1]' })).resolves.toMatchObject({ ok: false });
	});

	test('other errors are not turned into 503', () => {
		expect(() => busyResponse(new Error('boom'))).toThrow('boom');
	});
});
