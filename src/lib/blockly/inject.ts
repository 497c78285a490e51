// Blockly.inject for every workspace of the app (the exercise, free play, the teacher's form field).
import type { BlocklyOptions, WorkspaceSvg } from 'blockly/core';
import type { LoadedBlockly } from './load';

/**
 * Our workspaces play no sound (`sounds: false`), yet Blockly makes an AudioContext for each one it
 * injects: starting the browser's audio took 190 ms of a cold exercise page in Chromium, the largest
 * single cost after Blockly's file arrives (npm run bench:pages; a CPU profile). So the workspace is
 * injected while the page has no AudioContext to offer, which Blockly's own code allows for.
 */
export function injectSilently(
	lib: LoadedBlockly,
	host: HTMLElement,
	options: BlocklyOptions
): WorkspaceSvg {
	const audio = Object.getOwnPropertyDescriptor(window, 'AudioContext');
	if (audio?.configurable)
		Object.defineProperty(window, 'AudioContext', { ...audio, value: undefined });
	try {
		return lib.Blockly.inject(host, { ...options, sounds: false });
	} finally {
		if (audio?.configurable) Object.defineProperty(window, 'AudioContext', audio);
	}
}
