// Blockly's keyboard navigation (@blockly/keyboard-navigation 3.x) for pupils who cannot drag:
// Tab to the workspace, T opens the toolbox, the arrows move, Enter takes a block and Enter drops it
// where it is shown, / lists every key. Loaded with Blockly (load.ts), switched on here.
import type { BlocklyOptions, WorkspaceSvg } from 'blockly/core';
import type { LoadedBlockly } from './load';

let styled = false;

/**
 * Blockly.inject, with keyboard navigation on an editable workspace. The plugin's styles are registered
 * once per page before the first inject (as the plugin asks); its "/" help dialog needs #shortcuts.
 */
export function injectWithKeyboard(
	lib: LoadedBlockly,
	host: HTMLElement,
	options: BlocklyOptions
): { workspace: WorkspaceSvg; dispose: () => void } {
	const { KeyboardNavigation } = lib;
	if (!options.readOnly && !styled) {
		KeyboardNavigation.registerKeyboardNavigationStyles();
		styled = true;
	}
	const workspace = lib.Blockly.inject(host, options);
	if (options.readOnly) return { workspace, dispose: () => workspace.dispose() };
	if (!document.getElementById('shortcuts')) {
		const div = document.createElement('div');
		div.id = 'shortcuts';
		document.body.append(div);
	}
	const navigation = new KeyboardNavigation(workspace);
	return {
		workspace,
		dispose: () => {
			navigation.dispose();
			workspace.dispose();
		}
	};
}
