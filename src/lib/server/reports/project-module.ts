// What the project indicators (quality.ts, teams.ts, assignments.ts: issue 5's assignments, teams, steps
// and rubric reviews) share: their figures per group (IndicatorTable), their live form, their tables.
// Each is an Indicator (indicator.ts) like every other; its take and figures are exported for the specs.
import { m } from '$lib/paraglide/messages';
import type { Conn } from '../db';
import type { Dimension, Scope } from './scope';
import { cellGroup, liveView } from './reach';
import type { ViewContext } from './indicator';
import { dimensionLabel, groupLabel, v, type Table } from './table';

/** A table of figures per group, the shape every project indicator computes. */
export interface IndicatorTable {
	/** column ids, in order; the page and the Excel export label them from messages */
	columns: string[];
	rows: { key: string; label: string; hidden: boolean; values: Record<string, number | null> }[];
	/** the title of a column that has no message (a rubric criterion's most frequent title) */
	titles?: Record<string, string>;
}

export type Group = Dimension | 'all';
export const round1 = (x: number) => Math.round(x * 10) / 10;

/**
 * An indicator's figures for a scope, from facts taken now (not from a snapshot): what the specs
 * check the figures with. `take` and `figures` are the ones its Indicator uses.
 */
export async function liveFigures<F>(
	take: (db: Conn, scope: Scope) => Promise<F>,
	figures: (f: F, view: ViewContext, dim: Group) => IndicatorTable,
	db: Conn,
	scope: Scope,
	dim: Group
): Promise<IndicatorTable> {
	return figures(await take(db, scope), await liveView(db, scope), dim);
}

/** A group of a view's rows, with its key and label: a place's, or a pupil's gender or ethnicity. */
export function groupOf(view: ViewContext, dim: Group, classId: number, g: string, e: string) {
	if (dim === 'gender') return [g, g];
	if (dim === 'ethnicity') return [e, e];
	return cellGroup(view.classes.get(classId)!, dim);
}

function moduleColumn(id: string, titles?: Record<string, string>): string {
	if (titles?.[id]) return `${titles[id]} (%)`;
	const labels: Record<string, () => string> = {
		average: m.progress_col_rubric_average,
		teams: m.progress_col_teams,
		reviews: m.progress_col_reviews,
		pupils: m.dept_pupils,
		teams_complete: m.progress_col_teams_complete,
		share_complete: m.progress_col_share_complete,
		teachers: m.dept_teachers,
		teachers_assigning: m.progress_col_teachers_assigning,
		assigned: m.progress_col_assigned,
		projects: m.progress_col_projects,
		exercise_sets: m.progress_col_exercise_sets,
		per_teacher: m.progress_col_per_teacher
	};
	return labels[id]?.() ?? id;
}

/** An indicator module's figures as a dashboard table; hidden groups show "< 10" in every figure. */
export function moduleTable(
	id: string,
	title: string,
	dim: Group,
	t: IndicatorTable,
	note?: string
): Table {
	return {
		id,
		title,
		columns: [dimensionLabel(dim), ...t.columns.map((c) => moduleColumn(c, t.titles))],
		rows: t.rows.map((r) => ({
			label: groupLabel(dim, r.key, r.label),
			hidden: r.hidden,
			cells: t.columns.map((c) => v(r.values[c] ?? null, r.hidden))
		})),
		note: t.rows.length ? note : m.progress_no_data()
	};
}

/** The page's breakdown where the indicator supports it (`dimensions`), else `fallback`. */
export const pick = (dimensions: readonly Group[], view: ViewContext, fallback: Group): Group =>
	dimensions.includes(view.dim) ? view.dim : fallback;
