// The teacher's week: what waits for them on /teach ("Việc cần làm") and the counts on the
// assignment list. Each item names the place where it is done.
import type { Conn } from '../db';
import {
	listTargetClasses,
	listTeacherAssignments,
	pupilStatuses,
	targetPupils,
	type Assignment
} from './assignments';
import { listTeacherClasses } from '../classes/classes';
import { today } from '../classes/pupils';
import { windowsFor } from '../surveys/surveys';

const DAY = 24 * 3600_000;
/** A pupil is stuck on an exercise after this many tries or hints in the last STUCK_DAYS, with no pass. */
export const STUCK_TRIES = 3;
export const STUCK_HINTS = 3;
export const STUCK_DAYS = 7;

export interface Teacher {
	id: number;
	schoolId: number;
}

export interface WaitingReview {
	assignmentId: number;
	title: string;
	/** Teams that handed in the whole project since their last review. */
	projects: number;
	/** Steps handed in since their team's last review. */
	steps: number;
}

/** Projects with work handed in and not yet reviewed, counted per assignment. */
export async function waitingReviews(
	db: Conn,
	assignments: Assignment[]
): Promise<WaitingReview[]> {
	const projects = assignments.filter((a) => a.kind === 'project');
	if (!projects.length) return [];
	const teams = await db
		.selectFrom('teams')
		.select(['id', 'assignment_id'])
		.where(
			'assignment_id',
			'in',
			projects.map((a) => a.id)
		)
		.execute();
	const teamIds = teams.map((t) => t.id);
	if (!teamIds.length) return [];
	const [subs, revs] = await Promise.all([
		db
			.selectFrom('submissions')
			.select(['team_id', 'step_key', 'submitted_at'])
			.where('team_id', 'in', teamIds)
			.execute(),
		db
			.selectFrom('reviews')
			.select(['team_id', (eb) => eb.fn.max('returned_at').as('at')])
			.where('team_id', 'in', teamIds)
			.groupBy('team_id')
			.execute()
	]);
	const lastReview = new Map(revs.map((r) => [r.team_id, Number(r.at)]));
	const out: WaitingReview[] = [];
	for (const a of projects) {
		let whole = 0;
		let steps = 0;
		for (const t of teams.filter((t) => t.assignment_id === a.id)) {
			const since = lastReview.get(t.id) ?? -Infinity;
			const fresh = subs.filter((s) => s.team_id === t.id && s.submitted_at > since);
			if (fresh.some((s) => s.step_key === null)) whole++;
			steps += new Set(fresh.filter((s) => s.step_key !== null).map((s) => s.step_key)).size;
		}
		if (whole || steps) out.push({ assignmentId: a.id, title: a.title, projects: whole, steps });
	}
	return out;
}

export interface ReturnedLesson {
	id: number;
	title: string;
	comment: string;
	returnedAt: number;
}

/** The teacher's lessons the department sent back with a comment and that are not yet sent again. */
export async function returnedLessons(db: Conn, teacherId: number): Promise<ReturnedLesson[]> {
	const rows = await db
		.selectFrom('lessons as l')
		.innerJoin('lesson_reviews as r', 'r.lesson_id', 'l.id')
		.select(['l.id', 'l.title', 'r.action', 'r.comment', 'r.created_at'])
		.where('l.author_id', '=', teacherId)
		.where('l.status', '=', 'draft')
		.orderBy('r.created_at')
		.orderBy('r.id')
		.execute();
	const latest = new Map<number, (typeof rows)[number]>();
	for (const r of rows) latest.set(r.id, r);
	return [...latest.values()]
		.filter((r) => r.action === 'returned')
		.map((r) => ({ id: r.id, title: r.title, comment: r.comment, returnedAt: r.created_at }))
		.sort((a, b) => b.returnedAt - a.returnedAt);
}

export interface StuckPupil {
	pupilId: number;
	fullName: string;
	classId: number;
	className: string;
	exerciseId: number;
	exerciseTitle: string;
	tries: number;
	hints: number;
}

/** Pupils of the teacher's classes who tried an exercise 3 times or used 3 hints lately, and never passed it. */
export async function stuckPupils(
	db: Conn,
	teacherId: number,
	now = Date.now()
): Promise<StuckPupil[]> {
	const classIds = (await listTeacherClasses(db, teacherId)).map((c) => c.id);
	if (!classIds.length) return [];
	const since = now - STUCK_DAYS * DAY;
	const pupils = db
		.selectFrom('enrolments')
		.select('pupil_id')
		.where('class_id', 'in', classIds)
		.where('ended_on', 'is', null);
	const [tried, hinted] = await Promise.all([
		db
			.selectFrom('exercise_attempts')
			.select([
				'pupil_id',
				'exercise_id',
				(eb) => eb.fn.countAll<number>().as('tries'),
				(eb) => eb.fn.max('hints_used').as('hints')
			])
			.where('pupil_id', 'in', pupils)
			.where('created_at', '>=', since)
			.groupBy(['pupil_id', 'exercise_id'])
			.execute(),
		db
			.selectFrom('exercise_work')
			.select(['pupil_id', 'exercise_id', 'hints_used'])
			.where('pupil_id', 'in', pupils)
			.where('updated_at', '>=', since)
			.where('hints_used', '>=', STUCK_HINTS)
			.execute()
	]);
	const key = (p: number, e: number) => `${p}:${e}`;
	const found = new Map<
		string,
		{ pupil: number; exercise: number; tries: number; hints: number }
	>();
	for (const t of tried)
		found.set(key(t.pupil_id, t.exercise_id), {
			pupil: t.pupil_id,
			exercise: t.exercise_id,
			tries: Number(t.tries),
			hints: Number(t.hints ?? 0)
		});
	for (const h of hinted) {
		const f = found.get(key(h.pupil_id, h.exercise_id));
		if (f) f.hints = Math.max(f.hints, h.hints_used);
		else
			found.set(key(h.pupil_id, h.exercise_id), {
				pupil: h.pupil_id,
				exercise: h.exercise_id,
				tries: 0,
				hints: h.hints_used
			});
	}
	const candidates = [...found.values()].filter(
		(f) => f.tries >= STUCK_TRIES || f.hints >= STUCK_HINTS
	);
	return describeStuck(db, candidates);
}

