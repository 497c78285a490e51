import { reachableFrom } from '../exercises/exercises';
import type { Conn } from '../db';
import type { AssignmentKind, LessonProcess } from '../db/types';
import { cleanText } from '$lib/text/normalize';
import { isIsoDate } from '../schools/schools';
import { today } from '../classes/pupils';
import { listTeacherClasses } from '../classes/classes';
import { lessonOutline, PROCESS_STEPS } from './outline';
import { byDue, exerciseSetFacts, workStatus, type WorkStatus } from './status';
import { getRubric, startRubric, type RubricCriterion } from '../projects/rubrics';

export interface Assignment {
	id: number;
	schoolId: number;
	teacherId: number;
	kind: AssignmentKind;
	title: string;
	instructions: string;
	lessonId: number | null;
	process: LessonProcess | null;
	rubric: RubricCriterion[] | null;
	opensOn: string;
	dueOn: string;
	closedAt: number | null;
	createdAt: number;
}

type Row = {
	id: number;
	school_id: number;
	teacher_id: number;
	kind: AssignmentKind;
	title: string;
	instructions: string;
	lesson_id: number | null;
	process: LessonProcess | null;
	rubric_json: string | null;
	opens_on: string;
	due_on: string;
	closed_at: number | null;
	created_at: number;
};

const toAssignment = (r: Row): Assignment => ({
	id: r.id,
	schoolId: r.school_id,
	teacherId: r.teacher_id,
	kind: r.kind,
	title: r.title,
	instructions: r.instructions,
	lessonId: r.lesson_id,
	process: r.process,
	rubric: r.rubric_json ? (JSON.parse(r.rubric_json) as RubricCriterion[]) : null,
	opensOn: r.opens_on,
	dueOn: r.due_on,
	closedAt: r.closed_at,
	createdAt: r.created_at
});

export type AssignmentField =
	| 'title'
	| 'kind'
	| 'opensOn'
	| 'dueOn'
	| 'targets'
	| 'exercises'
	| 'lesson'
	| 'rubric'
	| 'instructions';
export type AssignmentErrors = Partial<
	Record<AssignmentField, 'required' | 'invalid' | 'too_long'>
>;

export interface AssignmentInput {
	kind: string;
	title: string;
	instructions: string;
	opensOn: string;
	dueOn: string;
	classIds: number[];
	pupilIds: number[];
	exerciseIds: number[];
	lessonId: number | null;
	process: string;
	rubricId: number | null;
}

/** Title, instructions and dates: the same rules when an assignment is made and when it is edited. */
export function checkBasics(
	input: Pick<AssignmentInput, 'title' | 'instructions' | 'opensOn' | 'dueOn'>,
	errors: AssignmentErrors
) {
	const title = cleanText(input.title);
	const instructions = String(input.instructions ?? '')
		.normalize('NFC')
		.trim();
	if (!title) errors.title = 'required';
	else if (title.length > 200) errors.title = 'too_long';
	if (instructions.length > 5000) errors.instructions = 'too_long';
	if (!isIsoDate(input.opensOn)) errors.opensOn = input.opensOn ? 'invalid' : 'required';
	if (!isIsoDate(input.dueOn)) errors.dueOn = input.dueOn ? 'invalid' : 'required';
	else if (!errors.opensOn && input.dueOn < input.opensOn) errors.dueOn = 'invalid';
	return { title, instructions };
}

/** Whole classes of the teacher's, and chosen pupils of those classes not already covered. */
async function checkTargets(
	db: Conn,
	teacherId: number,
	input: Pick<AssignmentInput, 'classIds' | 'pupilIds'>,
	errors: AssignmentErrors
) {
	const myClasses = await listTeacherClasses(db, teacherId);
	const classIds = [...new Set(input.classIds)].filter((id) => myClasses.some((c) => c.id === id));
	const pupilRows = input.pupilIds.length
		? await db
				.selectFrom('enrolments')
				.select(['pupil_id', 'class_id'])
				.where('pupil_id', 'in', input.pupilIds)
				.where('ended_on', 'is', null)
				.execute()
		: [];
	const chosen = pupilRows.filter(
		(p) => myClasses.some((c) => c.id === p.class_id) && !classIds.includes(p.class_id)
	);
	if (
		classIds.length !== new Set(input.classIds).size ||
		pupilRows.length !== new Set(input.pupilIds).size
	)
		errors.targets = 'invalid';
	else if (!classIds.length && !chosen.length) errors.targets = 'required';
	return { classIds, chosen };
}

