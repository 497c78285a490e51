// Loads Blockly, its Vietnamese or English messages, our blocks and js-interpreter — in the browser only,
// by dynamic import, so no other page carries them. With them, Blockly's keyboard navigation (keyboard.ts);
// it is imported before setLocale, and its `import 'blockly'` is Blockly's core (vite.config.ts).
import type { KeyboardNavigation } from '@blockly/keyboard-navigation';
import type { InterpreterClass } from './runner';

type KeyboardModule = { KeyboardNavigation?: typeof KeyboardNavigation; default?: KeyboardModule };

export async function loadBlockly(locale: 'vi' | 'en') {
	const [Blockly, js, msgs, , interp, keyboard] = await Promise.all([
		import('blockly/core'),
		import('blockly/javascript'),
		locale === 'vi' ? import('blockly/msg/vi') : import('blockly/msg/en'),
		import('blockly/blocks'),
		import('js-interpreter'),
		import('@blockly/keyboard-navigation')
	]);
	const { registerBlockly } = await import('./register');
	Blockly.setLocale(msgs as unknown as Record<string, string>);
	registerBlockly(Blockly, js.javascriptGenerator, locale);
	return {
		Blockly,
		javascriptGenerator: js.javascriptGenerator,
		Interpreter: interp.default as unknown as InterpreterClass,
		// A UMD bundle: its exports are the module's, or its default's, as the bundler wraps it.
		KeyboardNavigation: ((keyboard as KeyboardModule).KeyboardNavigation ??
			(keyboard as KeyboardModule).default?.KeyboardNavigation)!
	};
}

export type LoadedBlockly = Awaited<ReturnType<typeof loadBlockly>>;

export const BLOCKLY_MEDIA = '/blockly-media/';