/** Leaves out the pupils who have passed the exercise, and names the rest. */
async function describeStuck(
	db: Conn,
	candidates: { pupil: number; exercise: number; tries: number; hints: number }[]
): Promise<StuckPupil[]> {
	if (!candidates.length) return [];
	const pupilIds = [...new Set(candidates.map((c) => c.pupil))];
	const [passes, names] = await Promise.all([
		db
			.selectFrom('exercise_attempts')
			.select(['pupil_id', 'exercise_id'])
			.where('pupil_id', 'in', pupilIds)
			.where('passed', '=', 1)
			.execute(),
		db
			.selectFrom('enrolments as e')
			.innerJoin('users as u', 'u.id', 'e.pupil_id')
			.innerJoin('classes as c', 'c.id', 'e.class_id')
			.select(['u.id', 'u.full_name', 'c.id as class_id', 'c.name'])
			.where('e.pupil_id', 'in', pupilIds)
			.where('e.ended_on', 'is', null)
			.execute()
	]);
	const exercises = await db
		.selectFrom('exercises')
		.select(['id', 'title'])
		.where('id', 'in', [...new Set(candidates.map((c) => c.exercise))])
		.execute();
	return candidates
		.filter((c) => !passes.some((p) => p.pupil_id === c.pupil && p.exercise_id === c.exercise))
		.map((c) => {
			const who = names.find((n) => n.id === c.pupil)!;
			return {
				pupilId: c.pupil,
				fullName: who.full_name,
				classId: who.class_id,
				className: who.name,
				exerciseId: c.exercise,
				exerciseTitle: exercises.find((e) => e.id === c.exercise)?.title ?? '',
				tries: c.tries,
				hints: c.hints
			};
		})
		.sort(
			(a, b) => a.className.localeCompare(b.className) || a.fullName.localeCompare(b.fullName, 'vi')
		);
}

/** 'YYYY-MM-DD' plus some days. */
export function addDays(iso: string, days: number): string {
	return new Date(Date.parse(`${iso}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);
}

/** Open assignments due from today to six days on (this week, as a teacher plans it). */
export function dueThisWeek(assignments: Assignment[], now = Date.now()) {
	const from = today(now);
	const to = addDays(from, 6);
	return assignments
		.filter((a) => a.closedAt === null && a.dueOn >= from && a.dueOn <= to)
		.sort((a, b) => a.dueOn.localeCompare(b.dueOn) || a.title.localeCompare(b.title, 'vi'))
		.map((a) => ({ id: a.id, title: a.title, dueOn: a.dueOn }));
}

/** Everything on the "Việc cần làm" panel; `empty` only when nothing waits. */
export async function teacherTodo(db: Conn, teacher: Teacher, now = Date.now()) {
	const archived = new Set(
		(await db.selectFrom('assignment_archives').select('assignment_id').execute()).map(
			(r) => r.assignment_id
		)
	);
	const assignments = (await listTeacherAssignments(db, teacher)).filter(
		(a) => !archived.has(a.id)
	);
	const [reviews, lessons, stuck, surveys] = await Promise.all([
		waitingReviews(db, assignments),
		returnedLessons(db, teacher.id),
		stuckPupils(db, teacher.id, now),
		windowsFor(db, { id: teacher.id, role: 'teacher', schoolId: teacher.schoolId }, today(now))
	]);
	const open = surveys.filter((s) => !s.answered).map((s) => ({ id: s.id, title: s.title }));
	const due = dueThisWeek(assignments, now);
	const empty = !reviews.length && !lessons.length && !stuck.length && !open.length && !due.length;
	return { reviews, lessons, stuck, surveys: open, due, empty };
}

export interface WorkCounts {
	pupils: number;
	handedIn: number;
	returned: number;
	notStarted: number;
}

/** How far the pupils are with one assignment: handed in (on time or late), returned, not started. */
export async function workCounts(db: Conn, a: Assignment, now = Date.now()): Promise<WorkCounts> {
	const pupils = await targetPupils(db, a.id);
	const statuses = [
		...(
			await pupilStatuses(
				db,
				a,
				pupils.map((p) => p.id),
				now
			)
		).values()
	];
	return {
		pupils: pupils.length,
		handedIn: statuses.filter((s) => s.status === 'submitted' || s.status === 'late').length,
		returned: statuses.filter((s) => s.status === 'returned').length,
		notStarted: statuses.filter(
			(s) => !s.started && (s.status === 'not_started' || s.status === 'missing')
		).length
	};
}

/** The teacher's assignment list: each with its classes and counts. */
export async function assignmentRows(db: Conn, teacher: Teacher, now = Date.now()) {
	const list = await listTeacherAssignments(db, teacher);
	const archived = new Set(
		(await db.selectFrom('assignment_archives').select('assignment_id').execute()).map(
			(r) => r.assignment_id
		)
	);
	const rows = [];
	for (const a of list)
		rows.push({
			...a,
			archived: archived.has(a.id),
			classes: (await listTargetClasses(db, a.id)).map((c) => c.name),
			counts: await workCounts(db, a, now)
		});
	return rows;
}
