// Runs generated code in js-interpreter with a step budget, in the browser and on the server alike.
// The Interpreter class is passed in, so this module stays out of bundles until it is imported dynamically.

/** Interpreter steps one run may take: enough for any exercise, small enough to stop `while (true)` fast. */
export const STEP_BUDGET = 200_000;
/** The server's wall-clock limit for grading one submission (all its cases). */
export const TIME_LIMIT_MS = 3000;

export type Native = (...args: never[]) => unknown;
export interface World {
	api: Record<string, Native>;
	/** Set by the world when the run must end now (goal reached, crash, day over). */
	halted: boolean;
}

export interface InterpreterInstance {
	step(): boolean;
	getStatus(): number;
	setProperty(obj: unknown, name: string, value: unknown): void;
	createNativeFunction(fn: (...args: unknown[]) => unknown): unknown;
}
export interface InterpreterClass {
	new (
		code: string,
		init: (interpreter: InterpreterInstance, globalObject: unknown) => void
	): InterpreterInstance;
	Status: { DONE: number; STEP: number; TASK: number; ASYNC: number };
}

export type RunEnd = 'done' | 'budget' | 'timeout' | 'error';

export interface Run {
	interpreter: InterpreterInstance;
	steps: number;
	/** The id of the block about to run, set by highlightBlock. */
	highlighted: string | null;
	/** Set by highlightBlock; the stepper clears it. */
	reachedBlock: boolean;
	world: World;
	errorMessage?: string;
}

/** A parsed program bound to a world. Throws on a syntax error (cannot happen with generated code). */
export function startRun(Interpreter: InterpreterClass, code: string, world: World): Run {
	const run = { steps: 0, highlighted: null, reachedBlock: false, world } as unknown as Run;
	run.interpreter = new Interpreter(code, (interpreter, global) => {
		interpreter.setProperty(
			global,
			'highlightBlock',
			interpreter.createNativeFunction((id: unknown) => {
				run.highlighted = String(id);
				run.reachedBlock = true;
			})
		);
		for (const [name, fn] of Object.entries(world.api)) {
			interpreter.setProperty(
				global,
				name,
				interpreter.createNativeFunction(fn as (...a: unknown[]) => unknown)
			);
		}
	});
	return run;
}

/** One interpreter step; false when the program is over (done, halted by the world, or failed). */
function stepOnce(run: Run): boolean | 'error' {
	if (run.world.halted) return false;
	try {
		run.steps++;
		return run.interpreter.step();
	} catch (e) {
		run.errorMessage = e instanceof Error ? e.message : String(e);
		return 'error';
	}
}

/** Runs to the end synchronously (grading): stops at the step budget or the deadline. */
export function runToEnd(
	run: Run,
	deadline = Number.POSITIVE_INFINITY,
	budget = STEP_BUDGET
): RunEnd {
	for (;;) {
		const more = stepOnce(run);
		if (more === 'error') return 'error';
		if (!more) return 'done';
		if (run.steps >= budget) return 'budget';
		if (run.steps % 500 === 0 && Date.now() > deadline) return 'timeout';
		// RegExps would run asynchronously here; our blocks never make one, so a paused program is an error.
		if (run.interpreter.getStatus() === 3) return 'error';
	}
}

/**
 * Runs until the next block starts (Step), or to the end; async so the browser never freezes:
 * it yields every few thousand steps, and waits while js-interpreter runs a RegExp (Status.ASYNC).
 */
export async function runUntilBlock(run: Run, budget = STEP_BUDGET): Promise<RunEnd | 'block'> {
	run.reachedBlock = false;
	for (;;) {
		if (run.interpreter.getStatus() === 3) {
			await new Promise((r) => setTimeout(r, 5));
			continue;
		}
		const more = stepOnce(run);
		if (more === 'error') return 'error';
		if (!more) return 'done';
		if (run.steps >= budget) return 'budget';
		if (run.reachedBlock) return 'block';
		if (run.steps % 2000 === 0) await new Promise((r) => setTimeout(r, 0));
	}
}
