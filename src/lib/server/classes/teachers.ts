// A class's teachers: one or more teachers of the school (co-teachers), added by the admin or by a
// teacher of the class. A class always keeps at least one, also when two changes come at once: each
// change locks the class's row first (withRowLock). Each change is in the audit trail.
import type { Conn } from '../db';
import { withRowLock } from '../db/dialect';
import { record, type Actor } from '../audit/log';

export type TeacherChangeError = 'not_teacher' | 'already' | 'last' | 'not_in_class';

type ClassRef = { id: number; schoolId: number };

export interface ClassTeacher {
	id: number;
	fullName: string;
	username: string;
}

export async function classTeachers(db: Conn, classId: number): Promise<ClassTeacher[]> {
	const rows = await db
		.selectFrom('class_teachers')
		.innerJoin('users', 'users.id', 'class_teachers.teacher_id')
		.select(['users.id', 'users.full_name', 'users.username'])
		.where('class_teachers.class_id', '=', classId)
		.orderBy('users.full_name')
		.execute();
	return rows.map((r) => ({ id: r.id, fullName: r.full_name, username: r.username ?? '' }));
}

/** The school's teachers who can sign in: those a class may be given. */
export async function schoolTeachers(db: Conn, schoolId: number): Promise<ClassTeacher[]> {
	const rows = await db
		.selectFrom('users')
		.select(['id', 'full_name', 'username'])
		.where('role', '=', 'teacher')
		.where('school_id', '=', schoolId)
		.where('disabled_at', 'is', null)
		.orderBy('full_name')
		.execute();
	return rows.map((r) => ({ id: r.id, fullName: r.full_name, username: r.username ?? '' }));
}

export async function addClassTeacher(
	db: Conn,
	actor: Actor,
	cls: ClassRef,
	teacherId: number
): Promise<{ ok: true } | { ok: false; error: TeacherChangeError }> {
	const teachers = await schoolTeachers(db, cls.schoolId);
	if (!teachers.some((t) => t.id === teacherId)) return { ok: false, error: 'not_teacher' };
	return withRowLock(db, 'classes', cls.id, async (tx) => {
		if ((await classTeachers(tx, cls.id)).some((t) => t.id === teacherId))
			return { ok: false, error: 'already' } as const;
		await tx
			.insertInto('class_teachers')
			.values({ class_id: cls.id, teacher_id: teacherId })
			.execute();
		await record(tx, actor, {
			action: 'class.teacher_added',
			target: { type: 'class', id: cls.id },
			schoolId: cls.schoolId,
			detail: { teacherId }
		});
		return { ok: true } as const;
	});
}

export async function removeClassTeacher(
	db: Conn,
	actor: Actor,
	cls: ClassRef,
	teacherId: number
): Promise<{ ok: true } | { ok: false; error: TeacherChangeError }> {
	return withRowLock(db, 'classes', cls.id, async (tx) => {
		const teachers = await classTeachers(tx, cls.id);
		if (!teachers.some((t) => t.id === teacherId))
			return { ok: false, error: 'not_in_class' } as const;
		if (teachers.length === 1) return { ok: false, error: 'last' } as const;
		await tx
			.deleteFrom('class_teachers')
			.where('class_id', '=', cls.id)
			.where('teacher_id', '=', teacherId)
			.execute();
		await record(tx, actor, {
			action: 'class.teacher_removed',
			target: { type: 'class', id: cls.id },
			schoolId: cls.schoolId,
			detail: { teacherId }
		});
		return { ok: true } as const;
	});
}
