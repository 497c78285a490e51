// JavaScript generators of our blocks, as a `forBlock` map (register.ts installs it).
// Each block calls one function of the world's API (see worlds/*.ts); no Blockly import here.

type Gen = {
	valueToCode(block: unknown, name: string, order: number): string;
	quote_(text: string): string;
};
type B = { getFieldValue(name: string): string | null };

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
	'sensor_hour'
];

/** Put before every statement: the runner pauses there in Step mode and the block lights up. */
export const STATEMENT_PREFIX = 'highlightBlock(%1);\n';

export const forBlock: Record<string, (block: B, generator: Gen) => string | [string, number]> = {
	io_input: (b, g) => [`io_input(${g.quote_(b.getFieldValue('NAME') ?? '')})`, ORDER_FUNCTION_CALL],
	io_print: (b, g) => `io_print(${g.valueToCode(b, 'VALUE', ORDER_NONE) || "''"});\n`,
	turtle_forward: (b, g) => `turtle_forward(${g.valueToCode(b, 'DIST', ORDER_NONE) || '0'});\n`,
	turtle_turn: (b, g) => {
		const angle = g.valueToCode(b, 'ANGLE', ORDER_NONE) || '0';
		return `turtle_turn(${b.getFieldValue('DIR') === 'LEFT' ? '-' : ''}(${angle}));\n`;
	},
	turtle_pen: (b) => `turtle_pen(${b.getFieldValue('STATE') === 'DOWN'});\n`,
	maze_forward: () => 'maze_forward();\n',
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
	sensor_wait_hour: () => 'sensor_wait_hour();\n'
};

export { ORDER_ATOMIC };
