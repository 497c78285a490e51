// Survey scoring: a response's score on a scale is the mean of its items (1–5, reversed items
// turned round), and results compare pre and post windows per scale with their spread.
export interface ScoredItem {
	id: number;
	scale: string;
	reversed: boolean;
}

/** The mean per scale of one response; items not answered do not count. */
export function scaleScores(
	items: ScoredItem[],
	answers: Map<number, number>
): Map<string, number> {
	const sums = new Map<string, { total: number; n: number }>();
	for (const item of items) {
		const v = answers.get(item.id);
		if (v === undefined) continue;
		const score = item.reversed ? 6 - v : v;
		const s = sums.get(item.scale) ?? { total: 0, n: 0 };
		s.total += score;
		s.n += 1;
		sums.set(item.scale, s);
	}
	return new Map([...sums].map(([scale, s]) => [scale, s.total / s.n]));
}

export interface Spread {
	n: number;
	mean: number | null;
	/** the sample standard deviation; null under two responses */
	sd: number | null;
}

const round2 = (x: number) => Math.round(x * 100) / 100;

/** Mean and spread from n, the sum and the sum of squares (what SQL can add up). */
export function spreadOf(n: number, sum: number, sumSq: number): Spread {
	if (!n) return { n: 0, mean: null, sd: null };
	const mean = sum / n;
	const variance = n > 1 ? Math.max(0, (sumSq - n * mean * mean) / (n - 1)) : null;
	return { n, mean: round2(mean), sd: variance === null ? null : round2(Math.sqrt(variance)) };
}

/** Post minus pre, or null when either side is missing. */
export function change(pre: Spread, post: Spread): number | null {
	return pre.mean === null || post.mean === null ? null : round2(post.mean - pre.mean);
}
