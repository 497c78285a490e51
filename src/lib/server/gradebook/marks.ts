// The marks of a gradebook, as pure functions: an exercise set's passes and stars, a project's rubric
// total (with the teacher's adjustments for one pupil), and the averages of a row and a column.

export interface ExerciseMark {
	kind: 'exercises';
	passed: number;
	total: number;
	stars: number;
	maxStars: number;
	/** passed / total, 0–1. */
	score: number;
}

export interface ProjectMark {
	kind: 'project';
	points: number;
	max: number;
	/** points / max, 0–1. */
	score: number;
}

export type Mark = ExerciseMark | ProjectMark;

/**
 * Best stars per exercise (0–3 each) since the set opened, and how many exercises were passed; no
 * mark for a pupil who has not tried any (the status says "not started" or "missing").
 */
export function exerciseMark(
	exerciseIds: number[],
	best: Map<number, { stars: number; passed: boolean }>
): ExerciseMark | null {
	if (!exerciseIds.length || !exerciseIds.some((id) => best.has(id))) return null;
	let passed = 0;
	let stars = 0;
	for (const id of exerciseIds) {
		const b = best.get(id);
		if (b?.passed) passed++;
		stars += b?.stars ?? 0;
	}
	return {
		kind: 'exercises',
		passed,
		total: exerciseIds.length,
		stars,
		maxStars: exerciseIds.length * 3,
		score: passed / exerciseIds.length
	};
}

export interface ScoreRow {
	criterion: number;
	pupilId: number | null;
	points: number;
	maxPoints: number;
}

/**
 * One pupil's total in the team's latest review: each criterion's team points, or the points the
 * teacher gave this pupil instead. Null when the review scored no criterion.
 */
export function projectMark(scores: ScoreRow[], pupilId: number): ProjectMark | null {
	const criteria = new Map<number, { points: number; max: number }>();
	for (const s of scores.filter((x) => x.pupilId === null))
		criteria.set(s.criterion, { points: s.points, max: s.maxPoints });
	for (const s of scores.filter((x) => x.pupilId === pupilId))
		if (criteria.has(s.criterion)) criteria.get(s.criterion)!.points = s.points;
	if (!criteria.size) return null;
	let points = 0;
	let max = 0;
	for (const c of criteria.values()) {
		points += c.points;
		max += c.max;
	}
	return { kind: 'project', points, max, score: max ? points / max : 0 };
}

/** The mean of the scores there are, as a whole percentage; null when there is none. */
export function averagePercent(scores: (number | null | undefined)[]): number | null {
	const given = scores.filter((s): s is number => typeof s === 'number');
	if (!given.length) return null;
	return Math.round((100 * given.reduce((a, b) => a + b, 0)) / given.length);
}
