// Our own blocks, as Blockly JSON definitions (data only: register.ts defines them).
// Labels are message references (%{BKY_...}) filled from BLOCK_MESSAGES in the pupil's language.

const VALUE = { colour: 230 };
const STATEMENT = { previousStatement: null, nextStatement: null };

export const BLOCK_DEFINITIONS = [
	// Input and output
	{
		type: 'io_input',
		message0: '%{BKY_MS_IO_INPUT}',
		args0: [{ type: 'field_input', name: 'NAME', text: 'n' }],
		output: 'Number',
		...VALUE,
		colour: 160
	},
	{
		type: 'io_input_list',
		message0: '%{BKY_MS_IO_INPUT_LIST}',
		args0: [{ type: 'field_input', name: 'NAME', text: 'ds' }],
		output: 'Array',
		colour: 260
	},
	{
		type: 'io_print',
		message0: '%{BKY_MS_IO_PRINT}',
		args0: [{ type: 'input_value', name: 'VALUE' }],
		...STATEMENT,
		colour: 160
	},
	// Turtle
	{
		type: 'turtle_forward',
		message0: '%{BKY_MS_TURTLE_FORWARD}',
		args0: [{ type: 'input_value', name: 'DIST', check: 'Number' }],
		...STATEMENT,
		colour: 20
	},
	{
		type: 'turtle_turn',
		message0: '%{BKY_MS_TURTLE_TURN}',
		args0: [
			{
				type: 'field_dropdown',
				name: 'DIR',
				options: [
					['%{BKY_MS_LEFT}', 'LEFT'],
					['%{BKY_MS_RIGHT}', 'RIGHT']
				]
			},
			{ type: 'input_value', name: 'ANGLE', check: 'Number' }
		],
		...STATEMENT,
		colour: 20
	},
	{
		type: 'turtle_pen',
		message0: '%{BKY_MS_TURTLE_PEN}',
		args0: [
			{
				type: 'field_dropdown',
				name: 'STATE',
				options: [
					['%{BKY_MS_PEN_UP}', 'UP'],
					['%{BKY_MS_PEN_DOWN}', 'DOWN']
				]
			}
		],
		...STATEMENT,
		colour: 20
	},
	// Grid robot
	{ type: 'maze_forward', message0: '%{BKY_MS_MAZE_FORWARD}', ...STATEMENT, colour: 290 },
	{
		type: 'maze_turn',
		message0: '%{BKY_MS_MAZE_TURN}',
		args0: [
			{
				type: 'field_dropdown',
				name: 'DIR',
				options: [
					['%{BKY_MS_LEFT}', 'LEFT'],
					['%{BKY_MS_RIGHT}', 'RIGHT']
				]
			}
		],
		...STATEMENT,
		colour: 290
	},
	{
		type: 'maze_path',
		message0: '%{BKY_MS_MAZE_PATH}',
		args0: [
			{
				type: 'field_dropdown',
				name: 'DIR',
				options: [
					['%{BKY_MS_AHEAD}', 'AHEAD'],
					['%{BKY_MS_LEFT}', 'LEFT'],
					['%{BKY_MS_RIGHT}', 'RIGHT']
				]
			}
		],
		output: 'Boolean',
		colour: 290
	},
	{ type: 'maze_at_goal', message0: '%{BKY_MS_MAZE_AT_GOAL}', output: 'Boolean', colour: 290 },
	{ type: 'maze_pick', message0: '%{BKY_MS_MAZE_PICK}', ...STATEMENT, colour: 290 },
	// Sensors
	{ type: 'sensor_moisture', message0: '%{BKY_MS_SENSOR_MOISTURE}', output: 'Number', colour: 65 },
	{ type: 'sensor_water_level', message0: '%{BKY_MS_SENSOR_WATER}', output: 'Number', colour: 65 },
	{ type: 'sensor_hour', message0: '%{BKY_MS_SENSOR_HOUR}', output: 'Number', colour: 65 },
	{
		type: 'sensor_pump',
		message0: '%{BKY_MS_SENSOR_PUMP}',
		args0: [
			{
				type: 'field_dropdown',
				name: 'STATE',
				options: [
					['%{BKY_MS_ON}', 'ON'],
					['%{BKY_MS_OFF}', 'OFF']
				]
			}
		],
		...STATEMENT,
		colour: 65
	},
	{
		type: 'sensor_alarm',
		message0: '%{BKY_MS_SENSOR_ALARM}',
		args0: [
			{
				type: 'field_dropdown',
				name: 'STATE',
				options: [
					['%{BKY_MS_ON}', 'ON'],
					['%{BKY_MS_OFF}', 'OFF']
				]
			}
		],
		...STATEMENT,
		colour: 65
	},
	{ type: 'sensor_wait_hour', message0: '%{BKY_MS_SENSOR_WAIT}', ...STATEMENT, colour: 65 },
	// Events ("khi …" hat blocks): the run starts; the robot reaches a tea bush; a sensor crosses a threshold.
	{
		type: 'event_start',
		message0: '%{BKY_MS_EVENT_START}',
		nextStatement: null,
		colour: 45,
		hat: 'cap'
	},
	{
		type: 'event_reach',
		message0: '%{BKY_MS_EVENT_REACH}',
		message1: '%1',
		args1: [{ type: 'input_statement', name: 'DO' }],
		colour: 45,
		hat: 'cap'
	},
	{
		type: 'event_sensor',
		message0: '%{BKY_MS_EVENT_SENSOR}',
		args0: [
			{
				type: 'field_dropdown',
				name: 'SENSOR',
				options: [
					['%{BKY_MS_SENSOR_WATER}', 'water'],
					['%{BKY_MS_SENSOR_MOISTURE}', 'moisture']
				]
			},
			{
				type: 'field_dropdown',
				name: 'OP',
				options: [
					['≥', 'ABOVE'],
					['<', 'BELOW']
				]
			},
			{ type: 'field_number', name: 'VALUE', value: 250 }
		],
		message1: '%1',
		args1: [{ type: 'input_statement', name: 'DO' }],
		colour: 45,
		hat: 'cap'
	}
];

