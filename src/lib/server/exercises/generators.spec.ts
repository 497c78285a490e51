import { expect, test } from 'vitest';
import { generateCode } from './blockly';
import * as b from './build';
import { KIND_BLOCKS, KNOWN_BLOCKS, STANDARD_BLOCKS } from '$lib/blockly/blocks';

const strip = (code: string | null) =>
	(code ?? '').replace(/highlightBlock\('[^']*'\);\n/g, '').trim();

const EXPECTED: Record<string, [ReturnType<typeof b.ws>, string]> = {
	io_input: [b.ws(b.print(b.input('n'))), "io_print(io_input('n'));"],
	io_print: [b.ws(b.print(b.num(7))), 'io_print(7);'],
	turtle_forward: [b.ws(b.forward(50)), 'turtle_forward(50);'],
	turtle_turn: [
		b.ws(b.seq(b.turn('LEFT', 90), b.turn('RIGHT', 45))!),
		'turtle_turn(-(90));\nturtle_turn((45));'
	],
	turtle_pen: [b.ws(b.seq(b.pen('UP'), b.pen('DOWN'))!), 'turtle_pen(false);\nturtle_pen(true);'],
	maze_forward: [b.ws(b.go()), 'maze_forward();'],
	maze_turn: [b.ws(b.seq(b.mturn('LEFT'), b.mturn('RIGHT'))!), 'maze_turn(-1);\nmaze_turn(1);'],
	maze_path: [b.ws(b.ifThen(b.path('LEFT'), [b.go()])), 'if (maze_path(-1)) {'],
	maze_at_goal: [b.ws(b.ifThen(b.atGoal(), [b.go()])), 'if (maze_at_goal()) {'],
	sensor_moisture: [
		b.ws(b.ifThen(b.compare('LT', b.moisture(), b.num(50)), [b.pump(true)])),
		"if (sensor_read('moisture') < 50) {"
	],
	sensor_water_level: [
		b.ws(b.ifThen(b.compare('GTE', b.water(), b.num(250)), [b.alarm(true)])),
		"if (sensor_read('water') >= 250) {"
	],
	sensor_hour: [
		b.ws(b.ifThen(b.compare('LT', b.hour(), b.num(24)), [b.wait()])),
		'if (sensor_hour() < 24) {'
	],
	sensor_pump: [
		b.ws(b.seq(b.pump(true), b.pump(false))!),
		"sensor_set('pump', true);\nsensor_set('pump', false);"
	],
	sensor_alarm: [b.ws(b.alarm(true)), "sensor_set('alarm', true);"],
	sensor_wait_hour: [b.ws(b.wait()), 'sensor_wait_hour();'],
	maze_pick: [b.ws(b.pick()), 'maze_pick();'],
	event_start: [b.ws(b.onStart(b.go())), 'maze_forward();'],
	event_reach: [b.ws(b.onStart(b.go()), b.onReach(b.pick())), 'maze_forward();\nms_reach();'],
	event_sensor: [
		b.ws(b.onStart(b.wait()), b.onSensor('water', 'ABOVE', 250, b.alarm(true))),
		"ms_sensor_fns.push({ s: 'water', above: true, t: 250"
	]
};

for (const type of Object.values(KIND_BLOCKS).flat()) {
	test(`the generator of ${type}`, () => {
		const [workspace, expected] = EXPECTED[type];
		const code = generateCode(workspace);
		expect(code).toContain('highlightBlock(');
		expect(strip(code)).toContain(expected);
	});
}

test('every standard block the toolboxes offer generates code', () => {
	const samples = [
		b.ws(
			b.ifThen(b.and(b.bool(true), b.not(b.bool(false))), [
				b.print(b.join(b.text('a'), b.mod(b.num(5), b.num(2))))
			])
		),
		b.ws(
			b.seq(
				b.setVar('x', b.num(1)),
				b.changeVar('x', 2),
				b.repeat(2, b.print(b.getVar('x'))),
				b.forRange('i', 1, 3, b.print(b.getVar('i')))
			)!
		),
		b.ws(
			b.whileDo(b.compare('LT', b.arith('MINUS', b.num(1), b.num(2)), b.num(0)), b.callProc('f')),
			b.defProc('f', b.print(b.num(1)))
		),
		b.ws(
			b.forEach('x', b.inputList('ds'), b.print(b.getVar('x'))),
			b.print(b.length(b.split(b.text('1,2')))),
			b.print(b.onList('SUM', b.inputList('ds'))),
			b.print(
				b.listItem(
					{
						type: 'lists_create_with',
						extraState: { itemCount: 1 },
						inputs: { ADD0: { block: b.num(1) } }
					},
					b.num(1)
				)
			)
		),
		b.ws(
			b.print({
				type: 'math_round',
				fields: { OP: 'ROUNDDOWN' },
				inputs: { NUM: { block: b.num(2.5) } }
			})
		),
		b.ws(b.print({ type: 'procedures_callreturn', extraState: { name: 'g' } }), {
			type: 'procedures_defreturn',
			fields: { NAME: 'g' },
			inputs: {
				STACK: {
					block: {
						type: 'procedures_ifreturn',
						extraState: '<mutation value="1"></mutation>',
						inputs: { CONDITION: { block: b.bool(true) }, VALUE: { block: b.num(2) } }
					}
				},
				RETURN: { block: b.num(3) }
			}
		})
	];
	const seen = new Set<string>();
	const collect = (v: unknown) => {
		if (v && typeof v === 'object') {
			const t = (v as { type?: unknown }).type;
			if (typeof t === 'string') seen.add(t);
			Object.values(v).forEach(collect);
		}
	};
	samples.forEach(collect);
	for (const s of samples) expect(generateCode(s)).toBeTruthy();
	expect(strip(generateCode(samples[1]))).toContain('x = (typeof x ===');
	expect(strip(generateCode(samples[2]))).toContain('function f() {');
	const standard = Object.values(STANDARD_BLOCKS).flat();
	for (const t of standard) expect(seen.has(t), t).toBe(true);
	for (const t of seen) expect(KNOWN_BLOCKS.has(t), t).toBe(true);
});
