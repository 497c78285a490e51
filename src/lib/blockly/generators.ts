// JavaScript generators of our blocks, as a `forBlock` map (register.ts installs it).
// Each block calls one function of the world's API (see worlds/*.ts); no Blockly import here.

type Gen = {
	valueToCode(block: unknown, name: string, order: number): string;
	statementToCode(block: unknown, name: string): string;
	quote_(text: string): string;
	definitions_: Record<string, string>;
};
type B = {
	id?: string;
	getFieldValue(name: string): string | null;
	workspace?: { getBlocksByType(type: string, ordered: boolean): unknown[] };
};

const ORDER_ATOMIC = 0;
const ORDER_FUNCTION_CALL = 2;
const ORDER_NONE = 99;

/** The API every world exposes to the interpreter, plus highlightBlock (the step marker). */
export const RESERVED_WORDS = [
	'highlightBlock',
	'io_input',
	'io_print',
	'turtle_forward',
	'turtle_turn',
	'turtle_pen',
	'maze_forward',
	'maze_turn',
	'maze_path',
	'maze_at_goal',
	'sensor_read',
	'sensor_set',
	'sensor_wait_hour',
	'sensor_hour',
	'maze_pick',
	'maze_on_bush',
	'ms_reach',
	'ms_sense',
	'ms_reach_fns',
	'ms_sensor_fns'
];

/**
 * Events: each "khi …" hat registers its handler before the program starts (in the definitions, which
 * run first); the robot's moves and the sensor's hours then call the dispatchers, so a handler runs
 * when the robot reaches a tea bush, or when a reading crosses its threshold (each time it crosses).
 */
const EVENT_RUNTIME = [
	'var ms_reach_fns = [];',
	'var ms_sensor_fns = [];',
	'function ms_reach() {',
	'  if (!maze_on_bush()) return;',
	'  for (var i = 0; i < ms_reach_fns.length; i++) ms_reach_fns[i]();',
	'}',
	'function ms_sense() {',
	'  for (var i = 0; i < ms_sensor_fns.length; i++) {',
	'    var h = ms_sensor_fns[i];',
	'    var v = sensor_read(h.s);',
	'    var on = h.above ? v >= h.t : v < h.t;',
	'    if (on && !h.was) h.fn();',
	'    h.was = on;',
	'  }',
	'}'
].join('\n');

function eventRuntime(g: Gen) {
	if (!g.definitions_['ms_events']) g.definitions_['ms_events'] = EVENT_RUNTIME;
}
const hasBlocks = (b: B, type: string) =>
	(b.workspace?.getBlocksByType(type, false).length ?? 0) > 0;

function handler(b: B, g: Gen, register: (fn: string) => string) {
	eventRuntime(g);
	const fn = `function () {\n${g.statementToCode(b, 'DO')}}`;
	g.definitions_[`ms_event_${b.id ?? Object.keys(g.definitions_).length}`] = register(fn);
	return '';
}

/** Put before every statement: the runner pauses there in Step mode and the block lights up. */
export const STATEMENT_PREFIX = 'highlightBlock(%1);\n';

export const forBlock: Record<string, (block: B, generator: Gen) => string | [string, number]> = {
	io_input: (b, g) => [`io_input(${g.quote_(b.getFieldValue('NAME') ?? '')})`, ORDER_FUNCTION_CALL],
	io_input_list: (b, g) => [
		`String(io_input(${g.quote_(b.getFieldValue('NAME') ?? '')})).split(',').map(Number)`,
		ORDER_FUNCTION_CALL
	],
	io_print: (b, g) => `io_print(${g.valueToCode(b, 'VALUE', ORDER_NONE) || "''"});\n`,
	turtle_forward: (b, g) => `turtle_forward(${g.valueToCode(b, 'DIST', ORDER_NONE) || '0'});\n`,
	turtle_turn: (b, g) => {
		const angle = g.valueToCode(b, 'ANGLE', ORDER_NONE) || '0';
		return `turtle_turn(${b.getFieldValue('DIR') === 'LEFT' ? '-' : ''}(${angle}));\n`;
	},
	turtle_pen: (b) => `turtle_pen(${b.getFieldValue('STATE') === 'DOWN'});\n`,
	maze_forward: (b, g) => {
		if (!hasBlocks(b, 'event_reach')) return 'maze_forward();\n';
		eventRuntime(g);
		return 'maze_forward();\nms_reach();\n';
	},
	maze_pick: () => 'maze_pick();\n',
	maze_turn: (b) => `maze_turn(${b.getFieldValue('DIR') === 'LEFT' ? -1 : 1});\n`,
	maze_path: (b) => {
		const dir = { AHEAD: 0, LEFT: -1, RIGHT: 1 }[b.getFieldValue('DIR') ?? 'AHEAD'] ?? 0;
		return [`maze_path(${dir})`, ORDER_FUNCTION_CALL];
	},
	maze_at_goal: () => ['maze_at_goal()', ORDER_FUNCTION_CALL],
	sensor_moisture: () => ["sensor_read('moisture')", ORDER_FUNCTION_CALL],
	sensor_water_level: () => ["sensor_read('water')", ORDER_FUNCTION_CALL],
	sensor_hour: () => ['sensor_hour()', ORDER_FUNCTION_CALL],
	sensor_pump: (b) => `sensor_set('pump', ${b.getFieldValue('STATE') === 'ON'});\n`,
	sensor_alarm: (b) => `sensor_set('alarm', ${b.getFieldValue('STATE') === 'ON'});\n`,
	sensor_wait_hour: (b, g) => {
		if (!hasBlocks(b, 'event_sensor')) return 'sensor_wait_hour();\n';
		eventRuntime(g);
		return 'ms_sense();\nsensor_wait_hour();\n';
	},
	event_start: () => '',
	event_reach: (b, g) => handler(b, g, (fn) => `ms_reach_fns.push(${fn});`),
	event_sensor: (b, g) =>
		handler(b, g, (fn) => {
			const s = b.getFieldValue('SENSOR') === 'moisture' ? 'moisture' : 'water';
			const above = b.getFieldValue('OP') !== 'BELOW';
			const t = Number(b.getFieldValue('VALUE')) || 0;
			return `ms_sensor_fns.push({ s: '${s}', above: ${above}, t: ${t}, was: false, fn: ${fn} });`;
		})
};

export { ORDER_ATOMIC };
