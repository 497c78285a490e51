// Checks on a submitted workspace before Blockly loads it (server) and the block count (stars).
import { KNOWN_BLOCKS } from './blocks';
import type { BlockJson, WorkspaceJson } from './spec';

export const MAX_WORKSPACE_BYTES = 256 * 1024;
const MAX_BLOCKS = 2000;

export type WorkspaceProblem = 'too_large' | 'malformed' | 'unknown_block';

function* walk(
	block: BlockJson | undefined,
	depth = 0
): Generator<{ block: BlockJson; shadow: boolean }> {
	if (!block || depth > 200) return;
	yield { block, shadow: false };
	for (const input of Object.values(block.inputs ?? {})) {
		if (input?.block) yield* walk(input.block, depth + 1);
		if (input?.shadow) yield { block: input.shadow, shadow: true };
	}
	if (block.next?.block) yield* walk(block.next.block, depth + 1);
}

export function topBlocks(ws: WorkspaceJson): BlockJson[] {
	return ws.blocks?.blocks ?? [];
}

/** Blocks a pupil placed (shadows — the default numbers inside blocks — do not count). */
export function countBlocks(ws: WorkspaceJson): number {
	let n = 0;
	for (const top of topBlocks(ws)) for (const { shadow } of walk(top)) if (!shadow) n++;
	return n;
}

/** Parses and screens a workspace sent by a browser: size, shape, and only block types we know. */
export function parseWorkspace(
	text: string
):
	| { ok: true; workspace: WorkspaceJson; blocks: number }
	| { ok: false; problem: WorkspaceProblem; detail?: string } {
	if (new TextEncoder().encode(text).length > MAX_WORKSPACE_BYTES)
		return { ok: false, problem: 'too_large' };
	let ws: unknown;
	try {
		ws = JSON.parse(text);
	} catch {
		return { ok: false, problem: 'malformed' };
	}
	if (!ws || typeof ws !== 'object' || Array.isArray(ws))
		return { ok: false, problem: 'malformed' };
	const workspace = ws as WorkspaceJson;
	const tops = workspace.blocks?.blocks ?? [];
	if (!Array.isArray(tops)) return { ok: false, problem: 'malformed' };
	let count = 0;
	for (const top of tops) {
		if (!top || typeof top !== 'object') return { ok: false, problem: 'malformed' };
		for (const { block } of walk(top)) {
			if (!block || typeof block.type !== 'string') return { ok: false, problem: 'malformed' };
			if (!KNOWN_BLOCKS.has(block.type))
				return { ok: false, problem: 'unknown_block', detail: block.type.slice(0, 60) };
			if (++count > MAX_BLOCKS) return { ok: false, problem: 'too_large' };
		}
	}
	return { ok: true, workspace, blocks: countBlocks(workspace) };
}
