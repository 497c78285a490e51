// Generators of course content: mazes drawn from a route, polygons, hints in three steps.
import type { BlockJson } from '$lib/blockly/spec';
import type { SeedExercise } from '../exercises';
import * as b from '../../exercises/build';

const DX = [1, 0, -1, 0];
const DY = [0, 1, 0, -1];

/**
 * A maze grid whose only open squares are the route's: F moves forward, L/R turn, '*' marks the
 * square just reached as a tea bush (for the events lessons). Starts facing `dir` (0 east).
 */
export function mazeFromRoute(route: string, dir = 0): string[] {
	let x = 0;
	let y = 0;
	let d = dir;
	const cells = new Map<string, string>([['0,0', 'S']]);
	for (const step of route) {
		if (step === 'L') d = (d + 3) % 4;
		else if (step === 'R') d = (d + 1) % 4;
		else if (step === 'F') {
			x += DX[d];
			y += DY[d];
			if (!cells.has(`${x},${y}`)) cells.set(`${x},${y}`, '.');
		} else if (step === '*') cells.set(`${x},${y}`, '*');
	}
	if (cells.get(`${x},${y}`) !== '*') cells.set(`${x},${y}`, 'G');
	const xs = [...cells.keys()].map((k) => Number(k.split(',')[0]));
	const ys = [...cells.keys()].map((k) => Number(k.split(',')[1]));
	const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
	const rows: string[] = [];
	for (let yy = y0 - 1; yy <= y1 + 1; yy++) {
		let row = '';
		for (let xx = x0 - 1; xx <= x1 + 1; xx++) row += cells.get(`${xx},${yy}`) ?? '#';
		rows.push(row);
	}
	return rows;
}

/** The program that walks a route step by step (no loops). */
export function routeBlocks(route: string): BlockJson[] {
	return [...route]
		.filter((s) => s === 'F' || s === 'L' || s === 'R')
		.map((s) => (s === 'F' ? b.go() : b.mturn(s === 'L' ? 'LEFT' : 'RIGHT')));
}

export const routeProgram = (route: string) => b.ws(b.seq(...routeBlocks(route))!);

export const maze = (dir: number, ...grids: string[][]) => ({
	maze: { worlds: grids.map((rows) => ({ rows, dir })) }
});

/** Hints in steps: a nudge, then a strategy, then the answer. */
export const hints = (nudge: string, strategy: string, answer: string) => [nudge, strategy, answer];

/** A regular polygon: n sides of `side` steps. */
export const polygon = (n: number, side: number) =>
	b.repeat(n, b.forward(side), b.turn('RIGHT', Math.round((360 / n) * 100) / 100));

export const io = (...cases: [Record<string, number | string>, string, boolean?][]) => ({
	io: {
		cases: cases.map(([inputs, expected, hidden]) => ({
			inputs,
			expected,
			...(hidden ? { hidden } : {})
		}))
	}
});

/** An I/O exercise whose expected outputs are computed by `answer` (the last input is a hidden case). */
export function ioEx(e: {
	title: string;
	grade: number;
	concept: SeedExercise['concept'];
	categories: string[];
	task: string;
	reference: ReturnType<typeof b.ws>;
	wrong: ReturnType<typeof b.ws>[];
	inputs: Record<string, number | string>[];
	answer: (i: Record<string, number | string>) => string | number;
	hints: string[];
	start?: ReturnType<typeof b.ws>;
}): SeedExercise {
	const { inputs, answer, ...rest } = e;
	const cases = inputs.map(
		(i, k) => [i, String(answer(i)), k === inputs.length - 1 && inputs.length > 1] as const
	);
	return {
		...rest,
		kind: 'io',
		world: io(...cases.map(([i, out, hidden]) => [i, out, hidden] as [typeof i, string, boolean]))
	};
}

/** A sensor exercise of the flood station: the alarm must sound exactly when the river is ≥ danger. */
export const floodWorld = (danger: number, ...scenarios: [string, number[]][]) => ({
	sensor: {
		sensor: 'water' as const,
		danger,
		scenarios: scenarios.map(([name, values]) => ({ name, values }))
	}
});

export const FLOOD_DAY: [string, number[]] = [
	'Ngày lũ',
	[
		180, 185, 190, 200, 215, 235, 250, 265, 280, 290, 285, 270, 255, 240, 225, 210, 200, 195, 190,
		185, 180, 178, 176, 175
	]
];
export const CALM_DAY: [string, number[]] = [
	'Ngày yên',
	[
		150, 150, 152, 153, 155, 156, 158, 160, 160, 158, 157, 155, 154, 153, 152, 151, 150, 150, 150,
		149, 149, 148, 148, 148
	]
];
export const TWO_FLOODS: [string, number[]] = [
	'Hai đợt lũ',
	[
		200, 230, 260, 275, 262, 240, 220, 210, 205, 230, 258, 290, 300, 280, 250, 235, 220, 210, 200,
		195, 190, 188, 186, 185
	]
];

/** The flood station with events: an hour-by-hour day, one hat to sound the alarm, one to stop it. */
export const floodEvents = (danger: number, hours = 24) =>
	b.ws(
		b.onStart(b.repeat(hours, b.wait())),
		b.onSensor('water', 'ABOVE', danger, b.alarm(true)),
		b.onSensor('water', 'BELOW', danger, b.alarm(false))
	);
