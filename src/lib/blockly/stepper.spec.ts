// The Player's stepper: Step goes one block further, Run to the end with the verdict, Reset while a
// run waits between blocks ends that run, and each run starts from the case's world afresh.
import Interpreter from 'js-interpreter';
import { describe, expect, it } from 'vitest';
import { createWorld } from './check';
import type { InterpreterClass } from './runner';
import type { ExerciseSpec } from './spec';
import { Stepper } from './stepper.svelte';

const I = Interpreter as unknown as InterpreterClass;
// S, two squares, then G: three steps forward reach the goal, two fall short.
const spec = {
	maze: { worlds: [{ rows: ['######', '#S..G#', '######'], dir: 0 }] }
} as ExerciseSpec;
const twoSteps = "highlightBlock('a'); maze_forward(); highlightBlock('b'); maze_forward();";
const threeSteps = twoSteps + " highlightBlock('c'); maze_forward();";

function stepper() {
	const s = new Stepper(
		(i) => createWorld('maze', spec, i),
		() => null
	);
	s.reset(0);
	return s;
}
const program = (code: string) => () => Promise.resolve([I, code] as [InterpreterClass, string]);

describe('Stepper', () => {
	it('Step stops at each block with the world as it stands; the last Step gives the verdict', async () => {
		const s = stepper();
		expect(s.snap).toMatchObject({ x: 1, y: 1 });
		expect(await s.advance(program(twoSteps), 0, false, () => 0)).toBeNull();
		expect(s.started).toBe(true);
		expect(s.snap).toMatchObject({ x: 1 });
		expect(await s.advance(program(twoSteps), 0, false, () => 0)).toBeNull();
		expect(s.snap).toMatchObject({ x: 2 });
		expect(await s.advance(program(twoSteps), 0, false, () => 0)).toMatchObject({ passed: false });
		expect(s.snap).toMatchObject({ x: 3 });
		expect(s.started).toBe(false);
	});

	it('Run goes to the end, pausing between blocks, and gives the verdict', async () => {
		const s = stepper();
		let pauses = 0;
		const verdict = await s.advance(program(threeSteps), 0, true, () => (pauses++, 0));
		expect(verdict).toMatchObject({ passed: true });
		expect(pauses).toBe(3);
		expect(s.snap).toMatchObject({ x: 4 });
		expect(s.block).toBe('');
	});

	it('a reset while the run waits between blocks ends it, with the world afresh', async () => {
		const s = stepper();
		const running = s.advance(program(threeSteps), 0, true, () => 20);
		await new Promise((r) => setTimeout(r, 5));
		s.reset(0);
		expect(await running).toBeNull();
		expect(s.started).toBe(false);
		expect(s.snap).toMatchObject({ x: 1 });
	});

	it('a new run starts from the start of the case, not where the last one ended', async () => {
		const s = stepper();
		await s.advance(program(twoSteps), 0, true, () => 0);
		expect(s.snap).toMatchObject({ x: 3 });
		expect(await s.advance(program(twoSteps), 0, true, () => 0)).toMatchObject({ passed: false });
		expect(s.snap).toMatchObject({ x: 3 });
	});
});
