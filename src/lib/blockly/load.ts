// Loads Blockly, its Vietnamese or English messages and our blocks — in the browser only, by dynamic
// import, so no other page carries them. What a workspace does not need to be drawn and dragged comes
// after: Blockly's JavaScript generator (to run; js-interpreter on the first Run), the keyboard
// navigation (whose `import 'blockly'` is Blockly's core, vite.config.ts). On a thin link that is
// 30 KB fewer before a pupil can drag a block (npm run bench:pages).
import type { KeyboardNavigation } from '@blockly/keyboard-navigation';
import type { JavascriptGenerator } from 'blockly/javascript';
import type { InterpreterClass } from './runner';

type KeyboardModule = { KeyboardNavigation?: typeof KeyboardNavigation; default?: KeyboardModule };
type Messages = Record<string, string>;

export async function loadBlockly(locale: 'vi' | 'en') {
	// All at once (register.ts too: waiting for one before asking for the next costs a round trip).
	const [Blockly, msgs, , { registerBlocks }] = await Promise.all([
		import('blockly/core'),
		blocklyMessages(locale),
		import('blockly/blocks'),
		import('./register')
	]);
	Blockly.setLocale(msgs);
	registerBlocks(Blockly, locale);
	// A block's menu offers no "Help": it opened Wikipedia or Blockly's wiki in a new tab, taking a
	// child of 6–11 out of the lesson to a page written for adults, over the school's thin link.
	if (Blockly.ContextMenuRegistry.registry.getItem('blockHelp'))
		Blockly.ContextMenuRegistry.registry.unregister('blockHelp');
	return { Blockly };
}

/**
 * One import per language: written as one conditional import, the build preloaded English for all.
 * The build takes each language's UMD file, whose one export is the table of messages
 * (vite.config.ts): the ES module beside it names every message a second time (4 KB more).
 */
async function blocklyMessages(locale: 'vi' | 'en'): Promise<Messages> {
	const m: { default?: Messages } =
		locale === 'en' ? await import('blockly/msg/en') : await import('blockly/msg/vi');
	return m.default ?? (m as Messages);
}

let keyboardNavigation: Promise<typeof KeyboardNavigation> | undefined;
/** Blockly's keyboard navigation (keyboard.ts), after the workspace is drawn. */
export function loadKeyboardNavigation(): Promise<typeof KeyboardNavigation> {
	keyboardNavigation ??= retryable(
		import('@blockly/keyboard-navigation').then(
			// A UMD bundle: its exports are the module's, or its default's, as the bundler wraps it.
			(keyboard) =>
				((keyboard as KeyboardModule).KeyboardNavigation ??
					(keyboard as KeyboardModule).default?.KeyboardNavigation)!
		),
		() => (keyboardNavigation = undefined)
	);
	return keyboardNavigation;
}

let generator: Promise<JavascriptGenerator> | undefined;
/**
 * Blockly's JavaScript generator with our blocks' code: needed to run a program, not to draw one. The
 * workspaces ask for it once drawn, so it arrives while the pupil builds; a Run pressed before waits.
 */
export function loadGenerator(): Promise<JavascriptGenerator> {
	generator ??= retryable(
		Promise.all([import('blockly/javascript'), import('./register')]).then(
			([js, { registerGenerators }]) => {
				registerGenerators(js.javascriptGenerator);
				return js.javascriptGenerator;
			}
		),
		() => (generator = undefined)
	);
	return generator;
}

let interpreter: Promise<InterpreterClass> | undefined;
/**
 * js-interpreter, on the first Run or Step: the workspace is ready sooner on a slow link (27 KB gzip
 * fewer before it). The service worker keeps it with every built script, so it is there offline too.
 */
export function loadInterpreter(): Promise<InterpreterClass> {
	interpreter ??= retryable(
		import('js-interpreter').then((m) => m.default as unknown as InterpreterClass),
		() => (interpreter = undefined)
	);
	return interpreter;
}

/** A file that could not be fetched (a cut link) is asked for again next time, not remembered as lost. */
function retryable<T>(loading: Promise<T>, forget: () => void): Promise<T> {
	return loading.catch((e) => {
		forget();
		throw e;
	});
}

export type LoadedBlockly = Awaited<ReturnType<typeof loadBlockly>>;

export const BLOCKLY_MEDIA = '/blockly-media/';