export const BLOCK_MESSAGES: Record<'vi' | 'en', Record<string, string>> = {
	vi: {
		MS_IO_INPUT: 'đầu vào %1',
		MS_IO_PRINT: 'in ra %1',
		MS_IO_INPUT_LIST: 'danh sách đầu vào %1',
		MS_TURTLE_FORWARD: 'rùa tiến %1 bước',
		MS_TURTLE_TURN: 'rùa quay %1 %2 độ',
		MS_TURTLE_PEN: 'bút %1',
		MS_PEN_UP: 'nhấc lên',
		MS_PEN_DOWN: 'đặt xuống',
		MS_LEFT: 'trái',
		MS_RIGHT: 'phải',
		MS_AHEAD: 'phía trước',
		MS_MAZE_FORWARD: 'rô-bốt đi tới',
		MS_MAZE_TURN: 'rô-bốt quay %1',
		MS_MAZE_PATH: 'có đường %1?',
		MS_MAZE_AT_GOAL: 'đã tới đích?',
		MS_MAZE_PICK: 'hái chè',
		MS_EVENT_START: 'khi bấm Chạy',
		MS_EVENT_REACH: 'khi rô-bốt tới bụi chè',
		MS_EVENT_SENSOR: 'khi %1 %2 %3',
		MS_SENSOR_MOISTURE: 'độ ẩm đất (%)',
		MS_SENSOR_WATER: 'mực nước sông (cm)',
		MS_SENSOR_HOUR: 'giờ hiện tại',
		MS_SENSOR_PUMP: 'máy bơm %1',
		MS_SENSOR_ALARM: 'còi báo lũ %1',
		MS_SENSOR_WAIT: 'chờ 1 giờ',
		MS_ON: 'bật',
		MS_OFF: 'tắt'
	},
	en: {
		MS_IO_INPUT: 'input %1',
		MS_IO_PRINT: 'print %1',
		MS_IO_INPUT_LIST: 'input list %1',
		MS_TURTLE_FORWARD: 'turtle forward %1 steps',
		MS_TURTLE_TURN: 'turtle turn %1 %2 degrees',
		MS_TURTLE_PEN: 'pen %1',
		MS_PEN_UP: 'up',
		MS_PEN_DOWN: 'down',
		MS_LEFT: 'left',
		MS_RIGHT: 'right',
		MS_AHEAD: 'ahead',
		MS_MAZE_FORWARD: 'robot move forward',
		MS_MAZE_TURN: 'robot turn %1',
		MS_MAZE_PATH: 'path %1?',
		MS_MAZE_AT_GOAL: 'at the goal?',
		MS_MAZE_PICK: 'pick tea',
		MS_EVENT_START: 'when Run is pressed',
		MS_EVENT_REACH: 'when the robot reaches a tea bush',
		MS_EVENT_SENSOR: 'when %1 %2 %3',
		MS_SENSOR_MOISTURE: 'soil moisture (%)',
		MS_SENSOR_WATER: 'river level (cm)',
		MS_SENSOR_HOUR: 'current hour',
		MS_SENSOR_PUMP: 'pump %1',
		MS_SENSOR_ALARM: 'flood alarm %1',
		MS_SENSOR_WAIT: 'wait 1 hour',
		MS_ON: 'on',
		MS_OFF: 'off'
	}
};