/** The exercises of a set: published, visible to the teacher's school, in the order given, each once. */
async function checkExercises(db: Conn, schoolId: number, ids: number[], errors: AssignmentErrors) {
	const exerciseIds = [...new Set(ids)];
	const found = exerciseIds.length
		? await db
				.selectFrom('exercises')
				.select('id')
				.where('id', 'in', exerciseIds)
				.where('status', '=', 'published')
				// Only exercises the teacher (and so the pupils) can see: shared, or their own school's.
				.where(reachableFrom(schoolId))
				.execute()
		: [];
	if (!exerciseIds.length) errors.exercises = 'required';
	else if (found.length !== exerciseIds.length) errors.exercises = 'invalid';
	return exerciseIds;
}

/** A project's steps and process (from a lesson or a process) and its rubric as it is now. */
async function checkProject(
	db: Conn,
	teacher: { id: number; schoolId: number },
	input: Pick<AssignmentInput, 'lessonId' | 'process' | 'rubricId'>,
	errors: AssignmentErrors
) {
	let steps: { key: string; label: string }[] = [];
	let process: LessonProcess | null = null;
	let lessonCriteria: { title: string; description: string; levels?: string[] }[] = [];
	let lessonGrades: number[] = [];
	let rubricJson: string | null = null;
	if (input.lessonId) {
		const outline = await lessonOutline(db, input.lessonId, { ...teacher, role: 'teacher' });
		if (!outline) errors.lesson = 'invalid';
		else ({ steps, process, criteria: lessonCriteria, grades: lessonGrades } = outline);
	} else if (input.process === 'engineering' || input.process === 'inquiry') {
		process = input.process;
		steps = PROCESS_STEPS[process];
	} else errors.lesson = 'required';
	if (input.rubricId) {
		const rubric = await getRubric(db, input.rubricId);
		if (!rubric || rubric.schoolId !== teacher.schoolId) errors.rubric = 'invalid';
		else rubricJson = JSON.stringify(rubric.criteria);
	} else {
		// No rubric chosen: one started from the lesson's assessment criteria (or the usual design ones).
		rubricJson = JSON.stringify(startRubric(lessonCriteria, lessonGrades));
	}
	return { steps, process, rubricJson };
}

export interface NewAssignment {
	schoolId: number;
	teacherId: number;
	kind: AssignmentKind;
	title: string;
	instructions: string;
	lessonId: number | null;
	process: LessonProcess | null;
	rubricJson: string | null;
	opensOn: string;
	dueOn: string;
	targets: { classId: number; pupilId: number | null }[];
	exerciseIds: number[];
	steps: { key: string; label: string }[];
}

