// Weekly active pupils over the period, from the rollup the attempts' trigger keeps.
import { sql } from 'kysely';
import type { Conn } from '../db';
import { classConditions, periodDates, periodTimes, type Scope } from './scope';
import { hideSmall } from './hide';

export interface WeekRow {
	week: string;
	pupils: number | null;
	hidden: boolean;
}

/** A week with fewer than 10 active pupils is shown as "< 10" (only possible below province level). */
export async function weeklyActive(db: Conn, scope: Scope): Promise<WeekRow[]> {
	const { to } = periodDates(scope);
	// Weeks are keyed by their Monday: the first week of the period may start up to 6 days before it.
	const firstWeek = new Date(periodTimes(scope).from - 6 * 86_400_000).toISOString().slice(0, 10);
	const { rows } = await sql<{ week: string; pupils: number }>`
		SELECT w.week, SUM(w.pupils) AS pupils
		FROM progress_weekly_active w JOIN classes c ON c.id = w.class_id JOIN schools s ON s.id = c.school_id
		WHERE ${classConditions(scope)} AND w.week BETWEEN ${firstWeek} AND ${to}
		GROUP BY w.week ORDER BY w.week`.execute(db);
	return rows.map((r) =>
		hideSmall({ week: r.week, pupils: Number(r.pupils) }, Number(r.pupils), ['pupils'] as const)
	);
}
