// Loads Blockly, its Vietnamese or English messages, our blocks (and, when first needed, js-interpreter) —
// in the browser only, by dynamic import, so no other page carries them. With them, Blockly's keyboard
// navigation (keyboard.ts); it is imported before setLocale, and its `import 'blockly'` is Blockly's
// core (vite.config.ts).
import type { KeyboardNavigation } from '@blockly/keyboard-navigation';
import type { InterpreterClass } from './runner';

type KeyboardModule = { KeyboardNavigation?: typeof KeyboardNavigation; default?: KeyboardModule };

export async function loadBlockly(locale: 'vi' | 'en') {
	// All at once (register.ts too: waiting for one before asking for the next costs a round trip).
	const [Blockly, js, msgs, , keyboard, { registerBlockly }] = await Promise.all([
		import('blockly/core'),
		import('blockly/javascript'),
		blocklyMessages(locale),
		import('blockly/blocks'),
		import('@blockly/keyboard-navigation'),
		import('./register')
	]);
	Blockly.setLocale(msgs as unknown as Record<string, string>);
	registerBlockly(Blockly, js.javascriptGenerator, locale);
	return {
		Blockly,
		javascriptGenerator: js.javascriptGenerator,
		// A UMD bundle: its exports are the module's, or its default's, as the bundler wraps it.
		KeyboardNavigation: ((keyboard as KeyboardModule).KeyboardNavigation ??
			(keyboard as KeyboardModule).default?.KeyboardNavigation)!
	};
}

/** One import per language: written as one conditional import, the build preloaded English for all. */
function blocklyMessages(locale: 'vi' | 'en') {
	if (locale === 'en') return import('blockly/msg/en');
	return import('blockly/msg/vi');
}

let interpreter: Promise<InterpreterClass> | undefined;
/**
 * js-interpreter, on the first Run or Step: the workspace is ready sooner on a slow link (27 KB gzip
 * fewer before it). The service worker keeps it with every built script, so it is there offline too.
 */
export function loadInterpreter(): Promise<InterpreterClass> {
	interpreter ??= import('js-interpreter').then((m) => m.default as unknown as InterpreterClass);
	return interpreter;
}

export type LoadedBlockly = Awaited<ReturnType<typeof loadBlockly>>;

export const BLOCKLY_MEDIA = '/blockly-media/';
