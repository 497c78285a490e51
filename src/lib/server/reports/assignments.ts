// Assignments made by the teachers of the view's classes, taken per teacher and school with the snapshot.
import { sql } from 'kysely';
import { m } from '$lib/paraglide/messages';
import type { Conn } from '../db';
import { periodTimes, type Scope } from './scope';
import { cellGroup } from './reach';
import { teacherSchools } from './adoption';
import type { Indicator, ViewContext } from './indicator';
import { byLabel } from './table';
import { moduleTable, pick, round1, type Group, type IndicatorTable } from './project-module';

/** Assignments made in the period per teacher and school: [teacher, school, assigned, projects]. */
type AssignedFacts = [number, number, number, number][];

export async function takeAssigned(db: Conn, scope: Scope): Promise<AssignedFacts> {
	const t = periodTimes(scope);
	const { rows } = await sql<{
		teacher_id: number;
		school_id: number;
		n: number;
		projects: number;
	}>`
		SELECT a.teacher_id, a.school_id, COUNT(*) AS n, SUM(CASE WHEN a.kind = 'project' THEN 1 ELSE 0 END) AS projects
		FROM assignments a WHERE a.created_at >= ${t.from} AND a.created_at < ${t.to}
		GROUP BY 1, 2`.execute(db);
	return rows.map((r) => [
		Number(r.teacher_id),
		Number(r.school_id),
		Number(r.n),
		Number(r.projects)
	]);
}

/**
 * Teacher adoption, "assigned": assignments made in the period by the teachers of the view's classes,
 * counted in the school they were made for. Columns 'teachers', 'teachers_assigning', 'assigned',
 * 'projects', 'exercise_sets', 'per_teacher' (assignments per teacher, one decimal).
 */
export function assignedFigures(f: AssignedFacts, view: ViewContext, dim: Group): IndicatorTable {
	const made = new Map(f.map(([t, s, n, p]) => [`${t}|${s}`, [n, p]]));
	const groups = new Map<string, { label: string; t: number; on: number; n: number; p: number }>();
	for (const [teacher, school] of teacherSchools(view)) {
		const [key, label] = cellGroup(view.schools.get(school)!, dim);
		const [n, p] = made.get(`${teacher}|${school}`) ?? [0, 0];
		const g = groups.get(key) ?? { label, t: 0, on: 0, n: 0, p: 0 };
		g.t += 1;
		g.on += n > 0 ? 1 : 0;
		g.n += n;
		g.p += p;
		groups.set(key, g);
	}
	return {
		columns: [
			'teachers',
			'teachers_assigning',
			'assigned',
			'projects',
			'exercise_sets',
			'per_teacher'
		],
		rows: [...groups.entries()]
			.map(([key, g]) => ({
				key,
				label: g.label,
				hidden: false,
				values: {
					teachers: g.t,
					teachers_assigning: g.on,
					assigned: g.n,
					projects: g.p,
					exercise_sets: g.n - g.p,
					per_teacher: g.t ? round1(g.n / g.t) : null
				}
			}))
			.sort(byLabel)
	};
}

/** The breakdowns it supports. */
export const ASSIGNED_DIMENSIONS: readonly Group[] = ['all', 'school', 'commune', 'level'];

export const assignmentsIndicator: Indicator<AssignedFacts> = {
	id: 'assignments',
	take: (db, scope) => takeAssigned(db, scope),
	tables: (f, view) => {
		const dim = pick(ASSIGNED_DIMENSIONS, view, view.scope.schoolId ? 'all' : 'school');
		const t = assignedFigures(f, view, dim);
		return [moduleTable('assignments', m.progress_t_assignments(), dim, t)];
	}
};
