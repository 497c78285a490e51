// runProgram reuses one interpreter from run to run (grading): each run must see what a freshly built
// interpreter would, and nothing of the runs before it.
import Interpreter from 'js-interpreter';
import { describe, expect, it } from 'vitest';
import { runProgram, runToEnd, startRun, type InterpreterClass, type World } from './runner';

const I = Interpreter as unknown as InterpreterClass;

/** A world whose one function writes what the program says. */
function outWorld(extra: Record<string, () => void> = {}) {
	const lines: string[] = [];
	const world: World = {
		halted: false,
		api: { out: (v: unknown) => void lines.push(String(v)), ...extra }
	};
	return { world, lines };
}

function run(code: string, budget?: number) {
	const { world, lines } = outWorld();
	const result = runProgram(I, code, world, undefined, budget);
	return { ...result, lines };
}

describe('runProgram', () => {
	it("gives each program a global scope without the last one's variables and functions", () => {
		const first = run('var left = 5; function helper() { return 1; } out(left + helper());');
		expect(first).toMatchObject({ end: 'done', lines: ['6'] });
		const second = run('out(typeof left); out(typeof helper); var mine; out(typeof mine);');
		expect(second).toMatchObject({ end: 'done', lines: ['undefined', 'undefined', 'undefined'] });
	});

	it("binds each run's world: the last world's functions are gone", () => {
		const moves: number[] = [];
		const maze = outWorld({ moveForward: () => void moves.push(1) });
		runProgram(I, 'moveForward(); moveForward();', maze.world);
		expect(moves).toEqual([1, 1]);
		const next = run('out(typeof moveForward); out(typeof out);');
		expect(next.lines).toEqual(['undefined', 'function']);
		expect(moves).toEqual([1, 1]);
	});

	it('starts afresh after a run stopped by the step budget or by an error', () => {
		expect(run('var n = 0; while (true) { n++; }', 5_000).end).toBe('budget');
		expect(run('out(typeof n); out(1 + 1);')).toMatchObject({
			end: 'done',
			lines: ['undefined', '2']
		});
		const failed = run('out("a"); nothingHere(); out("b");');
		expect(failed).toMatchObject({ end: 'error', lines: ['a'] });
		expect(failed.errorMessage).toMatch(/nothingHere/);
		expect(run('out("c");')).toMatchObject({ end: 'done', lines: ['c'] });
	});

	it('keeps the builtins and polyfills as a fresh interpreter has them', () => {
		const code =
			'var xs = [3, 1, 2]; xs.sort(function (a, b) { return a - b; }); out(xs.join(",")); out([1, 2].map(function (x) { return x * 2; }).join(","));' +
			'out(Math.max(4, 9)); out("Lạng Sơn".toUpperCase()); out(typeof Array.prototype.filter);';
		const reused = [run(code), run(code)];
		const { world, lines } = outWorld();
		runToEnd(startRun(I, code, world));
		expect(lines).toEqual(['1,2,3', '2,4', '9', 'LẠNG SƠN', 'function']);
		for (const r of reused) expect(r).toMatchObject({ end: 'done', lines });
	});

	it("counts each run's steps from zero", () => {
		// 200 loop turns fit a budget of 5,000 steps every time, however many runs came before
		for (let i = 0; i < 5; i++)
			expect(run('for (var i = 0; i < 200; i++) {} out(i);', 5_000)).toMatchObject({
				end: 'done',
				lines: ['200']
			});
	});
});
