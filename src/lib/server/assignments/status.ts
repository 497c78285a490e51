// The status of a piece of work for one pupil, the same on the pupil's list and the teacher's table.
// Pure functions: the callers gather the facts (attempts, submissions, reviews) from the database.

export type WorkStatus =
	'not_started' | 'in_progress' | 'submitted' | 'returned' | 'late' | 'missing';

const VIETNAM_OFFSET = 7 * 3600_000;

/** The first millisecond of a 'YYYY-MM-DD' day in Vietnam. */
export function startOfDay(date: string): number {
	return Date.parse(`${date}T00:00:00Z`) - VIETNAM_OFFSET;
}

/** Work is due at the end of its due day in Vietnam, not at midnight UTC. */
export function endOfDay(date: string): number {
	return startOfDay(date) + 24 * 3600_000 - 1;
}

export interface WorkFacts {
	now: number;
	dueOn: string;
	/** Anything done after the opening: an attempt, an entry, a photo. */
	started: boolean;
	/** When the work was handed in completely (last submission), if it was. */
	submittedAt: number | null;
	/** When the teacher last returned it with feedback, if they did. */
	returnedAt: number | null;
}

/**
 * Returned wins while the pupils have not handed in again; handed in after the due day is late;
 * nothing handed in by the due day is missing.
 */
export function workStatus(f: WorkFacts): WorkStatus {
	const due = endOfDay(f.dueOn);
	if (f.returnedAt !== null && (f.submittedAt === null || f.returnedAt >= f.submittedAt))
		return 'returned';
	if (f.submittedAt !== null) return f.submittedAt > due ? 'late' : 'submitted';
	if (f.now > due) return 'missing';
	return f.started ? 'in_progress' : 'not_started';
}

export interface AttemptFact {
	exerciseId: number;
	passed: boolean;
	createdAt: number;
}

/**
 * An exercise set from the pupil's attempts since it opened: submitted when every exercise is
 * passed, at the moment the last of them was first passed.
 */
export function exerciseSetFacts(exerciseIds: number[], attempts: AttemptFact[], opensOn: string) {
	const opens = startOfDay(opensOn);
	const since = attempts.filter((a) => a.createdAt >= opens);
	const firstPass = new Map<number, number>();
	for (const a of since) {
		if (!a.passed) continue;
		const t = firstPass.get(a.exerciseId);
		if (t === undefined || a.createdAt < t) firstPass.set(a.exerciseId, a.createdAt);
	}
	const passed = exerciseIds.filter((id) => firstPass.has(id)).length;
	const complete = exerciseIds.length > 0 && passed === exerciseIds.length;
	return {
		started: since.some((a) => exerciseIds.includes(a.exerciseId)),
		passed,
		submittedAt: complete ? Math.max(...exerciseIds.map((id) => firstPass.get(id)!)) : null
	};
}

/** Soonest due first; among equals, the newest opening first, then by title. */
export function byDue<T extends { dueOn: string; opensOn: string; title: string }>(
	a: T,
	b: T
): number {
	return (
		a.dueOn.localeCompare(b.dueOn) ||
		b.opensOn.localeCompare(a.opensOn) ||
		a.title.localeCompare(b.title, 'vi')
	);
}
