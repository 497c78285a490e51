// Weekly active pupils over the period, from the rollup the attempts' trigger keeps, taken per class.
import { sql } from 'kysely';
import { m } from '$lib/paraglide/messages';
import { formatDate } from '$lib/dates';
import type { Conn } from '../db';
import { classConditions, periodDates, periodTimes, type Scope } from './scope';
import { hideSmall } from './hide';
import { liveView } from './reach';
import type { Indicator, ViewContext } from './indicator';
import { v } from './table';

export interface WeekRow {
	week: string;
	pupils: number | null;
	hidden: boolean;
}

export interface WeeklyFacts {
	/** the weeks of the period with any activity, by their Monday ('YYYY-MM-DD'), in order */
	weeks: string[];
	/** per class id: [index in `weeks`, active pupils] for the weeks it has a count of */
	classes: Record<string, [number, number][]>;
}

export async function takeWeekly(db: Conn, scope: Scope): Promise<WeeklyFacts> {
	const { to } = periodDates(scope);
	// Weeks are keyed by their Monday: the first week of the period may start up to 6 days before it.
	const firstWeek = new Date(periodTimes(scope).from - 6 * 86_400_000).toISOString().slice(0, 10);
	const { rows } = await sql<{ week: string; class_id: number; pupils: number }>`
		SELECT w.week, w.class_id, w.pupils
		FROM progress_weekly_active w JOIN classes c ON c.id = w.class_id JOIN schools s ON s.id = c.school_id
		WHERE ${classConditions(scope)} AND w.week BETWEEN ${firstWeek} AND ${to}`.execute(db);
	const weeks = [...new Set(rows.map((r) => r.week))].sort();
	const index = new Map(weeks.map((w, i) => [w, i]));
	const classes: WeeklyFacts['classes'] = {};
	for (const r of rows) (classes[r.class_id] ??= []).push([index.get(r.week)!, Number(r.pupils)]);
	return { weeks, classes };
}

/** A week with fewer than 10 active pupils is shown as "< 10" (only possible below province level). */
export function weekRows(f: WeeklyFacts, view: ViewContext): WeekRow[] {
	const sums = new Map<number, number>();
	for (const id of view.classes.keys())
		for (const [w, n] of f.classes[id] ?? []) sums.set(w, (sums.get(w) ?? 0) + n);
	return [...sums.keys()]
		.sort((a, b) => a - b)
		.map((w) => {
			const pupils = sums.get(w)!;
			return hideSmall({ week: f.weeks[w], pupils }, pupils, ['pupils'] as const);
		});
}

export const weeklyIndicator: Indicator<WeeklyFacts> = {
	id: 'weekly',
	take: (db, scope) => takeWeekly(db, scope),
	tables: (f, view) => [
		{
			id: 'weekly',
			title: m.progress_t_weekly(),
			columns: [m.progress_col_week(), m.progress_col_active_week()],
			// Weeks by their Monday, written the Vietnamese way (dd/mm/yyyy).
			rows: weekRows(f, view).map((w) => ({
				label: formatDate(w.week),
				hidden: w.hidden,
				cells: [v(w.pupils, w.hidden)]
			})),
			chart: { type: 'line', valueIndex: 0 }
		}
	]
};

export async function weeklyActive(db: Conn, scope: Scope): Promise<WeekRow[]> {
	return weekRows(await takeWeekly(db, scope), await liveView(db, scope));
}
