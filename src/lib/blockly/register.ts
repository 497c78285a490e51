// The only side effects of the Blockly code: define our blocks, install our generators and labels.
// The caller passes its Blockly (browser: 'blockly/core'; server: 'blockly', headless under Node).
import type * as BlocklyCore from 'blockly/core';
import type { JavascriptGenerator } from 'blockly/javascript';
import { BLOCK_DEFINITIONS, BLOCK_MESSAGES } from './blocks';
import { viOverrides } from './messages-vi';
import { forBlock, RESERVED_WORDS, STATEMENT_PREFIX } from './generators';

const defined = new WeakSet<object>();
const generating = new WeakSet<object>();

/** Our blocks, labels and generators: what grading needs (the server) and the messages' test. */
export function registerBlockly(
	Blockly: typeof BlocklyCore,
	javascript: JavascriptGenerator,
	locale: 'vi' | 'en' = 'vi'
) {
	registerBlocks(Blockly, locale);
	registerGenerators(javascript);
}

/**
 * Our blocks and the locale's labels: enough for a workspace to be drawn and edited (the browser;
 * the generator arrives later, see load.ts).
 */
export function registerBlocks(Blockly: typeof BlocklyCore, locale: 'vi' | 'en' = 'vi') {
	// After the locale's own strings (load.ts sets them first): ours win.
	if (locale === 'vi') Object.assign(Blockly.Msg, viOverrides(Blockly.Msg));
	Object.assign(Blockly.Msg, BLOCK_MESSAGES[locale]);
	if (defined.has(Blockly.Blocks)) return;
	defined.add(Blockly.Blocks);
	Blockly.common.defineBlocksWithJsonArray(BLOCK_DEFINITIONS);
}

/** Our blocks' JavaScript, for running (the browser) and grading (the server). */
export function registerGenerators(javascript: JavascriptGenerator) {
	if (generating.has(javascript)) return;
	generating.add(javascript);
	Object.assign(javascript.forBlock, forBlock);
	javascript.STATEMENT_PREFIX = STATEMENT_PREFIX;
	javascript.addReservedWords(RESERVED_WORDS.join(','));
}
