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

interface ParsingInterpreter {
	prototype: { parse_(code: string, sourceFile: string): object };
	stripLocations_(node: object, start?: number, end?: number): void;
}
const parsedOnce = new WeakSet<object>();

/**
 * Every new interpreter parses, strips and runs the same polyfills (Array.prototype.map…), and each of
 * an exercise's cases parses the same program: two thirds of grading a submission. The syntax trees
 * are kept and shared below their root (each run gets its own root, the only node a run changes; a
 * tree's locations are stripped once); the polyfills still run in each interpreter: no state is shared.
 */
function parseOnce(Interpreter: InterpreterClass) {
	if (parsedOnce.has(Interpreter)) return;
	parsedOnce.add(Interpreter);
	const I = Interpreter as unknown as ParsingInterpreter;
	const parse = I.prototype.parse_;
	const trees = new Map<string, object>();
	I.prototype.parse_ = function (code, sourceFile) {
		if (sourceFile !== 'polyfills' && sourceFile !== 'code')
			return parse.call(this, code, sourceFile);
		const key = sourceFile + '\n' + code;
		let tree = trees.get(key);
		if (!tree) {
			if (trees.size > 64) trees.clear(); // a worker grades many programs: keep the recent ones
			trees.set(key, (tree = parse.call(this, code, sourceFile)));
		}
		// Running a program empties its root's body (stepProgram shifts it): each run gets its own root.
		const root = tree as { body: unknown[] };
		return Object.assign(Object.create(Object.getPrototypeOf(root)), root, {
			body: root.body.slice()
		});
	};
	const strip = I.stripLocations_;
	const stripped = new WeakSet<object>();
	I.stripLocations_ = (node, start, end) => {
		if (start === undefined && end === undefined) {
			if (stripped.has(node)) return;
			stripped.add(node);
		}
		strip(node, start, end);
	};
}

/** A parsed program bound to a world. Throws on a syntax error (cannot happen with generated code). */
export function startRun(Interpreter: InterpreterClass, code: string, world: World): Run {
	parseOnce(Interpreter);
	const run = { steps: 0, highlighted: null, reachedBlock: false, world } as unknown as Run;
	run.interpreter = new Interpreter(code, (interpreter, global) =>
		bindWorld(run, interpreter, global)
	);
	return run;
}

/** The world's functions, and highlightBlock, as the program's globals. */
function bindWorld(run: Run, interpreter: InterpreterInstance, global: unknown) {
	interpreter.setProperty(
		global,
		'highlightBlock',
		interpreter.createNativeFunction((id: unknown) => {
			run.highlighted = String(id);
			run.reachedBlock = true;
		})
	);
	for (const [name, fn] of Object.entries(run.world.api))
		interpreter.setProperty(
			global,
			name,
			interpreter.createNativeFunction(fn as (...a: unknown[]) => unknown)
		);
}

/** What js-interpreter keeps of a run, which a reused interpreter puts back (names as in its source). */
interface InterpreterState {
	globalObject: { properties: object; getter: object; setter: object };
	globalScope: object;
	parse_(code: string, sourceFile: string): object;
	populateScope_(node: object, scope: object): void;
	ast: object;
	stateStack: unknown[];
	tasks: unknown[];
	paused_: boolean;
	value: unknown;
	getterStep_: boolean;
	setterStep_: boolean;
}
interface StateClass {
	State: new (node: object, scope: object) => { done: boolean };
}
/** An interpreter as it stood when built (builtins and polyfills, no program): its globals' own properties. */
interface Spare {
	interpreter: InterpreterInstance & InterpreterState;
	properties: PropertyDescriptorMap;
	prototype: object | null;
	getter: object;
	setter: object;
}
const spares = new WeakMap<InterpreterClass, Spare>();

function spareOf(Interpreter: InterpreterClass): Spare {
	let spare = spares.get(Interpreter);
	if (!spare) {
		parseOnce(Interpreter);
		const interpreter = new Interpreter('', () => {}) as Spare['interpreter'];
		const g = interpreter.globalObject;
		spare = {
			interpreter,
			properties: Object.getOwnPropertyDescriptors(g.properties),
			prototype: Object.getPrototypeOf(g.properties),
			getter: { ...g.getter },
			setter: { ...g.setter }
		};
		spares.set(Interpreter, spare);
	}
	return spare;
}

/**
 * Runs a program to its end (grading, a drawing's strokes) in the interpreter the previous such run
 * used: building one (its builtins, then ~500 lines of polyfills run in the interpreter) took more
 * than half of grading a submission. The global object is put back as the built interpreter had it —
 * the last program's variables, functions and world gone — and the program starts on a fresh stack.
 * Blockly's code reaches no builtin's own properties (its names are the generator's, which renames any
 * clash with a builtin; a list's keys are numbers), so nothing of one run is seen by the next.
 * Synchronous, so one run at a time: the browser's stepping runs (startRun) build their own.
 */
export function runProgram(
	Interpreter: InterpreterClass,
	code: string,
	world: World,
	deadline = Number.POSITIVE_INFINITY,
	budget = STEP_BUDGET
): { end: RunEnd; errorMessage?: string } {
	const spare = spareOf(Interpreter);
	const it = spare.interpreter;
	const g = it.globalObject;
	g.properties = Object.create(spare.prototype, spare.properties);
	g.getter = Object.assign(Object.create(null), spare.getter);
	g.setter = Object.assign(Object.create(null), spare.setter);
	const ast = it.parse_(code, 'code');
	it.populateScope_(ast, it.globalScope);
	const state = new (Interpreter as unknown as StateClass).State(ast, it.globalScope);
	state.done = false;
	Object.assign(it, { ast, stateStack: [state], tasks: [], paused_: false, value: undefined });
	Object.assign(it, { getterStep_: false, setterStep_: false });
	const run = { interpreter: it, steps: 0, highlighted: null, reachedBlock: false, world } as Run;
	bindWorld(run, it, g);
	const end = runToEnd(run, deadline, budget);
	return { end, errorMessage: run.errorMessage };
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
