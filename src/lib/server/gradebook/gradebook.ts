// A class's gradebook: its pupils × the work set for the class, with each pupil's mark (an exercise
// set's passes and stars, a project's rubric total), the status in words (late, missing…), and the
// averages of each pupil and each piece of work. The statuses are the ones the pupils' lists show.
import type { Conn } from '../db';
import { listRoster } from '../classes/pupils';
import {
	getAssignment,
	listExercises,
	pupilStatuses,
	type Assignment,
	type PupilWork
} from '../assignments/assignments';
import { startOfDay, type WorkStatus } from '../assignments/status';
import { averagePercent, exerciseMark, projectMark, type Mark, type ScoreRow } from './marks';

export interface GradebookColumn {
	id: number;
	title: string;
	kind: Assignment['kind'];
	dueOn: string;
	/** The mean of the pupils' marks, as a percentage. */
	average: number | null;
}

export interface GradebookCell {
	/** Null: this work was not set for this pupil (chosen pupils only). */
	status: WorkStatus | null;
	mark: Mark | null;
	/** The pupil's own due date when the teacher extended it. */
	extendedTo: string | null;
}

export interface GradebookRow {
	pupilId: number;
	fullName: string;
	/** The school's pupil code, for pasting the marks into the school's records. */
	pupilCode: string | null;
	cells: GradebookCell[];
	average: number | null;
}

export interface Gradebook {
	columns: GradebookColumn[];
	rows: GradebookRow[];
}

/** The work set for the class (whole class or chosen pupils of it), soonest due first. */
async function classAssignments(db: Conn, classId: number) {
	const targets = await db
		.selectFrom('assignment_targets')
		.select(['assignment_id', 'pupil_id'])
		.where('class_id', '=', classId)
		.execute();
	const byAssignment = new Map<number, Set<number> | 'class'>();
	for (const t of targets) {
		const had = byAssignment.get(t.assignment_id);
		if (t.pupil_id === null || had === 'class') byAssignment.set(t.assignment_id, 'class');
		else byAssignment.set(t.assignment_id, (had ?? new Set()).add(t.pupil_id));
	}
	const out: { a: Assignment; pupils: Set<number> | 'class' }[] = [];
	for (const [id, pupils] of byAssignment) {
		const a = await getAssignment(db, id);
		if (a) out.push({ a, pupils });
	}
	return out.sort((x, y) => x.a.dueOn.localeCompare(y.a.dueOn) || x.a.id - y.a.id);
}

/** Each pupil's best attempt at each exercise of the set since it opened (up to `now`). */
async function bestAttempts(db: Conn, a: Assignment, pupilIds: number[], now: number) {
	const ids = (await listExercises(db, a.id)).map((e) => e.id);
	const best = new Map<number, Map<number, { stars: number; passed: boolean }>>();
	if (!ids.length || !pupilIds.length) return { ids, best };
	const rows = await db
		.selectFrom('exercise_attempts')
		.select(['pupil_id', 'exercise_id', 'passed', 'stars'])
		.where('pupil_id', 'in', pupilIds)
		.where('exercise_id', 'in', ids)
		.where('created_at', '>=', startOfDay(a.opensOn))
		.where('created_at', '<=', now)
		.execute();
	for (const r of rows) {
		const mine = best.get(r.pupil_id) ?? new Map();
		const had = mine.get(r.exercise_id);
		mine.set(r.exercise_id, {
			stars: Math.max(had?.stars ?? 0, r.passed ? r.stars : 0),
			passed: (had?.passed ?? false) || r.passed === 1
		});
		best.set(r.pupil_id, mine);
	}
	return { ids, best };
}

/** The scores of each team's latest review. */
async function latestReviewScores(db: Conn, teamIds: number[]) {
	const out = new Map<number, ScoreRow[]>();
	if (!teamIds.length) return out;
	const reviews = await db
		.selectFrom('reviews')
		.select(['id', 'team_id', 'returned_at'])
		.where('team_id', 'in', teamIds)
		.orderBy('returned_at')
		.orderBy('id')
		.execute();
	const latest = new Map(reviews.map((r) => [r.team_id, r.id]));
	if (!latest.size) return out;
	const scores = await db
		.selectFrom('review_scores')
		.select(['review_id', 'criterion', 'pupil_id', 'points', 'max_points'])
		.where('review_id', 'in', [...latest.values()])
		.execute();
	for (const [team, review] of latest)
		out.set(
			team,
			scores
				.filter((s) => s.review_id === review)
				.map((s) => ({
					criterion: s.criterion,
					pupilId: s.pupil_id,
					points: s.points,
					maxPoints: s.max_points
				}))
		);
	return out;
}

/** The marks of one piece of work for the pupils it was set for. */
async function marksOf(
	db: Conn,
	a: Assignment,
	statuses: Map<number, PupilWork>,
	now: number
): Promise<Map<number, Mark | null>> {
	const pupils = [...statuses.keys()];
	const marks = new Map<number, Mark | null>();
	if (a.kind === 'exercises') {
		const { ids, best } = await bestAttempts(db, a, pupils, now);
		for (const p of pupils) marks.set(p, exerciseMark(ids, best.get(p) ?? new Map()));
		return marks;
	}
	const teams = [...new Set([...statuses.values()].map((s) => s.teamId))].filter(
		(t): t is number => t !== null
	);
	const scores = await latestReviewScores(db, teams);
	for (const p of pupils) {
		const team = statuses.get(p)!.teamId;
		const s = team === null ? undefined : scores.get(team);
		marks.set(p, s ? projectMark(s, p) : null);
	}
	return marks;
}

export async function classGradebook(
	db: Conn,
	classId: number,
	now = Date.now()
): Promise<Gradebook> {
	const roster = await listRoster(db, classId);
	const work = await classAssignments(db, classId);
	const columns: GradebookColumn[] = [];
	const cells = new Map<number, GradebookCell[]>(roster.map((p) => [p.id, []]));
	for (const { a, pupils } of work) {
		const setFor = roster.filter((p) => pupils === 'class' || pupils.has(p.id)).map((p) => p.id);
		const statuses = await pupilStatuses(db, a, setFor, now);
		const marks = await marksOf(db, a, statuses, now);
		for (const p of roster) {
			const st = statuses.get(p.id);
			cells.get(p.id)!.push({
				status: st?.status ?? null,
				mark: marks.get(p.id) ?? null,
				extendedTo: st && st.dueOn !== a.dueOn ? st.dueOn : null
			});
		}
		columns.push({
			id: a.id,
			title: a.title,
			kind: a.kind,
			dueOn: a.dueOn,
			average: averagePercent([...marks.values()].map((m) => m?.score))
		});
	}
	const rows = roster.map((p) => {
		const mine = cells.get(p.id)!;
		return {
			pupilId: p.id,
			fullName: p.fullName,
			pupilCode: p.pupilCode ?? null,
			cells: mine,
			average: averagePercent(mine.map((c) => c.mark?.score))
		};
	});
	return { columns, rows };
}
