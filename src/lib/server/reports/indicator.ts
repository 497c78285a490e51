// One shape for every indicator of the department's dashboard:
// - `take`: what it reads, once, when a snapshot is taken: its facts for a school year and period (the
//   whole province), at the grain its breakdowns and drill-downs need (per class, and per class and
//   gender or ethnicity where pupils are grouped so), as plain JSON stored in the snapshot's row;
// - `tables`: how it breaks down and renders, cut from those facts only (never from the live tables), as
//   tables that the page, the Excel export and the printed report all draw.
// The dashboard is the list of indicators (dashboard.ts); a snapshot takes each one's facts (snapshot.ts).
import type { Conn } from '../db';
import type { ClassFact, ClassPlace, RosterCell } from './reach';
import type { Dimension, Scope } from './scope';
import type { Table } from './table';

/** What a view of a snapshot is cut to: its filters and breakdown, and the snapshot's classes in it. */
export interface ViewContext {
	scope: Scope;
	dim: Dimension;
	/** when the snapshot was taken (ms): "active in the last 30 days" counts back from it */
	now: number;
	/** the link of a row one level down (a school, then a class), or undefined */
	drill?: (dim: Dimension, key: string) => string | undefined;
	/** the snapshot's roster cells in the view's scope */
	roster: RosterCell[];
	/** the snapshot's classes in the view's scope, by id */
	classes: Map<number, ClassFact>;
	/** the schools of those classes, by id (where a school-level fact is placed and filtered) */
	schools: Map<number, ClassPlace>;
}

export interface Indicator<F = unknown> {
	id: string;
	/** Its facts for a year and period, read when a snapshot is taken (JSON: stored with it). */
	take(db: Conn, scope: Scope, now: number): Promise<F>;
	/** Its tables for a view, from the snapshot's facts only. */
	tables(facts: F, view: ViewContext): Table[];
}

/** The context of a view from the snapshot's roster and classes (already cut to the view's scope). */
export function viewContext(
	scope: Scope,
	dim: Dimension,
	now: number,
	roster: RosterCell[],
	classes: ClassFact[],
	drill?: ViewContext['drill']
): ViewContext {
	const byId = new Map(classes.map((c) => [c.classId, c]));
	const schools = new Map<number, ClassPlace>();
	for (const c of classes) if (!schools.has(c.schoolId)) schools.set(c.schoolId, c);
	return { scope, dim, now, drill, roster, classes: byId, schools };
}

/** Adds `add`'s numbers into the entry of `key` (created as zeros). */
export function addInto<K extends string>(
	map: Map<string, Record<K, number>>,
	key: string,
	fields: readonly K[],
	add: (f: K) => number
): void {
	let e = map.get(key);
	if (!e) {
		e = Object.fromEntries(fields.map((f) => [f, 0])) as Record<K, number>;
		map.set(key, e);
	}
	for (const f of fields) e[f] += add(f);
}
