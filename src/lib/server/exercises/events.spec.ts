// Events ("khi …" hats), tea picking and list input, run by the real grader.
import { expect, test } from 'vitest';
import { emptySpec } from '$lib/blockly/spec';
import { countBlocks } from '$lib/blockly/workspace';
import * as b from './build';
import { generateCode } from './blockly';
import { gradeWorkspace } from './grade';

const grade = (
	kind: Parameters<typeof gradeWorkspace>[0],
	spec: object,
	ws: ReturnType<typeof b.ws>
) => {
	const r = gradeWorkspace(kind, { ...emptySpec(kind), ...spec }, ws, countBlocks(ws));
	if (!r.ok) throw new Error(r.problem);
	return r.verdict;
};

const teaRow = { maze: { worlds: [{ rows: ['#######', '#S.*.G#', '#######'], dir: 0 }] } };

test('the robot must pick every tea bush before the goal counts', () => {
	expect(grade('maze', teaRow, b.ws(b.until(b.atGoal(), b.go())))).toMatchObject({
		passed: false,
		code: 'maze_not_picked',
		params: { left: 1 }
	});
	expect(
		grade('maze', teaRow, b.ws(b.seq(b.go(), b.go(), b.pick(), b.go(), b.go())!))
	).toMatchObject({
		passed: true
	});
});

test('"khi rô-bốt tới bụi chè" runs its blocks on every bush, whatever the order of the stacks', () => {
	const two = { maze: { worlds: [{ rows: ['########', '#S*.*.G#', '########'], dir: 0 }] } };
	const handlerFirst = b.ws(b.onReach(b.pick()), b.onStart(b.until(b.atGoal(), b.go())));
	const handlerLast = b.ws(b.onStart(b.until(b.atGoal(), b.go())), b.onReach(b.pick()));
	expect(grade('maze', two, handlerFirst)).toMatchObject({ passed: true });
	expect(grade('maze', two, handlerLast)).toMatchObject({ passed: true });
	expect(grade('maze', two, b.ws(b.onStart(b.until(b.atGoal(), b.go()))))).toMatchObject({
		passed: false,
		code: 'maze_not_picked'
	});
});

test('"khi mực nước ≥ 250" fires each time the river crosses the line, not every hour', () => {
	const values = [200, 260, 270, 240, 230, 255, 200];
	const spec = { sensor: { sensor: 'water', danger: 250, scenarios: [{ name: 'x', values }] } };
	const events = b.ws(
		b.onStart(b.repeat(7, b.wait())),
		b.onSensor('water', 'ABOVE', 250, b.alarm(true)),
		b.onSensor('water', 'BELOW', 250, b.alarm(false))
	);
	expect(grade('sensor', spec, events)).toMatchObject({ passed: true });
	const onlyUp = b.ws(
		b.onStart(b.repeat(7, b.wait())),
		b.onSensor('water', 'ABOVE', 250, b.alarm(true))
	);
	expect(grade('sensor', spec, onlyUp)).toMatchObject({
		passed: false,
		code: 'sensor_false_alarm'
	});
	const code = generateCode(events)!;
	expect(code.match(/ms_sensor_fns\.push/g)).toHaveLength(2);
});

test('a list input arrives as numbers', () => {
	const spec = { io: { cases: [{ inputs: { ds: '3,5,7' }, expected: '15' }] } };
	expect(grade('io', spec, b.ws(b.print(b.onList('SUM', b.inputList('ds')))))).toMatchObject({
		passed: true
	});
});
