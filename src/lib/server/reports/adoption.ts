// Teacher adoption: lessons written, adapted (copied from the library and changed) and taught,
// exercises authored, by the teachers of the scope's schools during the period; taken per teacher
// (and per teacher and school for the lessons taught) with the snapshot.
import { sql } from 'kysely';
import { m } from '$lib/paraglide/messages';
import type { Conn } from '../db';
import { classConditions, periodDates, periodTimes, type Scope } from './scope';
import { cellGroup, liveView } from './reach';
import type { Indicator, ViewContext } from './indicator';
import { byLabel, dimensionLabel, groupLabel, type Table } from './table';

export interface AdoptionRow {
	key: string;
	label: string;
	teachers: number;
	/** teachers who taught at least one STEM lesson in the period */
	teachersTeaching: number;
	lessonsWritten: number;
	lessonsAdapted: number;
	lessonsTaught: number;
	exercisesAuthored: number;
}

export type AdoptionDimension = 'school' | 'commune' | 'level' | 'all';

export interface AdoptionFacts {
	/** per teacher of the year's classes: [teacher, taught any lesson (0/1), written, adapted, exercises] */
	teachers: [number, number, number, number, number][];
	/** [teacher, school, STEM lessons taught in that school's classes in the period] */
	taught: [number, number, number][];
}

export async function takeAdoption(db: Conn, scope: Scope): Promise<AdoptionFacts> {
	const { from, to } = periodDates(scope);
	const t = periodTimes(scope);
	const { rows } = await sql<{
		id: number;
		teaching: number;
		written: number;
		adapted: number;
		exercises: number;
	}>`
		WITH tc AS (
			SELECT DISTINCT ct.teacher_id FROM class_teachers ct JOIN classes c ON c.id = ct.class_id
			JOIN schools s ON s.id = c.school_id WHERE ${classConditions(scope)}
		)
		SELECT tc.teacher_id AS id,
			CASE WHEN EXISTS (SELECT 1 FROM lesson_teachings lt WHERE lt.teacher_id = tc.teacher_id
				AND lt.taught_on BETWEEN ${from} AND ${to}) THEN 1 ELSE 0 END AS teaching,
			(SELECT COUNT(*) FROM lessons l WHERE l.author_id = tc.teacher_id AND l.copied_from_id IS NULL
				AND l.created_at >= ${t.from} AND l.created_at < ${t.to}) AS written,
			(SELECT COUNT(*) FROM lessons l WHERE l.author_id = tc.teacher_id AND l.copied_from_id IS NOT NULL
				AND l.created_at >= ${t.from} AND l.created_at < ${t.to}) AS adapted,
			(SELECT COUNT(*) FROM exercises x WHERE x.author_id = tc.teacher_id
				AND x.created_at >= ${t.from} AND x.created_at < ${t.to}) AS exercises
		FROM tc`.execute(db);
	const { rows: taught } = await sql<{ teacher_id: number; school_id: number; n: number }>`
		SELECT lt.teacher_id, c.school_id, COUNT(*) AS n
		FROM lesson_teachings lt JOIN classes c ON c.id = lt.class_id
		WHERE lt.taught_on BETWEEN ${from} AND ${to}
		GROUP BY 1, 2`.execute(db);
	return {
		teachers: rows.map((r) => [
			Number(r.id),
			Number(r.teaching),
			Number(r.written),
			Number(r.adapted),
			Number(r.exercises)
		]),
		taught: taught.map((r) => [Number(r.teacher_id), Number(r.school_id), Number(r.n)])
	};
}

/** The teachers of the view's classes, each with the schools they teach in (a teacher–school pair once). */
export function teacherSchools(view: ViewContext): [number, number][] {
	const seen = new Set<string>();
	const out: [number, number][] = [];
	for (const c of view.classes.values())
		for (const t of c.teachers) {
			const k = `${t}|${c.schoolId}`;
			if (seen.has(k)) continue;
			seen.add(k);
			out.push([t, c.schoolId]);
		}
	return out;
}

/** Per group of schools; a teacher counts in the schools of the classes they teach this year. */
export function adoptionRows(f: AdoptionFacts, view: ViewContext, dim: AdoptionDimension) {
	const of = new Map(f.teachers.map((r) => [r[0], r]));
	const taught = new Map(f.taught.map(([t, s, n]) => [`${t}|${s}`, n]));
	const groups = new Map<string, AdoptionRow & { ids: Set<number>; on: Set<number> }>();
	for (const [teacher, school] of teacherSchools(view)) {
		const [key, label] = cellGroup(view.schools.get(school)!, dim);
		const g = groups.get(key) ?? {
			...{ key, label, teachers: 0, teachersTeaching: 0, lessonsWritten: 0, lessonsAdapted: 0 },
			...{ lessonsTaught: 0, exercisesAuthored: 0, ids: new Set<number>(), on: new Set<number>() }
		};
		const [, teaching, written, adapted, exercises] = of.get(teacher) ?? [teacher, 0, 0, 0, 0];
		g.ids.add(teacher);
		if (teaching) g.on.add(teacher);
		g.lessonsWritten += written;
		g.lessonsAdapted += adapted;
		g.exercisesAuthored += exercises;
		g.lessonsTaught += taught.get(`${teacher}|${school}`) ?? 0;
		groups.set(key, g);
	}
	return [...groups.values()]
		.map(({ ids, on, ...r }): AdoptionRow => ({
			...r,
			teachers: ids.size,
			teachersTeaching: on.size
		}))
		.sort(byLabel);
}

/** Adoption by the page's breakdown when it is a group of schools, else by school (or the school). */
export function adoptionDimension(view: ViewContext): AdoptionDimension {
	const { dim, scope } = view;
	return dim === 'commune' || dim === 'level' ? dim : scope.schoolId ? 'all' : 'school';
}

function adoptionTable(f: AdoptionFacts, view: ViewContext): Table {
	const dim = adoptionDimension(view);
	return {
		id: 'adoption',
		title: m.progress_t_adoption(),
		columns: [
			dimensionLabel(dim),
			m.dept_teachers(),
			m.progress_col_teachers_teaching(),
			m.progress_col_written(),
			m.progress_col_adapted(),
			m.progress_col_lessons_taught(),
			m.progress_col_exercises()
		],
		rows: adoptionRows(f, view, dim).map((r) => ({
			label: groupLabel(dim, r.key, r.label),
			hidden: false,
			cells: [
				r.teachers,
				r.teachersTeaching,
				r.lessonsWritten,
				r.lessonsAdapted,
				r.lessonsTaught,
				r.exercisesAuthored
			]
		}))
	};
}

export const adoptionIndicator: Indicator<AdoptionFacts> = {
	id: 'adoption',
	take: (db, scope) => takeAdoption(db, scope),
	tables: (f, view) => [adoptionTable(f, view)]
};

export async function adoption(db: Conn, scope: Scope, dim: AdoptionDimension) {
	return adoptionRows(await takeAdoption(db, scope), await liveView(db, scope), dim);
}
