// The one shape every indicator renders to: a table of labelled rows, drawn on the page, written to the
// Excel export and printed in the A4 report alike, so the three formats always hold the same numbers.
import { m } from '$lib/paraglide/messages';
import { levelLabel } from '$lib/level';
import { genderLabel } from '$lib/gender';
import { dimensionLabel } from '$lib/progress-labels';
import { shown } from './hide';
import type { Dimension } from './scope';

export type Cell = number | string;

export interface Table {
	id: string;
	title: string;
	/** the first column's heading, then the figures' */
	columns: string[];
	rows: { label: string; href?: string; hidden: boolean; cells: Cell[] }[];
	note?: string;
	/** a chart drawn from this table on the page: [label column, value column index] */
	chart?: { type: 'line' | 'bar'; valueIndex: number; max?: number };
}

export { dimensionLabel };

export function groupLabel(dim: Dimension | 'all', key: string, label: string): string {
	if (dim === 'all') return m.progress_dim_all_row();
	if (dim === 'level') return levelLabel(key);
	if (dim === 'gender') return key ? genderLabel(key) : m.not_given();
	if (dim === 'ethnicity') return key || m.not_given();
	if (dim === 'grade') return m.grade_label({ grade: key });
	return label;
}

/** A figure as shown: "< 10" when its group is hidden. */
export const v = (x: number | null, hidden: boolean): Cell => shown(x, hidden);

/** Groups in the order of their labels (grades by number). */
export function byLabel(a: { label: string }, b: { label: string }): number {
	const x = Number(a.label);
	const y = Number(b.label);
	if (a.label !== '' && b.label !== '' && Number.isFinite(x) && Number.isFinite(y)) return x - y;
	return a.label.localeCompare(b.label);
}