/** Blockly's own blocks that exercises may use, by toolbox category. */
export const STANDARD_BLOCKS: Record<string, string[]> = {
	logic: ['controls_if', 'logic_compare', 'logic_operation', 'logic_negate', 'logic_boolean'],
	loops: ['controls_repeat_ext', 'controls_whileUntil'],
	math: ['math_number', 'math_arithmetic', 'math_modulo', 'math_round'],
	text: ['text', 'text_join'],
	lists: [
		'io_input_list',
		'lists_create_with',
		'lists_split',
		'lists_length',
		'lists_getIndex',
		'controls_forEach',
		'math_on_list'
	],
	variables: ['variables_get', 'variables_set', 'math_change'],
	functions: [
		'procedures_defnoreturn',
		'procedures_callnoreturn',
		'procedures_defreturn',
		'procedures_callreturn',
		'procedures_ifreturn'
	]
};

export const KIND_BLOCKS: Record<string, string[]> = {
	io: ['io_input', 'io_print'],
	turtle: ['turtle_forward', 'turtle_turn', 'turtle_pen'],
	maze: ['maze_forward', 'maze_turn', 'maze_path', 'maze_at_goal', 'maze_pick'],
	sensor: [
		'sensor_moisture',
		'sensor_water_level',
		'sensor_hour',
		'sensor_pump',
		'sensor_alarm',
		'sensor_wait_hour'
	],
	events: ['event_start', 'event_reach', 'event_sensor']
};

/** Every block type a workspace may hold; anything else is refused. */
/** Counting loops are not in the toolboxes (too wide for a tablet's flyout) but may be loaded. */
const EXTRA_BLOCKS = ['controls_for'];
export const KNOWN_BLOCKS = new Set([
	...Object.values(STANDARD_BLOCKS).flat(),
	...Object.values(KIND_BLOCKS).flat(),
	...EXTRA_BLOCKS
]);

export const TOOLBOX_CATEGORIES = [
	'events',
	'io',
	'turtle',
	'maze',
	'sensor',
	'logic',
	'loops',
	'math',
	'text',
	'lists',
	'variables',
	'functions'
];

const CATEGORY_COLOURS: Record<string, string> = {
	events: '45',
	io: '160',
	turtle: '20',
	maze: '290',
	sensor: '65',
	logic: '210',
	loops: '120',
	math: '230',
	text: '160',
	lists: '260',
	variables: '330',
	functions: '290'
};

const SHADOW_NUMBER = (n: number) => ({ shadow: { type: 'math_number', fields: { NUM: n } } });
const DEFAULT_INPUTS: Record<string, Record<string, unknown>> = {
	controls_repeat_ext: { TIMES: SHADOW_NUMBER(4) },
	turtle_forward: { DIST: SHADOW_NUMBER(50) },
	turtle_turn: { ANGLE: SHADOW_NUMBER(90) },
	math_arithmetic: { A: SHADOW_NUMBER(1), B: SHADOW_NUMBER(1) },
	math_modulo: { DIVIDEND: SHADOW_NUMBER(10), DIVISOR: SHADOW_NUMBER(2) },
	math_round: { NUM: SHADOW_NUMBER(3.5) },
	io_print: {},
	lists_split: { DELIM: { shadow: { type: 'text', fields: { TEXT: ',' } } } },
	math_change: { DELTA: SHADOW_NUMBER(1) },
	controls_for: { FROM: SHADOW_NUMBER(1), TO: SHADOW_NUMBER(10), BY: SHADOW_NUMBER(1) }
};

/**
 * The toolbox JSON for a list of allowed block types: one category per group (names from `label`).
 * Variables and functions use Blockly's dynamic categories so pupils can create their own.
 */
export function buildToolbox(allowed: string[], label: (category: string) => string) {
	const set = new Set(allowed);
	const groups: Record<string, string[]> = { ...KIND_BLOCKS, ...STANDARD_BLOCKS };
	const contents = [];
	for (const category of TOOLBOX_CATEGORIES) {
		const types = (groups[category] ?? []).filter((t) => set.has(t));
		if (types.length === 0) continue;
		const base = { kind: 'category', name: label(category), colour: CATEGORY_COLOURS[category] };
		if (category === 'variables') contents.push({ ...base, custom: 'VARIABLE' });
		else if (category === 'functions') contents.push({ ...base, custom: 'PROCEDURE' });
		else
			contents.push({
				...base,
				contents: types.map((type) => ({ kind: 'block', type, inputs: DEFAULT_INPUTS[type] }))
			});
	}
	return { kind: 'categoryToolbox', contents };
}
