// The checker shared by the browser and the server: runs the code once per case in a fresh world.
import { runProgram, STEP_BUDGET, type InterpreterClass, type RunEnd } from './runner';
import type { ExerciseSpec, Kind, Segment } from './spec';
import { runtimeReason } from './compare';
import { fail, OK, type Verdict } from './verdict';
import { createIoWorld } from './worlds/io';
import { createMazeWorld } from './worlds/maze';
import { createSensorWorld } from './worlds/sensor';
import { createTurtleWorld } from './worlds/turtle';

export type AnyWorld =
	| ReturnType<typeof createIoWorld>
	| ReturnType<typeof createTurtleWorld>
	| ReturnType<typeof createMazeWorld>
	| ReturnType<typeof createSensorWorld>;

/** A world's data after a block, as JSON, for the stage to draw: the fields its kind has. */
export interface WorldSnapshot {
	lines?: string[]; // io
	x?: number; // turtle, maze
	y?: number;
	heading?: number; // turtle
	segments?: Segment[];
	dir?: number; // maze
	crashed?: boolean;
	log?: { hour: number; reading: number; device: boolean }[]; // sensor
}

/** How many runs an exercise needs: test cases, grids or scenarios. */
export function caseCount(kind: Kind, spec: ExerciseSpec): number {
	if (kind === 'io') return spec.io?.cases.length ?? 0;
	if (kind === 'maze') return spec.maze?.worlds.length ?? 0;
	if (kind === 'sensor') return spec.sensor?.scenarios.length ?? 0;
	return 1;
}

export function createWorld(kind: Kind, spec: ExerciseSpec, index: number): AnyWorld {
	if (kind === 'io') return createIoWorld(spec.io!.cases[index], spec.io!.ignoreDiacritics);
	if (kind === 'maze') return createMazeWorld(spec.maze!.worlds[index]);
	if (kind === 'sensor')
		return createSensorWorld(spec.sensor!, spec.sensor!.scenarios[index].values);
	return createTurtleWorld(spec.turtle?.target ?? [], spec.turtle?.tolerance);
}

export function endVerdict(end: RunEnd, errorMessage?: string): Verdict | null {
	if (end === 'budget') return fail('too_long');
	if (end === 'timeout') return fail('timeout');
	if (end === 'error')
		return fail('runtime_error', {
			message: errorMessage ?? '',
			reason: runtimeReason(errorMessage ?? '')
		});
	return null;
}

/** Runs every case; the first failure is the verdict. */
export function checkCode(
	Interpreter: InterpreterClass,
	kind: Kind,
	spec: ExerciseSpec,
	code: string,
	options: { deadline?: number; budget?: number; skipHidden?: boolean } = {}
): Verdict {
	// Hat blocks alone (or nothing) generate only step markers: an empty program earns nothing.
	// (A block's id is quoted and may hold any character, ")" included.)
	if (!code.replace(/highlightBlock\('(?:[^'\\]|\\.)*'\);/g, '').trim()) return fail('empty');
	const n = caseCount(kind, spec);
	for (let i = 0; i < n; i++) {
		if (options.skipHidden && kind === 'io' && spec.io!.cases[i].hidden) continue;
		const world = createWorld(kind, spec, i);
		const run = runProgram(
			Interpreter,
			code,
			world,
			options.deadline,
			options.budget ?? STEP_BUDGET
		);
		const verdict = endVerdict(run.end, run.errorMessage) ?? world.verdict();
		if (verdict) return { ...verdict, caseNo: i + 1 };
	}
	return OK;
}

/** The segments a turtle program draws: how a turtle exercise's target is made from its reference. */
export function drawnSegments(Interpreter: InterpreterClass, code: string) {
	const world = createTurtleWorld([]);
	runProgram(Interpreter, code, world);
	return world.segments;
}
