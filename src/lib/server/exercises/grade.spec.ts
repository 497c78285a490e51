import { describe, expect, test } from 'vitest';
import { SEED_EXERCISES, seedSpec } from '../seed/exercises';
import { gradeWorkspace, gradeWorkspaceText, starsFor } from './grade';
import { countBlocks, MAX_WORKSPACE_BYTES } from '$lib/blockly/workspace';
import * as b from './build';
import { emptySpec } from '$lib/blockly/spec';

describe('every seeded exercise', () => {
	test('there are at least 24, grades 3 to 9, all four kinds and five concepts', () => {
		expect(SEED_EXERCISES.length).toBeGreaterThanOrEqual(24);
		expect(new Set(SEED_EXERCISES.map((e) => e.kind))).toEqual(
			new Set(['io', 'turtle', 'maze', 'sensor'])
		);
		expect(new Set(SEED_EXERCISES.map((e) => e.concept)).size).toBe(5);
		expect(Math.min(...SEED_EXERCISES.map((e) => e.grade))).toBe(3);
		expect(Math.max(...SEED_EXERCISES.map((e) => e.grade))).toBe(9);
	});
	for (const e of SEED_EXERCISES) {
		test(`${e.title}: the reference passes with 3 stars, every wrong solution fails`, () => {
			const spec = seedSpec(e);
			const ref = gradeWorkspace(e.kind, spec, e.reference, countBlocks(e.reference));
			expect(ref.ok && ref.verdict).toMatchObject({ passed: true });
			expect(ref.ok && ref.stars).toBe(3);
			expect(e.wrong.length).toBeGreaterThanOrEqual(1);
			for (const w of e.wrong) {
				const bad = gradeWorkspace(e.kind, spec, w, countBlocks(w));
				expect(bad.ok).toBe(true);
				expect(bad.ok && bad.verdict.passed).toBe(false);
				expect(bad.ok && bad.stars).toBe(1);
			}
		});
	}
});

describe('the step budget and the refusals', () => {
	const spec = { ...emptySpec('io'), io: { cases: [{ inputs: { n: 5 }, expected: '25' }] } };
	test('while (true) is stopped with "too long"', () => {
		const started = Date.now();
		const r = gradeWorkspace('io', spec, b.ws(b.whileDo(b.bool(true), b.print(b.num(1)))), 3);
		const r2 = gradeWorkspace('io', spec, b.ws(b.whileDo(b.bool(true))), 2);
		expect(r.ok && r.verdict.code).toBe('too_long');
		expect(r2.ok && r2.verdict.code).toBe('too_long');
		expect(Date.now() - started).toBeLessThan(3000);
	});
	test('a workspace over 256 KB is refused', () => {
		const big = JSON.stringify({
			blocks: { languageVersion: 0, blocks: [b.print(b.text('x'.repeat(MAX_WORKSPACE_BYTES)))] }
		});
		expect(gradeWorkspaceText('io', spec, big)).toMatchObject({ ok: false, problem: 'too_large' });
	});
	test('an unknown block type is refused', () => {
		const text = JSON.stringify({
			blocks: { languageVersion: 0, blocks: [{ type: 'text_print', inputs: {} }] }
		});
		expect(gradeWorkspaceText('io', spec, text)).toMatchObject({
			ok: false,
			problem: 'unknown_block'
		});
	});
	test('malformed JSON, or JSON Blockly cannot load, is refused', () => {
		expect(gradeWorkspaceText('io', spec, '{"blocks": ')).toMatchObject({
			ok: false,
			problem: 'malformed'
		});
		expect(gradeWorkspaceText('io', spec, '[1,2]')).toMatchObject({
			ok: false,
			problem: 'malformed'
		});
		const bad = JSON.stringify({
			blocks: {
				languageVersion: 0,
				blocks: [{ type: 'io_print', inputs: { NOPE: { block: { type: 'math_number' } } } }]
			}
		});
		expect(gradeWorkspaceText('io', spec, bad)).toMatchObject({
			ok: false,
			problem: 'load_failed'
		});
	});
	test('stars: 3 within the ideal block count, 2 with more, 1 for a try', () => {
		expect(starsFor(true, 3, 3)).toBe(3);
		expect(starsFor(true, 4, 3)).toBe(2);
		expect(starsFor(false, 1, 3)).toBe(1);
	});
	test('a failing case reads as the pupil needs it: input, expected and got', () => {
		const r = gradeWorkspace(
			'io',
			spec,
			b.ws(b.print(b.arith('ADD', b.input('n'), b.input('n')))),
			3
		);
		expect(r.ok && r.verdict).toMatchObject({
			passed: false,
			code: 'io_wrong',
			params: { input: 'n = 5', expected: '25', got: '10' }
		});
	});
});

describe('the syntax trees kept between runs', () => {
	test('the same program graded again and again, and between others, gets the same verdict', () => {
		// Each run empties its program's root: a kept tree handed out twice would lose the polyfills
		// (Array.prototype.map…) or the program itself on the second run.
		const spec = {
			...emptySpec('io'),
			io: { cases: [{ inputs: { ds: '3,5,7' }, expected: '15' }] }
		};
		const sum = b.ws(b.print(b.onList('SUM', b.inputList('ds'))));
		const wrong = b.ws(b.print(b.onList('MAX', b.inputList('ds'))));
		const passed = [sum, wrong, sum, sum, wrong, sum].map((ws) => {
			const r = gradeWorkspace('io', spec, ws, countBlocks(ws));
			return r.ok && r.verdict.passed;
		});
		expect(passed).toEqual([true, false, true, true, false, true]);
	});
});
