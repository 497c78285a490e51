// Free play ("Sân chơi", issue 17): the turtle canvas with the blocks of the pupil's course and no task.
// Shared by the browser (the toolbox) and the server (which blocks a saved drawing may hold).
import { KIND_BLOCKS } from './blocks';
import type { Segment } from './spec';

/** Blocks of the other worlds (the maze robot, the sensors, input/output): nothing to do on a canvas. */
const OTHER_WORLDS = new Set([
	...KIND_BLOCKS.io,
	...KIND_BLOCKS.maze,
	...KIND_BLOCKS.sensor,
	'io_input_list',
	'event_reach',
	'event_sensor'
]);

/** What every pupil may draw with, whatever their course: the turtle, a loop and numbers. */
export const PLAY_BASE = [...KIND_BLOCKS.turtle, 'controls_repeat_ext', 'math_number'];

/** The canvas's toolbox: the base and every block of the pupil's course that works on a canvas. */
export function playToolbox(courseToolboxes: string[][]): string[] {
	const out = new Set(PLAY_BASE);
	for (const toolbox of courseToolboxes)
		for (const type of toolbox) if (!OTHER_WORLDS.has(type)) out.add(type);
	return [...out].sort();
}

/** A drawing's name: trimmed, NFC, at most this long. */
export const MAX_DRAWING_NAME = 60;

export function cleanDrawingName(raw: unknown): string | null {
	if (typeof raw !== 'string') return null;
	const name = raw.normalize('NFC').replace(/\s+/g, ' ').trim();
	if (!name || name.length > MAX_DRAWING_NAME) return null;
	return name;
}

/** The bounding box of strokes with a margin, for a thumbnail that shows the whole drawing. */
export function drawingViewBox(segments: Segment[], size = 400): string {
	if (!segments.length) return `0 0 ${size} ${size}`;
	const xs = segments.flatMap((s) => [s.x1, s.x2]);
	const ys = segments.flatMap((s) => [s.y1, s.y2]);
	const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
	const side = Math.max(x1 - x0, y1 - y0, 40) + 20;
	const cx = (x0 + x1) / 2;
	const cy = (y0 + y1) / 2;
	const r = (n: number) => Math.round(n * 10) / 10;
	return `${r(cx - side / 2)} ${r(cy - side / 2)} ${r(side)} ${r(side)}`;
}
