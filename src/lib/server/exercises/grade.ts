// Grading on the server: screen the workspace, generate code, run every case under the step budget
// and a time limit. Only this verdict is ever stored.
import { checkCode, drawnSegments } from '$lib/blockly/check';
import { TIME_LIMIT_MS } from '$lib/blockly/runner';
import type { ExerciseSpec, Kind, WorkspaceJson } from '$lib/blockly/spec';
import type { Verdict } from '$lib/blockly/verdict';
import { parseWorkspace, type WorkspaceProblem } from '$lib/blockly/workspace';
import { generateCode, ServerInterpreter } from './blockly';

export type Graded =
	| { ok: true; verdict: Verdict; blocks: number; stars: number }
	| { ok: false; problem: WorkspaceProblem | 'load_failed'; detail?: string };

/**
 * Code.org's stars: 3 solved within the ideal block count, 2 solved with more, 1 for a try; an empty
 * workspace earns nothing; each hint opened beyond the first costs a star of a solved puzzle (never
 * below 1).
 */
export function starsFor(passed: boolean, blocks: number, ideal: number, hints = 0): number {
	if (!passed) return blocks > 0 ? 1 : 0;
	if (hints > 1) return Math.max(1, (blocks <= ideal ? 3 : 2) - (hints - 1));
	return blocks <= ideal ? 3 : 2;
}

export function gradeWorkspaceText(
	kind: Kind,
	spec: ExerciseSpec,
	text: string,
	hints = 0
): Graded {
	const parsed = parseWorkspace(text);
	if (!parsed.ok) return parsed;
	return gradeWorkspace(kind, spec, parsed.workspace, parsed.blocks, hints);
}

export function gradeWorkspace(
	kind: Kind,
	spec: ExerciseSpec,
	workspace: WorkspaceJson,
	blocks: number,
	hints = 0
): Graded {
	const code = generateCode(workspace);
	if (code === null) return { ok: false, problem: 'load_failed' };
	const verdict = checkCode(ServerInterpreter, kind, spec, code, {
		deadline: Date.now() + TIME_LIMIT_MS
	});
	return {
		ok: true,
		verdict,
		blocks,
		stars: verdict.code === 'empty' ? 0 : starsFor(verdict.passed, blocks, spec.ideal, hints)
	};
}

/** A turtle exercise's target: what its reference program draws. */
export function turtleTarget(reference: WorkspaceJson) {
	const code = generateCode(reference);
	return code === null ? [] : drawnSegments(ServerInterpreter, code);
}
