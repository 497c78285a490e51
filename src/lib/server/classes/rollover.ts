// A new school year: each class of the year becomes the next grade's class of the next year (6A1 →
// 7A1) with its teachers, its join code and the pupils who stay (their secrets, and so their login
// cards, carry over); pupils who leave are marked; a final grade (5, 9, 12 by the school's level)
// finishes. Last year's class stays, archived and readable; its enrolments end within its year, so
// the department's figures of that year do not change.
import type { Conn } from '../db';
import type { SchoolLevel } from '../db/types';
import { record, type Actor } from '../audit/log';
import { currentYear } from '../schools/years';
import { generateJoinCode } from './classes';
import { listRoster, today } from './pupils';
import { invalidateUserSessions } from '../auth/session';

const LAST_GRADE: Record<SchoolLevel, number> = {
	primary: 5,
	lower_secondary: 9,
	upper_secondary: 12
};

export type RolloverError = 'no_next_year' | 'already' | 'name_taken' | 'name_invalid';

/** "6A1" in grade 6 → "7A1"; a name that does not start with its grade is kept. */
export function nextClassName(name: string, grade: number): string {
	const m = /^(\d+)(.*)$/.exec(name);
	return m && Number(m[1]) === grade ? `${grade + 1}${m[2]}` : name;
}

/** The school year after the current one, once the admin has created it. */
export async function nextYear(db: Conn) {
	const now = await currentYear(db);
	if (!now) return undefined;
	return db
		.selectFrom('school_years')
		.selectAll()
		.where('starts_on', '>', now.startsOn)
		.orderBy('starts_on')
		.executeTakeFirst();
}

export interface RolloverClass {
	id: number;
	name: string;
	grade: number;
	/** The last grade of the school: its pupils finish, no class follows. */
	final: boolean;
	nextName: string;
	pupils: { id: number; fullName: string }[];
}

/** The current year's classes still to roll over, among these ids (a teacher's, or a school's). */
export async function rolloverClasses(db: Conn, classIds: number[]): Promise<RolloverClass[]> {
	if (!classIds.length) return [];
	const year = await currentYear(db);
	if (!year) return [];
	const rows = await db
		.selectFrom('classes')
		.innerJoin('schools', 'schools.id', 'classes.school_id')
		.select(['classes.id', 'classes.name', 'classes.grade', 'schools.level'])
		.where('classes.id', 'in', classIds)
		.where('classes.school_year_id', '=', year.id)
		.where('classes.rolled_over_at', 'is', null)
		.where('classes.archived_at', 'is', null)
		.orderBy('classes.grade')
		.orderBy('classes.name')
		.execute();
	return Promise.all(
		rows.map(async (r) => ({
			id: r.id,
			name: r.name,
			grade: r.grade,
			final: r.grade >= LAST_GRADE[r.level as SchoolLevel],
			nextName: nextClassName(r.name, r.grade),
			pupils: (await listRoster(db, r.id)).map((p) => ({ id: p.id, fullName: p.fullName }))
		}))
	);
}

/** A join code no class has. */
async function freeJoinCode(db: Conn) {
	let code = generateJoinCode();
	while (
		await db.selectFrom('classes').select('id').where('join_code', '=', code).executeTakeFirst()
	)
		code = generateJoinCode();
	return code;
}

