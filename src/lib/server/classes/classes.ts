import { record, type Actor } from '../audit/log';
import { invalidateUserSessions } from '../auth/session';
import { today } from './pupils';
import type { Conn } from '../db';
import { cleanText } from '$lib/text/normalize';
import { currentYear } from '../schools/years';

export interface ClassInfo {
	id: number;
	schoolId: number;
	schoolName: string;
	schoolYearId: number;
	schoolYearName: string;
	grade: number;
	name: string;
	joinCode: string;
	pupilCount: number;
}

// No 0/O, 1/I/L: join codes are read off a card by children.
const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const JOIN_CODE_LENGTH = 6;

export function generateJoinCode(randomInt: (n: number) => number = cryptoInt): string {
	let code = '';
	for (let i = 0; i < JOIN_CODE_LENGTH; i++) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
	return code;
}

function cryptoInt(n: number): number {
	const buf = new Uint32Array(1);
	crypto.getRandomValues(buf);
	return buf[0] % n;
}

/** What a child may type: case and spaces do not matter, and O/I read as 0/1 never occur. */
export function normalizeJoinCode(value: string): string {
	return value.toUpperCase().replace(/[^A-Z0-9]/g, '');
}

function classQuery(db: Conn) {
	return db
		.selectFrom('classes')
		.innerJoin('schools', 'schools.id', 'classes.school_id')
		.innerJoin('school_years', 'school_years.id', 'classes.school_year_id')
		.select((eb) => [
			'classes.id',
			'classes.school_id',
			'schools.name as school_name',
			'classes.school_year_id',
			'school_years.name as school_year_name',
			'classes.grade',
			'classes.name',
			'classes.join_code',
			eb
				.selectFrom('enrolments')
				.select((e) => e.fn.countAll<number>().as('n'))
				.whereRef('enrolments.class_id', '=', 'classes.id')
				.where('enrolments.ended_on', 'is', null)
				.as('pupil_count')
		]);
}

type ClassRow = Awaited<ReturnType<ReturnType<typeof classQuery>['executeTakeFirstOrThrow']>>;

const toClass = (r: ClassRow): ClassInfo => ({
	id: r.id,
	schoolId: r.school_id,
	schoolName: r.school_name,
	schoolYearId: r.school_year_id,
	schoolYearName: r.school_year_name,
	grade: r.grade,
	name: r.name,
	joinCode: r.join_code,
	pupilCount: Number(r.pupil_count ?? 0)
});

/** The classes a teacher teaches in the current school year (not those rolled over or archived). */
export async function listTeacherClasses(db: Conn, teacherId: number): Promise<ClassInfo[]> {
	const year = await currentYear(db);
	if (!year) return [];
	const rows = await classQuery(db)
		.innerJoin('class_teachers', 'class_teachers.class_id', 'classes.id')
		.where('class_teachers.teacher_id', '=', teacherId)
		.where('classes.school_year_id', '=', year.id)
		.where('classes.rolled_over_at', 'is', null)
		.where('classes.archived_at', 'is', null)
		.orderBy('classes.grade')
		.orderBy('classes.name')
		.execute();
	return rows.map(toClass);
}

/** Classes of a school in the current year, not rolled over or archived: where a pupil can go. */
export async function listSchoolClasses(db: Conn, schoolId: number): Promise<ClassInfo[]> {
	const year = await currentYear(db);
	if (!year) return [];
	const rows = await classQuery(db)
		.where('classes.school_id', '=', schoolId)
		.where('classes.school_year_id', '=', year.id)
		.where('classes.rolled_over_at', 'is', null)
		.where('classes.archived_at', 'is', null)
		.orderBy('classes.grade')
		.orderBy('classes.name')
		.execute();
	return rows.map(toClass);
}

export async function getClass(db: Conn, id: number): Promise<ClassInfo | undefined> {
	const row = await classQuery(db).where('classes.id', '=', id).executeTakeFirst();
	return row && toClass(row);
}

/**
 * The class, if this teacher teaches it and it belongs to the teacher's school;
 * undefined otherwise, which routes turn into 404 so another school's ids reveal nothing.
 */
export async function getClassForTeacher(
	db: Conn,
	teacher: { id: number; schoolId: number | null },
	classId: number
): Promise<ClassInfo | undefined> {
	if (!Number.isSafeInteger(classId) || !teacher.schoolId) return undefined;
	const row = await classQuery(db)
		.innerJoin('class_teachers', 'class_teachers.class_id', 'classes.id')
		.where('classes.id', '=', classId)
		.where('classes.school_id', '=', teacher.schoolId)
		.where('class_teachers.teacher_id', '=', teacher.id)
		.executeTakeFirst();
	return row && toClass(row);
}

