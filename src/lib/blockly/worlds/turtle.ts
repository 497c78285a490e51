import type { Segment } from '../spec';
import { fail, type Verdict } from '../verdict';

export const TURTLE_SIZE = 400;
const MAX_SEGMENTS = 2000;
const round = (n: number) => Math.round(n * 100) / 100;

/** The turtle starts in the middle of a 400×400 stage, facing up, pen down. Right turns are positive. */
export function createTurtleWorld(target: Segment[] = [], tolerance = 3) {
	const world = {
		halted: false,
		x: TURTLE_SIZE / 2,
		y: TURTLE_SIZE / 2,
		heading: -90,
		pen: true,
		segments: [] as Segment[],
		api: {
			turtle_forward: (distance: unknown) => {
				const d = Number(distance) || 0;
				const rad = (world.heading * Math.PI) / 180;
				const x2 = round(world.x + d * Math.cos(rad));
				const y2 = round(world.y + d * Math.sin(rad));
				if (world.pen && d !== 0) world.segments.push({ x1: world.x, y1: world.y, x2, y2 });
				world.x = x2;
				world.y = y2;
				if (world.segments.length >= MAX_SEGMENTS) world.halted = true;
			},
			turtle_turn: (degrees: unknown) => {
				world.heading = (world.heading + (Number(degrees) || 0)) % 360;
			},
			turtle_pen: (down: unknown) => {
				world.pen = Boolean(down);
			}
		},
		verdict(): Verdict | null {
			if (world.segments.length >= MAX_SEGMENTS) return fail('too_long');
			return compareDrawings(world.segments, target, tolerance);
		}
	};
	return world;
}

function samples(segments: Segment[], every = 4): [number, number][] {
	const points: [number, number][] = [];
	for (const s of segments) {
		const length = Math.hypot(s.x2 - s.x1, s.y2 - s.y1);
		const n = Math.max(1, Math.ceil(length / every));
		for (let i = 0; i <= n; i++)
			points.push([s.x1 + ((s.x2 - s.x1) * i) / n, s.y1 + ((s.y2 - s.y1) * i) / n]);
	}
	return points;
}

function distanceToSegment([px, py]: [number, number], s: Segment): number {
	const dx = s.x2 - s.x1;
	const dy = s.y2 - s.y1;
	const len2 = dx * dx + dy * dy;
	const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((px - s.x1) * dx + (py - s.y1) * dy) / len2));
	return Math.hypot(px - (s.x1 + t * dx), py - (s.y1 + t * dy));
}

/**
 * Same figure whatever the order and direction of the strokes, and however they are split:
 * every point of the target lies on a drawn stroke, and every drawn point on the target (within tolerance).
 */
export function compareDrawings(
	drawn: Segment[],
	target: Segment[],
	tolerance = 3
): Verdict | null {
	if (target.length === 0) return fail('turtle_no_target');
	const near = (p: [number, number], set: Segment[]) =>
		set.some((s) => distanceToSegment(p, s) <= tolerance);
	const missing = samples(target).filter((p) => !near(p, drawn)).length;
	if (missing > 0) return fail('turtle_missing', { count: target.length });
	const extra = samples(drawn).filter((p) => !near(p, target)).length;
	if (extra > 0) return fail('turtle_extra');
	return null;
}
