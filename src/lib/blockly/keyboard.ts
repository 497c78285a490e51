// Blockly's keyboard navigation (@blockly/keyboard-navigation 3.x) for pupils who cannot drag:
// Tab to the workspace, T opens the toolbox, the arrows move, Enter takes a block and Enter drops it
// where it is shown, / lists every key. Loaded after the workspace is drawn (load.ts), so on a thin
// link its 15 KB do not hold back the blocks a pupil drags; switched on here the moment it arrives.
import type { BlocklyOptions, WorkspaceSvg } from 'blockly/core';
import { injectSilently } from './inject';
import { loadKeyboardNavigation, type LoadedBlockly } from './load';

let styled = false;

/**
 * The plugin's styles, once per page. The plugin registers them with Blockly.Css.register, which
 * only works before Blockly's first inject (it throws after); here the workspace is already injected,
 * so for that one call each registered text is added to the page as a <style> of its own.
 */
function addStyles(lib: LoadedBlockly, register: () => void) {
	if (styled) return;
	styled = true;
	const css = lib.Blockly.Css as { register: (text: string) => void };
	const original = css.register;
	css.register = (text) => {
		const style = document.createElement('style');
		style.dataset.blocklyKeyboard = '';
		style.textContent = text;
		document.head.append(style);
	};
	try {
		register();
	} finally {
		css.register = original;
	}
}

/**
 * A workspace (injectSilently), with keyboard navigation on an editable one once the plugin has
 * arrived (the host gets data-keyboard="ready" then); its "/" help dialog needs #shortcuts.
 */
export function injectWithKeyboard(
	lib: LoadedBlockly,
	host: HTMLElement,
	options: BlocklyOptions
): { workspace: WorkspaceSvg; dispose: () => void } {
	const workspace = injectSilently(lib, host, options);
	if (options.readOnly) return { workspace, dispose: () => workspace.dispose() };
	let disposed = false;
	let navigation: { dispose(): void } | undefined;
	void loadKeyboardNavigation().then(
		(KeyboardNavigation) => {
			if (disposed) return;
			addStyles(lib, () => KeyboardNavigation.registerKeyboardNavigationStyles());
			if (!document.getElementById('shortcuts')) {
				const div = document.createElement('div');
				div.id = 'shortcuts';
				document.body.append(div);
			}
			navigation = new KeyboardNavigation(workspace);
			host.dataset.keyboard = 'ready';
		},
		() => {
			// not fetched (a cut link): the workspace works by touch and mouse; the next one tries again
		}
	);
	return {
		workspace,
		dispose: () => {
			disposed = true;
			navigation?.dispose();
			workspace.dispose();
		}
	};
}