export async function findClassByJoinCode(db: Conn, code: string): Promise<ClassInfo | undefined> {
	const normalized = normalizeJoinCode(code);
	if (normalized.length !== JOIN_CODE_LENGTH) return undefined;
	const row = await classQuery(db).where('classes.join_code', '=', normalized).executeTakeFirst();
	return row && toClass(row);
}

export type ClassErrors = Partial<
	Record<'grade' | 'name' | 'year', 'required' | 'invalid' | 'taken' | 'too_long'>
>;

/** A teacher creates a class of their school in the current year and teaches it. */
export async function createClass(
	db: Conn,
	teacher: { id: number; schoolId: number },
	input: { grade: string | number; name: string },
	now = Date.now()
): Promise<{ ok: true; id: number } | { ok: false; errors: ClassErrors }> {
	const errors: ClassErrors = {};
	const grade = Number(input.grade);
	const name = cleanText(input.name).toUpperCase();
	if (!Number.isInteger(grade) || grade < 1 || grade > 12) errors.grade = 'invalid';
	if (!name) errors.name = 'required';
	else if (name.length > 20) errors.name = 'too_long';
	const year = await currentYear(db);
	if (!year) errors.year = 'required';
	if (year && name && !errors.name) {
		const clash = await db
			.selectFrom('classes')
			.select('id')
			.where('school_id', '=', teacher.schoolId)
			.where('school_year_id', '=', year.id)
			.where('name', '=', name)
			.executeTakeFirst();
		if (clash) errors.name = 'taken';
	}
	if (Object.keys(errors).length) return { ok: false, errors };
	let code = generateJoinCode();
	while (
		await db.selectFrom('classes').select('id').where('join_code', '=', code).executeTakeFirst()
	)
		code = generateJoinCode();
	const row = await db
		.insertInto('classes')
		.values({
			school_id: teacher.schoolId,
			school_year_id: year!.id,
			grade,
			name,
			join_code: code,
			created_at: now
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	await db
		.insertInto('class_teachers')
		.values({ class_id: row.id, teacher_id: teacher.id })
		.execute();
	return { ok: true, id: row.id };
}

/** A new name for a class: the same rules as a new class's (required, ≤ 20, unique in its school's year). */
export async function renameClass(
	db: Conn,
	actor: Actor,
	cls: { id: number; schoolId: number; schoolYearId: number },
	input: string
): Promise<{ ok: true; name: string } | { ok: false; error: 'required' | 'too_long' | 'taken' }> {
	const name = cleanText(input).toUpperCase();
	if (!name) return { ok: false, error: 'required' };
	if (name.length > 20) return { ok: false, error: 'too_long' };
	const clash = await db
		.selectFrom('classes')
		.select('id')
		.where('school_id', '=', cls.schoolId)
		.where('school_year_id', '=', cls.schoolYearId)
		.where('name', '=', name)
		.where('id', '<>', cls.id)
		.executeTakeFirst();
	if (clash) return { ok: false, error: 'taken' };
	await db.updateTable('classes').set({ name }).where('id', '=', cls.id).execute();
	await record(db, actor, {
		action: 'class.renamed',
		target: { type: 'class', id: cls.id },
		schoolId: cls.schoolId
	});
	return { ok: true, name };
}

/**
 * Archives a class (or brings it back): off this year's lists, readable among earlier classes. Its
 * pupils leave it (their enrolments end today, so the figures that count them do not change, and the
 * retention period runs for those in no other class); bringing it back does not bring them back.
 */
export async function setClassArchived(
	db: Conn,
	actor: Actor,
	cls: { id: number; schoolId: number },
	archived: boolean,
	now = Date.now()
): Promise<void> {
	await db
		.updateTable('classes')
		.set({ archived_at: archived ? now : null })
		.where('id', '=', cls.id)
		.execute();
	if (archived) {
		const open = await db
			.selectFrom('enrolments')
			.select('pupil_id')
			.where('class_id', '=', cls.id)
			.where('ended_on', 'is', null)
			.execute();
		await db
			.updateTable('enrolments')
			.set({ ended_on: today(now) })
			.where('class_id', '=', cls.id)
			.where('ended_on', 'is', null)
			.execute();
		for (const e of open) await invalidateUserSessions(db, e.pupil_id);
	}
	await record(
		db,
		actor,
		{
			action: archived ? 'class.archived' : 'class.unarchived',
			target: { type: 'class', id: cls.id },
			schoolId: cls.schoolId
		},
		now
	);
}
