// Certificates for a class (issue 17): every pupil of the class now who completed a course (every
// puzzle passed), with the name as the class list has it, the course, the day and the school — what
// the teacher prints on A4 or A5. Same rule as progress.ts's courseProgress, read for a class at once.
import type { Conn } from '../db';
import { listRoster, today } from '../classes/pupils';
import { courseWithLessons, listCourses } from './courses';

export interface ClassCertificate {
	pupilId: number;
	fullName: string;
	courseId: number;
	courseTitle: string;
	completedOn: string;
}

/** Per pupil, per exercise: when it was first passed. */
async function firstPasses(db: Conn, pupilIds: number[]) {
	const map = new Map<number, Map<number, number>>();
	if (!pupilIds.length) return map;
	const rows = await db
		.selectFrom('exercise_attempts')
		.select((eb) => ['pupil_id', 'exercise_id', eb.fn.min('created_at').as('first')])
		.where('pupil_id', 'in', pupilIds)
		.where('passed', '=', 1)
		.groupBy(['pupil_id', 'exercise_id'])
		.execute();
	for (const r of rows) {
		const m = map.get(r.pupil_id) ?? new Map<number, number>();
		m.set(r.exercise_id, Number(r.first));
		map.set(r.pupil_id, m);
	}
	return map;
}

export async function classCertificates(db: Conn, classId: number): Promise<ClassCertificate[]> {
	const roster = await listRoster(db, classId);
	const passes = await firstPasses(
		db,
		roster.map((p) => p.id)
	);
	const courses = [];
	for (const c of await listCourses(db)) {
		const full = await courseWithLessons(db, c.id);
		const ids = full ? full.lessons.flatMap((l) => l.exercises.map((e) => e.id)) : [];
		if (ids.length) courses.push({ id: c.id, title: c.title, ids });
	}
	const out: ClassCertificate[] = [];
	for (const p of roster) {
		const mine = passes.get(p.id);
		if (!mine) continue;
		for (const c of courses) {
			if (!c.ids.every((id) => mine.has(id))) continue;
			const last = Math.max(...c.ids.map((id) => mine.get(id)!));
			out.push({
				pupilId: p.id,
				fullName: p.fullName,
				courseId: c.id,
				courseTitle: c.title,
				completedOn: today(last)
			});
		}
	}
	return out;
}
