// A drawing is what its program draws: the server runs the saved workspace on the turtle world (the
// same generators, step budget and time limit as grading) and keeps the strokes. The browser's picture
// is never stored; the page draws the stored numbers.
import { endVerdict } from '$lib/blockly/check';
import { runProgram, STEP_BUDGET, TIME_LIMIT_MS } from '$lib/blockly/runner';
import type { Segment } from '$lib/blockly/spec';
import { parseWorkspace, walk, topBlocks, type WorkspaceProblem } from '$lib/blockly/workspace';
import { createTurtleWorld } from '$lib/blockly/worlds/turtle';
import { generateCode, ServerInterpreter } from '../exercises/blockly';

export type Drawn =
	| { ok: true; segments: Segment[]; blocks: number; ended: 'done' | 'stopped' }
	| { ok: false; problem: WorkspaceProblem | 'load_failed'; detail?: string };

/** Screens a workspace sent by the browser: the checks of exercises, and only the canvas's blocks. */
export function screenPlayWorkspace(text: string, allowed: readonly string[]) {
	const parsed = parseWorkspace(text);
	if (!parsed.ok) return parsed;
	const set = new Set(allowed);
	for (const top of topBlocks(parsed.workspace))
		for (const { block } of walk(top))
			if (!set.has(block.type))
				return { ok: false as const, problem: 'unknown_block' as const, detail: block.type };
	return parsed;
}

/**
 * Runs a workspace on the turtle world: the strokes it draws until it ends, fails, or runs out of
 * steps, time or strokes (what was drawn until then is the drawing).
 */
export function drawWorkspaceText(text: string, allowed: readonly string[]): Drawn {
	const parsed = screenPlayWorkspace(text, allowed);
	if (!parsed.ok) return parsed;
	const code = generateCode(parsed.workspace);
	if (code === null) return { ok: false, problem: 'load_failed' };
	const world = createTurtleWorld([]);
	let finished: boolean;
	try {
		const run = runProgram(ServerInterpreter, code, world, Date.now() + TIME_LIMIT_MS, STEP_BUDGET);
		finished = run.end === 'done' && !endVerdict(run.end, run.errorMessage);
	} catch {
		finished = false;
	}
	return {
		ok: true,
		segments: world.segments.map(clean).filter((s): s is Segment => s !== null),
		blocks: parsed.blocks,
		ended: finished && !world.halted ? 'done' : 'stopped'
	};
}

const FAR = 100_000;
/** Finite numbers within reach, rounded: nothing else is stored or drawn. */
function clean(s: Segment): Segment | null {
	const v = [s.x1, s.y1, s.x2, s.y2].map(Number);
	if (!v.every((n) => Number.isFinite(n) && Math.abs(n) < FAR)) return null;
	const [x1, y1, x2, y2] = v.map((n) => Math.round(n * 100) / 100);
	return { x1, y1, x2, y2 };
}
