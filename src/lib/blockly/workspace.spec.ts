import { describe, expect, it } from 'vitest';
import { countBlocks, parseWorkspace, walk } from './workspace';
import { gradeWorkspaceText } from '$lib/server/exercises/grade';
import { emptySpec } from './spec';
import type { BlockJson } from './spec';

const print = (inner?: BlockJson, next?: BlockJson): BlockJson => ({
	type: 'io_print',
	inputs: inner ? { VALUE: { block: inner } } : {},
	...(next ? { next: { block: next } } : {})
});
const num = (n: number): BlockJson => ({ type: 'math_number', fields: { NUM: n } });
const text = (blocks: BlockJson[]) => JSON.stringify({ blocks: { languageVersion: 0, blocks } });

/** A chain of `depth` print blocks, each the next of the one before, ending in `last`. */
function chain(depth: number, last: BlockJson): BlockJson {
	let b = last;
	for (let i = 0; i < depth; i++) b = print(undefined, b);
	return b;
}

const spec = { ...emptySpec('io'), io: { cases: [{ inputs: {}, expected: '1' }] } };
/** Save (parseWorkspace) and submit (grading) give the same refusal. */
function refusedBoth(t: string) {
	const saved = parseWorkspace(t);
	const submitted = gradeWorkspaceText('io', spec, t);
	expect(saved.ok).toBe(false);
	expect(submitted).toMatchObject({ ok: false, problem: !saved.ok && saved.problem });
	return saved;
}

describe('the workspace check (the same for save and submit)', () => {
	it('finds an unknown block at any depth, far below the old limit of 200', () => {
		const deep = chain(1500, { type: 'text_print' });
		expect(refusedBoth(text([deep]))).toMatchObject({
			problem: 'unknown_block',
			detail: 'text_print'
		});
	});

	it("looks inside shadow blocks' inputs and next blocks", () => {
		const inShadow: BlockJson = {
			type: 'io_print',
			inputs: {
				VALUE: { shadow: { type: 'math_number', inputs: { X: { block: { type: 'evil' } } } } }
			}
		};
		expect(refusedBoth(text([inShadow]))).toMatchObject({
			problem: 'unknown_block',
			detail: 'evil'
		});
		const nextOfShadow: BlockJson = {
			type: 'io_print',
			inputs: { VALUE: { shadow: { type: 'math_number', next: { block: { type: 'evil2' } } } } }
		};
		expect(refusedBoth(text([nextOfShadow]))).toMatchObject({ detail: 'evil2' });
		const shadowItself: BlockJson = {
			type: 'io_print',
			inputs: { VALUE: { shadow: { type: 'x' } } }
		};
		expect(refusedBoth(text([shadowItself]))).toMatchObject({ detail: 'x' });
	});

	it('refuses more than 2,000 blocks, shadows included, without recursion', () => {
		expect(refusedBoth(text([chain(2001, num(1))]))).toMatchObject({ problem: 'too_large' });
		const withShadows = Array.from({ length: 1001 }, () => ({
			type: 'io_print',
			inputs: { VALUE: { shadow: num(1) } }
		}));
		expect(refusedBoth(text(withShadows))).toMatchObject({ problem: 'too_large' });
		const ok = parseWorkspace(text([chain(1998, num(1))]));
		expect(ok).toMatchObject({ ok: true, blocks: 1999 });
	});

	it('refuses malformed blocks anywhere (a number for a block, an input that is not an object)', () => {
		expect(refusedBoth(text([print(undefined, 5 as unknown as BlockJson)]))).toMatchObject({
			problem: 'malformed'
		});
		const badInput = { type: 'io_print', inputs: { VALUE: 'x' } } as unknown as BlockJson;
		expect(refusedBoth(text([badInput]))).toMatchObject({ problem: 'malformed' });
	});

	it('walks in reading order and counts only the blocks a pupil placed', () => {
		const ws = print(
			{ type: 'math_arithmetic', inputs: { A: { shadow: num(1) }, B: { block: num(2) } } },
			print(num(3))
		);
		expect([...walk(ws)].map((w) => `${w.block.type}${w.shadow ? '*' : ''}`)).toEqual([
			'io_print',
			'math_arithmetic',
			'math_number*',
			'math_number',
			'io_print',
			'math_number'
		]);
		expect(countBlocks({ blocks: { blocks: [ws] } })).toBe(5);
	});
});