/** Writes a checked assignment with its targets, exercises and steps. */
export async function insertAssignment(db: Conn, a: NewAssignment, now = Date.now()) {
	const row = await db
		.insertInto('assignments')
		.values({
			school_id: a.schoolId,
			teacher_id: a.teacherId,
			kind: a.kind,
			title: a.title,
			instructions: a.instructions,
			lesson_id: a.lessonId,
			process: a.process,
			rubric_json: a.rubricJson,
			opens_on: a.opensOn,
			due_on: a.dueOn,
			closed_at: null,
			created_at: now
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	const id = row.id;
	await db
		.insertInto('assignment_targets')
		.values(a.targets.map((t) => ({ assignment_id: id, class_id: t.classId, pupil_id: t.pupilId })))
		.execute();
	if (a.exerciseIds.length)
		await db
			.insertInto('assignment_exercises')
			.values(a.exerciseIds.map((e, i) => ({ assignment_id: id, position: i, exercise_id: e })))
			.execute();
	if (a.steps.length)
		await db
			.insertInto('project_steps')
			.values(
				a.steps.map((s, i) => ({ assignment_id: id, position: i, key: s.key, label: s.label }))
			)
			.execute();
	return id;
}

/**
 * A teacher assigns work to whole classes of theirs and/or chosen pupils of those classes.
 * Everything is checked before anything is written; one transaction writes it all.
 */
export async function createAssignment(
	db: Conn,
	teacher: { id: number; schoolId: number },
	input: AssignmentInput,
	now = Date.now()
): Promise<{ ok: true; id: number } | { ok: false; errors: AssignmentErrors }> {
	const errors: AssignmentErrors = {};
	const kind = input.kind === 'exercises' || input.kind === 'project' ? input.kind : null;
	if (!kind) errors.kind = 'invalid';
	const { title, instructions } = checkBasics(input, errors);
	const { classIds, chosen } = await checkTargets(db, teacher.id, input, errors);
	const exerciseIds =
		kind === 'exercises'
			? await checkExercises(db, teacher.schoolId, input.exerciseIds, errors)
			: [];
	const project =
		kind === 'project'
			? await checkProject(db, teacher, input, errors)
			: { steps: [], process: null, rubricJson: null };
	if (Object.keys(errors).length || !kind) return { ok: false, errors };
	const id = await insertAssignment(
		db,
		{
			schoolId: teacher.schoolId,
			teacherId: teacher.id,
			kind,
			title,
			instructions,
			lessonId: kind === 'project' ? input.lessonId : null,
			...project,
			opensOn: input.opensOn,
			dueOn: input.dueOn,
			targets: [
				...classIds.map((c) => ({ classId: c, pupilId: null })),
				...chosen.map((p) => ({ classId: p.class_id, pupilId: p.pupil_id }))
			],
			exerciseIds
		},
		now
	);
	return { ok: true, id };
}

export async function getAssignment(db: Conn, id: number): Promise<Assignment | undefined> {
	const row = await db
		.selectFrom('assignments')
		.selectAll()
		.where('id', '=', id)
		.executeTakeFirst();
	return row && toAssignment(row);
}

/**
 * The assignment, if this teacher may manage it: theirs, or set for a class they teach, in their school.
 */
export async function getAssignmentForTeacher(
	db: Conn,
	teacher: { id: number; schoolId: number },
	id: number
) {
	const a = await getAssignment(db, id);
	if (!a || a.schoolId !== teacher.schoolId) return undefined;
	if (a.teacherId === teacher.id) return a;
	const shared = await db
		.selectFrom('assignment_targets')
		.innerJoin('class_teachers', 'class_teachers.class_id', 'assignment_targets.class_id')
		.select('assignment_targets.id')
		.where('assignment_targets.assignment_id', '=', id)
		.where('class_teachers.teacher_id', '=', teacher.id)
		.executeTakeFirst();
	return shared ? a : undefined;
}

export async function listTeacherAssignments(
	db: Conn,
	teacher: { id: number; schoolId: number }
): Promise<Assignment[]> {
	const rows = await db
		.selectFrom('assignments')
		.selectAll()
		.where('school_id', '=', teacher.schoolId)
		.where((eb) =>
			eb.or([
				eb('teacher_id', '=', teacher.id),
				eb(
					'id',
					'in',
					eb
						.selectFrom('assignment_targets')
						.innerJoin('class_teachers', 'class_teachers.class_id', 'assignment_targets.class_id')
						.select('assignment_targets.assignment_id')
						.where('class_teachers.teacher_id', '=', teacher.id)
				)
			])
		)
		.orderBy('due_on', 'desc')
		.orderBy('id', 'desc')
		.execute();
	return rows.map(toAssignment);
}

export async function setClosed(db: Conn, id: number, closed: boolean, now = Date.now()) {
	await db
		.updateTable('assignments')
		.set({ closed_at: closed ? now : null })
		.where('id', '=', id)
		.execute();
}

export async function listSteps(db: Conn, assignmentId: number) {
	return db
		.selectFrom('project_steps')
		.select(['key', 'label'])
		.where('assignment_id', '=', assignmentId)
		.orderBy('position')
		.execute();
}

/** The exercises a teacher may put in a set: published, shared or of their school, by grade then title. */
export async function listAssignableExercises(db: Conn, schoolId: number) {
	return db
		.selectFrom('exercises')
		.select(['id', 'title', 'grade', 'kind', 'concept'])
		.where('status', '=', 'published')
		.where(reachableFrom(schoolId))
		.orderBy('grade')
		.orderBy('title')
		.execute();
}

/**
 * The ticked exercises in the teacher's order ("3,1,2", sent by the picker); ticked ones the order
 * does not name follow in the order they came (a browser without scripts sends no order).
 */
export function orderedExerciseIds(ticked: number[], order: string): number[] {
	const set = new Set(ticked);
	const first = order
		.split(',')
		.map(Number)
		.filter((id) => set.has(id));
	const placed = new Set(first);
	return [...placed, ...ticked.filter((id) => !placed.has(id))];
}

export async function listExercises(db: Conn, assignmentId: number) {
	return db
		.selectFrom('assignment_exercises')
		.innerJoin('exercises', 'exercises.id', 'assignment_exercises.exercise_id')
		.select(['exercises.id', 'exercises.title', 'exercises.kind', 'assignment_exercises.position'])
		.where('assignment_exercises.assignment_id', '=', assignmentId)
		.orderBy('assignment_exercises.position')
		.execute();
}

export interface TargetPupil {
	id: number;
	fullName: string;
	classId: number;
	className: string;
}

/** The pupils the work is for now: whole classes' current rosters plus the chosen pupils still enrolled. */
export async function targetPupils(db: Conn, assignmentId: number): Promise<TargetPupil[]> {
	const rows = await db
		.selectFrom('assignment_targets as t')
		.innerJoin('enrolments as e', (j) =>
			j.onRef('e.class_id', '=', 't.class_id').on('e.ended_on', 'is', null)
		)
		.innerJoin('users as u', 'u.id', 'e.pupil_id')
		.innerJoin('classes as c', 'c.id', 't.class_id')
		.select(['u.id', 'u.full_name', 'c.id as class_id', 'c.name as class_name'])
		.where('t.assignment_id', '=', assignmentId)
		.where((eb) => eb.or([eb('t.pupil_id', 'is', null), eb('t.pupil_id', '=', eb.ref('u.id'))]))
		.distinct()
		.execute();
	const given = (n: string) => n.split(' ').at(-1) ?? n;
	return rows
		.map((r) => ({ id: r.id, fullName: r.full_name, classId: r.class_id, className: r.class_name }))
		.sort(
			(a, b) =>
				a.className.localeCompare(b.className) ||
				given(a.fullName).localeCompare(given(b.fullName), 'vi') ||
				a.fullName.localeCompare(b.fullName, 'vi')
		);
}

export async function listTargetClasses(db: Conn, assignmentId: number) {
	return db
		.selectFrom('assignment_targets')
		.innerJoin('classes', 'classes.id', 'assignment_targets.class_id')
		.select(['classes.id', 'classes.name'])
		.where('assignment_targets.assignment_id', '=', assignmentId)
		.distinct()
		.orderBy('classes.name')
		.execute();
}

export interface PupilWork {
	pupilId: number;
	status: WorkStatus;
	teamId: number | null;
	teamName: string | null;
	passed?: number;
	/** Anything done since the work opened (an attempt, an entry, a photo). */
	started: boolean;
	/** The pupil's own due date: the assignment's, or a later one the teacher gave them. */
	dueOn: string;
}

/** The due date of each of these pupils where the teacher extended it for them. */
export async function extendedDueDates(
	db: Conn,
	assignmentId: number,
	pupilIds: number[]
): Promise<Map<number, string>> {
	if (!pupilIds.length) return new Map();
	const rows = await db
		.selectFrom('assignment_extensions')
		.select(['pupil_id', 'due_on'])
		.where('assignment_id', '=', assignmentId)
		.where('pupil_id', 'in', pupilIds)
		.execute();
	return new Map(rows.map((r) => [r.pupil_id, r.due_on]));
}

/** The status of the work for each of these pupils (the teacher's table; the pupil's own list). */
export async function pupilStatuses(
	db: Conn,
	a: Assignment,
	pupilIds: number[],
	now = Date.now()
): Promise<Map<number, PupilWork>> {
	const out = new Map<number, PupilWork>();
	if (!pupilIds.length) return out;
	const extended = await extendedDueDates(db, a.id, pupilIds);
	const dueOf = (p: number) => extended.get(p) ?? a.dueOn;
	if (a.kind === 'exercises') {
		const ids = (await listExercises(db, a.id)).map((e) => e.id);
		const attempts = ids.length
			? await db
					.selectFrom('exercise_attempts')
					.select(['pupil_id', 'exercise_id', 'passed', 'created_at'])
					.where('pupil_id', 'in', pupilIds)
					.where('exercise_id', 'in', ids)
					.where('created_at', '<=', now)
					.execute()
			: [];
		for (const p of pupilIds) {
			const mine = attempts
				.filter((r) => r.pupil_id === p)
				.map((r) => ({
					exerciseId: r.exercise_id,
					passed: r.passed === 1,
					createdAt: r.created_at
				}));
			const f = exerciseSetFacts(ids, mine, a.opensOn);
			out.set(p, {
				pupilId: p,
				teamId: null,
				teamName: null,
				passed: f.passed,
				started: f.started,
				dueOn: dueOf(p),
				status: workStatus({
					now,
					dueOn: dueOf(p),
					started: f.started,
					submittedAt: f.submittedAt,
					returnedAt: null
				})
			});
		}
		return out;
	}
	const members = await db
		.selectFrom('team_members')
		.innerJoin('teams', 'teams.id', 'team_members.team_id')
		.select(['team_members.pupil_id', 'teams.id', 'teams.name'])
		.where('team_members.assignment_id', '=', a.id)
		.where('team_members.pupil_id', 'in', pupilIds)
		.execute();
	const teamIds = [...new Set(members.map((m) => m.id))];
	const facts = await teamFacts(db, teamIds);
	for (const p of pupilIds) {
		const m = members.find((x) => x.pupil_id === p);
		const f = m ? facts.get(m.id) : undefined;
		out.set(p, {
			pupilId: p,
			teamId: m?.id ?? null,
			teamName: m?.name ?? null,
			started: f?.started ?? false,
			dueOn: dueOf(p),
			status: workStatus({
				now,
				dueOn: dueOf(p),
				started: f?.started ?? false,
				submittedAt: f?.submittedAt ?? null,
				returnedAt: f?.returnedAt ?? null
			})
		});
	}
	return out;
}

/** Per team: has it started, when it last handed in the whole project, when it was last returned. */
export async function teamFacts(db: Conn, teamIds: number[]) {
	const out = new Map<
		number,
		{ started: boolean; submittedAt: number | null; returnedAt: number | null }
	>();
	if (!teamIds.length) return out;
	const [entries, photos, subs, revs] = await Promise.all([
		db
			.selectFrom('portfolio_entries')
			.select('team_id')
			.where('team_id', 'in', teamIds)
			.distinct()
			.execute(),
		db
			.selectFrom('portfolio_photos')
			.select('team_id')
			.where('team_id', 'in', teamIds)
			.distinct()
			.execute(),
		db
			.selectFrom('submissions')
			.select(['team_id', (eb) => eb.fn.max('submitted_at').as('at')])
			.where('team_id', 'in', teamIds)
			.where('step_key', 'is', null)
			.groupBy('team_id')
			.execute(),
		db
			.selectFrom('reviews')
			.select(['team_id', (eb) => eb.fn.max('returned_at').as('at')])
			.where('team_id', 'in', teamIds)
			.groupBy('team_id')
			.execute()
	]);
	for (const t of teamIds)
		out.set(t, {
			started: entries.some((e) => e.team_id === t) || photos.some((e) => e.team_id === t),
			submittedAt: (subs.find((s) => s.team_id === t)?.at as number | undefined) ?? null,
			returnedAt: (revs.find((s) => s.team_id === t)?.at as number | undefined) ?? null
		});
	return out;
}

export interface TodoItem {
	id: number;
	kind: AssignmentKind;
	title: string;
	opensOn: string;
	dueOn: string;
	status: WorkStatus;
	teamId: number | null;
	closed: boolean;
}

/** "Việc cần làm": the pupil's opened work in their current class, soonest due first. */
export async function listPupilWork(
	db: Conn,
	pupilId: number,
	now = Date.now()
): Promise<TodoItem[]> {
	const rows = await db
		.selectFrom('assignments as a')
		.innerJoin('assignment_targets as t', 't.assignment_id', 'a.id')
		.innerJoin('enrolments as e', (j) =>
			j.onRef('e.class_id', '=', 't.class_id').on('e.ended_on', 'is', null)
		)
		.selectAll('a')
		.where('e.pupil_id', '=', pupilId)
		.where((eb) => eb.or([eb('t.pupil_id', 'is', null), eb('t.pupil_id', '=', pupilId)]))
		.where('a.opens_on', '<=', today(now))
		.where((eb) =>
			eb.not(
				eb.exists(
					eb
						.selectFrom('assignment_archives as x')
						.select('x.assignment_id')
						.whereRef('x.assignment_id', '=', 'a.id')
				)
			)
		)
		.distinct()
		.execute();
	const items: TodoItem[] = [];
	for (const r of rows) {
		const a = toAssignment(r);
		const w = (await pupilStatuses(db, a, [pupilId], now)).get(pupilId)!;
		items.push({
			id: a.id,
			kind: a.kind,
			title: a.title,
			opensOn: a.opensOn,
			dueOn: w.dueOn,
			status: w.status,
			teamId: w.teamId,
			closed: a.closedAt !== null
		});
	}
	return items.sort(byDue);
}

/** The assignment, if it is opened and set for this pupil (their class, or them by name). */
export async function getAssignmentForPupil(
	db: Conn,
	pupilId: number,
	id: number,
	now = Date.now()
) {
	const items = await listPupilWork(db, pupilId, now);
	if (!items.some((i) => i.id === id)) return undefined;
	return getAssignment(db, id);
}