/** The next year's class: same school and teachers, next grade, the old class's join code. */
async function createNextClass(
	db: Conn,
	old: { id: number; schoolId: number; grade: number; joinCode: string },
	yearId: number,
	name: string,
	now: number
) {
	// The join code moves with the pupils (their cards keep working); the archived class gets another.
	await db
		.updateTable('classes')
		.set({ join_code: await freeJoinCode(db) })
		.where('id', '=', old.id)
		.execute();
	const next = await db
		.insertInto('classes')
		.values({
			school_id: old.schoolId,
			school_year_id: yearId,
			grade: old.grade + 1,
			name,
			join_code: old.joinCode,
			created_at: now
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	const teachers = await db
		.selectFrom('class_teachers')
		.select('teacher_id')
		.where('class_id', '=', old.id)
		.execute();
	if (teachers.length)
		await db
			.insertInto('class_teachers')
			.values(teachers.map((t) => ({ class_id: next.id, teacher_id: t.teacher_id })))
			.execute();
	return next.id;
}

/**
 * Rolls one class over (in the caller's transaction): `stay` are the pupils who go on with it (the
 * others leave); a final grade's pupils all finish. Returns the new class's id (null: final grade).
 */
export async function rollOver(
	db: Conn,
	actor: Actor,
	classId: number,
	choice: { stay: number[]; name?: string },
	now = Date.now()
): Promise<{ ok: true; nextClassId: number | null } | { ok: false; error: RolloverError }> {
	const [cls] = await rolloverClasses(db, [classId]);
	if (!cls) return { ok: false, error: 'already' };
	const year = await nextYear(db);
	if (!year) return { ok: false, error: 'no_next_year' };
	const old = await db
		.selectFrom('classes')
		.select(['id', 'school_id', 'grade', 'join_code'])
		.where('id', '=', classId)
		.executeTakeFirstOrThrow();
	const name = (choice.name ?? cls.nextName).normalize('NFC').trim().toUpperCase();
	if (!cls.final && (!name || name.length > 20)) return { ok: false, error: 'name_invalid' };
	if (!cls.final) {
		const clash = await db
			.selectFrom('classes')
			.select('id')
			.where('school_id', '=', old.school_id)
			.where('school_year_id', '=', year.id)
			.where('name', '=', name)
			.executeTakeFirst();
		if (clash) return { ok: false, error: 'name_taken' };
	}
	const staying = cls.final ? [] : cls.pupils.filter((p) => choice.stay.includes(p.id));
	const nextClassId = cls.final
		? null
		: await createNextClass(
				db,
				{ id: old.id, schoolId: old.school_id, grade: old.grade, joinCode: old.join_code },
				year.id,
				name,
				now
			);
	await endEnrolments(db, classId, now);
	// Pupils who leave (and a final grade's, who finish) are signed out of the class they left.
	for (const p of cls.pupils.filter((p) => !staying.includes(p)))
		await invalidateUserSessions(db, p.id);
	if (nextClassId !== null && staying.length)
		await db
			.insertInto('enrolments')
			.values(
				staying.map((p) => ({ class_id: nextClassId, pupil_id: p.id, started_on: year.starts_on }))
			)
			.execute();
	await db
		.updateTable('classes')
		.set({ rolled_over_at: now, next_class_id: nextClassId })
		.where('id', '=', classId)
		.execute();
	await record(
		db,
		actor,
		{
			action: 'class.rolled_over',
			target: { type: 'class', id: classId },
			schoolId: old.school_id,
			detail: {
				nextClassId,
				stayed: staying.length,
				left: cls.pupils.length - staying.length,
				finished: cls.final
			}
		},
		now
	);
	return { ok: true, nextClassId };
}

/**
 * An archived class: rolled over (and what it became; null for a final grade) or archived by its
 * teacher; undefined when it is not archived.
 */
export async function archiveOf(db: Conn, classId: number) {
	const row = await db
		.selectFrom('classes as c')
		.leftJoin('classes as n', 'n.id', 'c.next_class_id')
		.select(['c.rolled_over_at', 'c.archived_at', 'n.name as next_name'])
		.where('c.id', '=', classId)
		.executeTakeFirst();
	if (row?.rolled_over_at) return { rolledOver: true, nextName: row.next_name };
	if (row?.archived_at) return { rolledOver: false, nextName: null };
	return undefined;
}

/** The classes a teacher taught in earlier years (or rolled over this year), newest first. */
export async function pastClasses(db: Conn, teacherId: number) {
	const year = await currentYear(db);
	return db
		.selectFrom('classes')
		.innerJoin('class_teachers', 'class_teachers.class_id', 'classes.id')
		.innerJoin('school_years', 'school_years.id', 'classes.school_year_id')
		.select(['classes.id', 'classes.name', 'school_years.name as year'])
		.where('class_teachers.teacher_id', '=', teacherId)
		.where((eb) =>
			eb.or([
				eb('classes.rolled_over_at', 'is not', null),
				eb('classes.archived_at', 'is not', null),
				eb('school_years.starts_on', '<', year?.startsOn ?? '9999')
			])
		)
		.orderBy('school_years.starts_on', 'desc')
		.orderBy('classes.name')
		.execute();
}

/** Why a whole school's roll-over stopped (thrown, so the caller's transaction changes nothing). */
export class RolloverStopped extends Error {
	constructor(
		readonly error: RolloverError,
		readonly className: string
	) {
		super(`class ${className}: ${error}`);
	}
}

/**
 * Rolls every class of the school this year that is not yet rolled, with all its pupils, in the
 * caller's transaction; throws RolloverStopped when one cannot be (then nothing is to be kept).
 */
export async function rollOverSchool(db: Conn, actor: Actor, schoolId: number, now = Date.now()) {
	const year = await currentYear(db);
	if (!year || !(await nextYear(db))) throw new RolloverStopped('no_next_year', '');
	const rows = await db
		.selectFrom('classes')
		.select('id')
		.where('school_id', '=', schoolId)
		.where('school_year_id', '=', year.id)
		.execute();
	const classes = await rolloverClasses(
		db,
		rows.map((r) => r.id)
	);
	for (const c of classes) {
		const r = await rollOver(db, actor, c.id, { stay: c.pupils.map((p) => p.id) }, now);
		if (!r.ok) throw new RolloverStopped(r.error, c.name);
	}
	return classes.length;
}

/** The class's open enrolments end within its own year: today, or its last day if that has passed. */
async function endEnrolments(db: Conn, classId: number, now: number) {
	const year = await currentYear(db);
	const day = year && year.endsOn < today(now) ? year.endsOn : today(now);
	await db
		.updateTable('enrolments')
		.set({ ended_on: day })
		.where('class_id', '=', classId)
		.where('ended_on', 'is', null)
		.execute();
}
