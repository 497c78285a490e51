// Checks on a submitted workspace before Blockly loads it (server) and the block count (stars).
import { KNOWN_BLOCKS } from './blocks';
import type { BlockJson, WorkspaceJson } from './spec';

export const MAX_WORKSPACE_BYTES = 256 * 1024;
const MAX_BLOCKS = 2000;

export type WorkspaceProblem = 'too_large' | 'malformed' | 'unknown_block';

/**
 * Every block under a top block, at any depth, shadows and what shadows hold included: an explicit
 * stack, not recursion, so a deeply nested workspace cannot overflow the call stack. Lazy, so the
 * caller stops at its cap. Anything that is not an object is yielded as is for the caller to refuse.
 */
export function* walk(top: BlockJson): Generator<{ block: BlockJson; shadow: boolean }> {
	const stack: { block: unknown; shadow: boolean }[] = [{ block: top, shadow: false }];
	while (stack.length) {
		const { block, shadow } = stack.pop()!;
		yield { block: block as BlockJson, shadow };
		if (!block || typeof block !== 'object') continue;
		const b = block as BlockJson;
		// Pushed in reverse so that blocks come out in reading order: inputs, then the next block.
		const children: { block: unknown; shadow: boolean }[] = [];
		const slots = [...Object.values(b.inputs && typeof b.inputs === 'object' ? b.inputs : {})];
		if (b.next !== undefined) slots.push(b.next);
		for (const slot of slots) {
			if (slot === undefined) continue;
			if (!slot || typeof slot !== 'object') {
				children.push({ block: slot, shadow });
				continue;
			}
			if (slot.block !== undefined) children.push({ block: slot.block, shadow });
			if (slot.shadow !== undefined) children.push({ block: slot.shadow, shadow: true });
		}
		for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
	}
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
			if (!block || typeof block !== 'object' || typeof block.type !== 'string')
				return { ok: false, problem: 'malformed' };
			if (!KNOWN_BLOCKS.has(block.type))
				return { ok: false, problem: 'unknown_block', detail: block.type.slice(0, 60) };
			if (++count > MAX_BLOCKS) return { ok: false, problem: 'too_large' };
		}
	}
	return { ok: true, workspace, blocks: countBlocks(workspace) };
}
