// Teams that handed in every step of their project, taken per class with the snapshot.
import { sql } from 'kysely';
import { m } from '$lib/paraglide/messages';
import type { Conn } from '../db';
import { classConditions, periodDates, type Scope } from './scope';
import { cellGroup } from './reach';
import type { Indicator, ViewContext } from './indicator';
import { byLabel } from './table';
import { moduleTable, pick, round1, type Group, type IndicatorTable } from './project-module';

/** Per class with teams of projects due in the period: [class id, teams, teams complete]. */
type TeamsFacts = [number, number, number][];

export async function takeTeams(db: Conn, scope: Scope): Promise<TeamsFacts> {
	const { from, to } = periodDates(scope);
	// Each team's completeness is kept by the triggers of migration 0008 as steps are handed in.
	const { rows } = await sql<{ id: number; teams: number; complete: number | null }>`
		SELECT ts.class_id AS id, COUNT(*) AS teams, SUM(ts.complete) AS complete
		FROM progress_team_steps ts JOIN classes c ON c.id = ts.class_id JOIN schools s ON s.id = c.school_id
		WHERE ${classConditions(scope)} AND ts.due_on BETWEEN ${from} AND ${to}
		GROUP BY 1`.execute(db);
	return rows.map((r) => [Number(r.id), Number(r.teams), Number(r.complete ?? 0)]);
}

/**
 * Dosage, teams: the share of the project teams (of projects due in the period, in the view's classes)
 * that handed in every step of their project's process (the five activities of the engineering design
 * process, or of the inquiry process). Columns 'teams', 'teams_complete', 'share_complete' (per cent).
 */
export function teamsFigures(f: TeamsFacts, view: ViewContext, dim: Group): IndicatorTable {
	const groups = new Map<string, { label: string; teams: number; complete: number }>();
	for (const [id, teams, complete] of f) {
		if (!view.classes.has(id)) continue;
		const [key, label] = cellGroup(view.classes.get(id)!, dim);
		const g = groups.get(key) ?? { label, teams: 0, complete: 0 };
		g.teams += teams;
		g.complete += complete;
		groups.set(key, g);
	}
	return {
		columns: ['teams', 'teams_complete', 'share_complete'],
		rows: [...groups.entries()]
			.map(([key, g]) => ({
				key,
				label: g.label,
				hidden: false,
				values: {
					teams: g.teams,
					teams_complete: g.complete,
					share_complete: g.teams ? round1((100 * g.complete) / g.teams) : null
				}
			}))
			.sort(byLabel)
	};
}

/** The breakdowns it supports. */
export const TEAMS_DIMENSIONS: readonly Group[] = [
	'all',
	'school',
	'commune',
	'level',
	'grade',
	'class'
];

export const teamsIndicator: Indicator<TeamsFacts> = {
	id: 'teams_complete',
	take: (db, scope) => takeTeams(db, scope),
	tables: (f, view) => {
		const { classId, schoolId } = view.scope;
		const dim = pick(TEAMS_DIMENSIONS, view, classId ? 'all' : schoolId ? 'class' : 'school');
		const t = teamsFigures(f, view, dim);
		return [moduleTable('teams_complete', m.progress_t_teams_complete(), dim, t)];
	}
};
