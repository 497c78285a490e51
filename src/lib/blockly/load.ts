// Loads Blockly, its Vietnamese or English messages, our blocks and js-interpreter — in the browser only,
// by dynamic import, so no other page carries them.
import type { InterpreterClass } from './runner';

export async function loadBlockly(locale: 'vi' | 'en') {
	const [Blockly, js, msgs, , interp] = await Promise.all([
		import('blockly/core'),
		import('blockly/javascript'),
		locale === 'vi' ? import('blockly/msg/vi') : import('blockly/msg/en'),
		import('blockly/blocks'),
		import('js-interpreter')
	]);
	const { registerBlockly } = await import('./register');
	Blockly.setLocale(msgs as unknown as Record<string, string>);
	registerBlockly(Blockly, js.javascriptGenerator, locale);
	return {
		Blockly,
		javascriptGenerator: js.javascriptGenerator,
		Interpreter: interp.default as unknown as InterpreterClass
	};
}

export type LoadedBlockly = Awaited<ReturnType<typeof loadBlockly>>;

export const BLOCKLY_MEDIA = '/blockly-media/';
