// The only side effects of the Blockly code: define our blocks, install our generators and labels.
// The caller passes its Blockly (browser: 'blockly/core'; server: 'blockly', headless under Node).
import type * as BlocklyCore from 'blockly/core';
import type { JavascriptGenerator } from 'blockly/javascript';
import { BLOCK_DEFINITIONS, BLOCK_MESSAGES } from './blocks';
import { forBlock, RESERVED_WORDS, STATEMENT_PREFIX } from './generators';

const done = new WeakSet<object>();

export function registerBlockly(
	Blockly: typeof BlocklyCore,
	javascript: JavascriptGenerator,
	locale: 'vi' | 'en' = 'vi'
) {
	Object.assign(Blockly.Msg, BLOCK_MESSAGES[locale]);
	if (done.has(javascript)) return;
	done.add(javascript);
	Blockly.common.defineBlocksWithJsonArray(BLOCK_DEFINITIONS);
	Object.assign(javascript.forBlock, forBlock);
	javascript.STATEMENT_PREFIX = STATEMENT_PREFIX;
	javascript.addReservedWords(RESERVED_WORDS.join(','));
}
