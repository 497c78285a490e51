// Blockly's own Vietnamese strings, rewritten where they read badly to a child or disagree with our
// tasks: a function is a "hàm" (never "thủ tục"), it "trả về" a value (never "hoàn trả"), a block is a
// "khối lệnh" (never "mảnh", and never a bare "khối", which is also a school grade). Applied after the
// locale (register.ts), so every key here wins over blockly/msg/vi.
//
// Blockly copies some keys into others when its message file loads (…DEFRETURN_TITLE from
// …DEFNORETURN_TITLE): both are listed.
export const BLOCKLY_VI_OVERRIDES: Record<string, string> = {
	// Functions
	PROCEDURES_DEFNORETURN_TITLE: 'hàm',
	PROCEDURES_DEFRETURN_TITLE: 'hàm',
	PROCEDURES_DEFRETURN_RETURN: 'trả về',
	PROCEDURES_IFRETURN_WARNING: 'Chú ý: khối lệnh này chỉ dùng được bên trong một hàm.',
	PROCEDURES_CREATE_DO: 'Tạo khối lệnh gọi "%1"',
	PROCEDURES_MUTATORARG_TITLE: 'tham số:',
	// Variables
	MATH_CHANGE_TITLE: 'tăng %1 thêm %2',
	VARIABLES_SET: 'gán %1 bằng %2',
	VARIABLES_GET_CREATE_SET: 'Tạo khối lệnh "gán %1"',
	VARIABLES_SET_CREATE_GET: 'Tạo khối lệnh "%1"',
	DELETE_VARIABLE: 'Xóa biến "%1"',
	// The workspace's menus
	DELETE_BLOCK: 'Xóa khối lệnh này',
	DELETE_X_BLOCKS: 'Xóa %1 khối lệnh',
	DELETE_ALL_BLOCKS: 'Xóa hết %1 khối lệnh?',
	DUPLICATE_BLOCK: 'Nhân đôi khối lệnh',
	COLLAPSE_BLOCK: 'Thu gọn khối lệnh',
	COLLAPSE_ALL: 'Thu gọn mọi khối lệnh',
	EXPAND_BLOCK: 'Mở rộng khối lệnh',
	EXPAND_ALL: 'Mở rộng mọi khối lệnh',
	DISABLE_BLOCK: 'Tạm tắt khối lệnh',
	ENABLE_BLOCK: 'Bật lại khối lệnh',
	ADD_COMMENT: 'Thêm ghi chú',
	REMOVE_COMMENT: 'Xóa ghi chú',
	INLINE_INPUTS: 'Chỗ gắn cùng dòng',
	EXTERNAL_INPUTS: 'Chỗ gắn bên ngoài',
	HELP_PROMPT: 'Nhấn %1 để xem cách dùng bàn phím'
};

/** Words a Vietnamese Blockly string must not hold (a bare "khối" is a school grade). */
export const BAD_VI_WORDS = /thủ tục|hoàn trả|mảnh|khối(?! lệnh)/iu;

const WORDS: [RegExp, string][] = [
	[/Hoàn trả/g, 'Trả về'],
	[/hoàn trả/g, 'trả về'],
	[/Thủ tục/g, 'Hàm'],
	[/thủ tục/g, 'hàm'],
	[/Mảnh/g, 'Khối lệnh'],
	[/mảnh/g, 'khối lệnh'],
	[/thế dùng/g, 'thể dùng'],
	[/Khối(?! lệnh)/g, 'Khối lệnh'],
	[/khối(?! lệnh)/g, 'khối lệnh']
];

/**
 * What to put over Blockly's Vietnamese strings: every string holding a bad word with the word
 * replaced (dozens of tooltips say "Hoàn trả …"), then the strings rewritten by hand above.
 */
export function viOverrides(msg: Record<string, unknown>): Record<string, string> {
	const out: Record<string, string> = {};
	for (const [key, value] of Object.entries(msg))
		if (typeof value === 'string' && BAD_VI_WORDS.test(value))
			out[key] = WORDS.reduce((s, [re, to]) => s.replace(re, to), value);
	// The rest ("Một thủ tục có giá trị hoàn trả", the tooltips) read well once the words are replaced.
	return { ...out, ...BLOCKLY_VI_OVERRIDES };
}
