// The only side effects of the Blockly code: define our blocks, install our generators and labels.
// The caller passes its Blockly (browser: 'blockly/core'; server: 'blockly', headless under Node).
import type * as BlocklyCore from 'blockly/core';
import type { JavascriptGenerator } from 'blockly/javascript';
import { BLOCK_DEFINITIONS, BLOCK_MESSAGES } from './blocks';
import { viOverrides } from './messages-vi';
import { forBlock, RESERVED_WORDS, STATEMENT_PREFIX } from './generators';

const done = new WeakSet<object>();

export function registerBlockly(
	Blockly: typeof BlocklyCore,
	javascript: JavascriptGenerator,
	locale: 'vi' | 'en' = 'vi'
) {
	// After the locale's own strings (load.ts sets them first): ours win.
	if (locale === 'vi') Object.assign(Blockly.Msg, viOverrides(Blockly.Msg));
	Object.assign(Blockly.Msg, BLOCK_MESSAGES[locale]);
	if (done.has(javascript)) return;
	done.add(javascript);
	Blockly.common.defineBlocksWithJsonArray(BLOCK_DEFINITIONS);
	Object.assign(javascript.forBlock, forBlock);
	javascript.STATEMENT_PREFIX = STATEMENT_PREFIX;
	javascript.addReservedWords(RESERVED_WORDS.join(','));
}
