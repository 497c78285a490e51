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
	PROCEDURES_DEFNORETURN_TOOLTIP: 'Một hàm: một nhóm khối lệnh có tên, gọi được nhiều lần.',
	PROCEDURES_DEFRETURN_TOOLTIP: 'Một hàm tính ra một giá trị và trả về giá trị đó.',
	PROCEDURES_IFRETURN_TOOLTIP: 'Nếu điều kiện đúng thì trả về một giá trị.',
	PROCEDURES_IFRETURN_WARNING: 'Chú ý: khối lệnh này chỉ dùng được bên trong một hàm.',
	PROCEDURES_DEF_DUPLICATE_WARNING: 'Chú ý: hàm này có hai tham số trùng tên.',
	PROCEDURES_HIGHLIGHT_DEF: 'Tìm hàm này',
	PROCEDURES_CREATE_DO: 'Tạo khối lệnh gọi "%1"',
	PROCEDURES_ALLOW_STATEMENTS: 'cho phép khối lệnh bên trong',
	PROCEDURES_MUTATORARG_TITLE: 'tham số:',
	PROCEDURES_CALLNORETURN_TOOLTIP: 'Chạy hàm "%1".',
	PROCEDURES_CALLRETURN_TOOLTIP: 'Chạy hàm "%1" và dùng giá trị nó trả về.',
	PROCEDURES_CALL_DISABLED_DEF_WARNING:
		'Không chạy được hàm "%1" vì khối lệnh tạo hàm đang bị tắt.',
	// Variables
	MATH_CHANGE_TITLE: 'tăng %1 thêm %2',
	MATH_CHANGE_TOOLTIP: 'Cộng thêm một số vào biến "%1".',
	VARIABLES_SET: 'gán %1 bằng %2',
	VARIABLES_GET_CREATE_SET: 'Tạo khối lệnh "gán %1"',
	VARIABLES_SET_CREATE_GET: 'Tạo khối lệnh "%1"',
	DELETE_VARIABLE: 'Xóa biến "%1"',
	DELETE_VARIABLE_CONFIRMATION: 'Xóa %1 chỗ dùng biến "%2"?',
	// The workspace's menus
	DELETE_BLOCK: 'Xóa khối lệnh này',
	DELETE_X_BLOCKS: 'Xóa %1 khối lệnh',
	DELETE_ALL_BLOCKS: 'Xóa hết %1 khối lệnh?',
	DUPLICATE_BLOCK: 'Nhân đôi khối lệnh',
	COLLAPSE_BLOCK: 'Thu gọn khối lệnh',
	COLLAPSE_ALL: 'Thu gọn mọi khối lệnh',
	EXPAND_BLOCK: 'Mở rộng khối lệnh',
	EXPAND_ALL: 'Mở rộng mọi khối lệnh',
	CLEAN_UP: 'Xếp gọn các khối lệnh',
	COLLAPSED_WARNINGS_WARNING: 'Có khối lệnh đang thu gọn bị cảnh báo.',
	DISABLE_BLOCK: 'Tạm tắt khối lệnh',
	ENABLE_BLOCK: 'Bật lại khối lệnh',
	ADD_COMMENT: 'Thêm ghi chú',
	REMOVE_COMMENT: 'Xóa ghi chú',
	INLINE_INPUTS: 'Chỗ gắn cùng dòng',
	EXTERNAL_INPUTS: 'Chỗ gắn bên ngoài',
	HELP: 'Trợ giúp',
	HELP_PROMPT: 'Nhấn %1 để xem cách dùng bàn phím',
	// Loops and tooltips that said "mảnh", "khối" or "hoàn trả"
	CONTROLS_FLOW_STATEMENTS_WARNING: 'Chú ý: khối lệnh này chỉ dùng được bên trong vòng lặp.',
	CONTROLS_FOR_TOOLTIP:
		'Cho biến "%1" lần lượt nhận các số từ số đầu đến số cuối, mỗi lần thêm một bước, và chạy các khối lệnh bên trong.',
	LISTS_INDEX_OF_TOOLTIP:
		'Trả về vị trí đầu tiên/cuối cùng của phần tử trong danh sách; không có thì trả về %1.',
	LOGIC_TERNARY_TOOLTIP:
		'Kiểm tra điều kiện: đúng thì trả về giá trị "nếu đúng", sai thì trả về giá trị "nếu sai".',
	MATH_MODULO_TOOLTIP: 'Chia số thứ nhất cho số thứ hai và trả về số dư.',
	MATH_SINGLE_TOOLTIP_NEG: 'Đổi dấu của số: âm thành dương, dương thành âm.',
	TEXT_INDEXOF_TOOLTIP:
		'Trả về vị trí đầu/cuối của văn bản thứ nhất trong văn bản thứ hai; không có thì trả về %1.'
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
	return { ...out, ...BLOCKLY_VI_OVERRIDES };
}
