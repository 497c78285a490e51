// Blockly's Vietnamese, as pupils read it: the real blockly/msg/vi loaded, then our overrides
// (registerBlockly), then every block of our toolboxes built and its text and tooltip read.
import { beforeAll, describe, expect, test } from 'vitest';
import * as Blockly from 'blockly';
import { javascriptGenerator } from 'blockly/javascript';
import * as viMsgs from 'blockly/msg/vi';
import { registerBlockly } from './register';
import { KNOWN_BLOCKS } from './blocks';
import { BAD_VI_WORDS, BLOCKLY_VI_OVERRIDES } from './messages-vi';
import { SEED_COURSES } from '$lib/server/seed/courses';
import { SEED_EXERCISES } from '$lib/server/seed/exercises';

const vi = ((viMsgs as { default?: unknown }).default ?? viMsgs) as Record<string, string>;

// Menus and dialogs of the workspace a pupil opens (right click, variables, functions).
const MENU_KEYS = [
	'DELETE_BLOCK',
	'DELETE_X_BLOCKS',
	'DELETE_ALL_BLOCKS',
	'DUPLICATE_BLOCK',
	'COLLAPSE_BLOCK',
	'COLLAPSE_ALL',
	'EXPAND_BLOCK',
	'EXPAND_ALL',
	'CLEAN_UP',
	'DISABLE_BLOCK',
	'ENABLE_BLOCK',
	'ADD_COMMENT',
	'REMOVE_COMMENT',
	'INLINE_INPUTS',
	'EXTERNAL_INPUTS',
	'NEW_VARIABLE',
	'RENAME_VARIABLE',
	'DELETE_VARIABLE',
	'DELETE_VARIABLE_CONFIRMATION',
	'VARIABLES_GET_CREATE_SET',
	'VARIABLES_SET_CREATE_GET',
	'PROCEDURES_CREATE_DO',
	'PROCEDURES_HIGHLIGHT_DEF',
	'PROCEDURES_IFRETURN_WARNING',
	'CONTROLS_FLOW_STATEMENTS_WARNING'
];

describe("Blockly's Vietnamese strings, with our overrides", () => {
	let ws: Blockly.Workspace;
	beforeAll(() => {
		Blockly.setLocale(vi);
		registerBlockly(Blockly, javascriptGenerator, 'vi');
		ws = new Blockly.Workspace();
	});

	test('the real locale file does hold the strings the issue names (so the test reads it)', () => {
		expect(vi.PROCEDURES_DEFNORETURN_TITLE).toBe('thủ tục để');
		expect(vi.MATH_CHANGE_TITLE).toBe('cộng vào %1 giá trị %2');
		expect(vi.PROCEDURES_DEFRETURN_RETURN).toBe('hoàn trả');
		expect(vi.DELETE_BLOCK).toBe('Xóa Mảnh Này');
	});

	test('every block of our toolboxes reads without "thủ tục", "hoàn trả", "mảnh" or a bare "khối"', () => {
		const read: string[] = [];
		for (const type of KNOWN_BLOCKS) {
			const block = ws.newBlock(type);
			const tip = block.getTooltip();
			read.push(`${type}: ${block.toString()} | ${typeof tip === 'string' ? tip : ''}`);
			for (const input of block.inputList)
				for (const field of input.fieldRow) {
					const options = (field as { getOptions?: () => [unknown, string][] }).getOptions?.();
					for (const [label] of options ?? [])
						if (typeof label === 'string') read.push(`${type} option: ${label}`);
				}
		}
		expect(read.length).toBeGreaterThan(30);
		expect(read.filter((t) => BAD_VI_WORDS.test(t))).toEqual([]);
		const def = ws.newBlock('procedures_defreturn').toString();
		expect(def).toMatch(/^hàm /);
		expect(def).toContain('trả về');
		expect(ws.newBlock('math_change').toString()).toMatch(/^tăng .* thêm/);
	});

	test('the menus and warnings say "khối lệnh" and "hàm"', () => {
		for (const key of MENU_KEYS) {
			expect(Blockly.Msg[key], key).toBeTruthy();
			expect(Blockly.Msg[key], key).not.toMatch(BAD_VI_WORDS);
		}
		expect(Blockly.Msg.DELETE_BLOCK).toBe('Xóa khối lệnh này');
	});

	test('no Vietnamese string Blockly holds reads badly, ours included', () => {
		const bad = Object.entries(Blockly.Msg).filter(
			([, v]) => typeof v === 'string' && BAD_VI_WORDS.test(v)
		);
		expect(bad).toEqual([]);
		for (const [k, v] of Object.entries(BLOCKLY_VI_OVERRIDES))
			expect(v, k).not.toMatch(BAD_VI_WORDS);
	});
});

test('the tasks and hints name the blocks as the blocks say them: "hàm", never "thủ tục"', () => {
	const texts = [
		...SEED_COURSES.flatMap((c) => c.lessons.flatMap((l) => l.exercises)),
		...SEED_EXERCISES
	].flatMap((e) => [e.task, ...e.hints]);
	expect(texts.length).toBeGreaterThan(300);
	expect(
		texts.filter((t) => /thủ tục|hoàn trả|«để làm|«để …|thay đổi .* thêm|khối(?! lệnh)/iu.test(t))
	).toEqual([]);
	expect(texts.filter((t) => /«hàm/.test(t)).length).toBeGreaterThan(0);
});
