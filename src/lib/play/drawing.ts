// A drawing's strokes as one SVG path (numbers only: the server's strokes, never markup from a browser),
// and when it was shared, as the Vietnamese write it.
import type { Segment } from '$lib/blockly/spec';
import { formatDate } from '$lib/dates';

/** "M x y L x y …": a stroke that starts where the last ended continues the same line. */
export function drawingPath(segments: Segment[]): string {
	const parts: string[] = [];
	let at: [number, number] | null = null;
	for (const s of segments) {
		const n = [s.x1, s.y1, s.x2, s.y2].map(Number);
		if (!n.every(Number.isFinite)) continue;
		if (!at || at[0] !== n[0] || at[1] !== n[1]) parts.push(`M${n[0]} ${n[1]}`);
		parts.push(`L${n[2]} ${n[3]}`);
		at = [n[2], n[3]];
	}
	return parts.join('');
}

/** "14:05 01/12/2026", Vietnam's time. */
export function sharedTime(ms: number): string {
	const iso = new Date(ms + 7 * 3600_000).toISOString();
	return `${iso.slice(11, 16)} ${formatDate(iso.slice(0, 10))}`;
}
