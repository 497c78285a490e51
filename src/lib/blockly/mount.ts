// A pupil's workspace (the exercise player, free play): injected with the same settings and keyboard
// navigation (keyboard.ts), the pupil's work put in, and each change to the program (not to the view)
// passed on.
import type { WorkspaceSvg } from 'blockly/core';
import { buildToolbox } from './blocks';
import { injectWithKeyboard } from './keyboard';
import { categoryLabel } from './labels';
import { BLOCKLY_MEDIA, type LoadedBlockly } from './load';
import type { WorkspaceJson } from './spec';

export interface Mount {
	/** The blocks the toolbox offers (buildToolbox). */
	toolbox: string[];
	readOnly: boolean;
	/** The work to show; a workspace that cannot be loaded is left empty. */
	start: WorkspaceJson | null;
	/** A block added, moved, changed or removed (after `start` is in). */
	onChange: () => void;
}

export function mountWorkspace(
	lib: LoadedBlockly,
	host: HTMLElement,
	{ toolbox, readOnly, start, onChange }: Mount
): { workspace: WorkspaceSvg; dispose: () => void } {
	const { Blockly } = lib;
	const mounted = injectWithKeyboard(lib, host, {
		toolbox: readOnly ? undefined : buildToolbox(toolbox, categoryLabel),
		media: BLOCKLY_MEDIA,
		readOnly,
		trashcan: !readOnly,
		scrollbars: true,
		zoom: { controls: true, startScale: 0.9 },
		move: { scrollbars: true, drag: true, wheel: false },
		sounds: false
	});
	if (start) {
		try {
			Blockly.serialization.workspaces.load(start, mounted.workspace);
		} catch {
			mounted.workspace.clear();
		}
	}
	mounted.workspace.addChangeListener((e: { isUiEvent?: boolean; type: string }) => {
		if (e.isUiEvent || e.type === Blockly.Events.FINISHED_LOADING) return;
		onChange();
	});
	return mounted;
}
