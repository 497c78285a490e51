// The department's dashboard: the list of its indicators, each a module of one shape (indicator.ts).
// Building a view's tables is a loop over the list, each cutting its tables from the snapshot's facts;
// the page, the Excel export and the printable report render the same tables, so the three always
// hold the same numbers. Small groups are "< 10" in all three.
import type { Conn } from '../db';
import { viewContext, type Indicator } from './indicator';
import {
	reachIndicator,
	classFacts,
	inScope,
	rosterCells,
	type ClassFact,
	type RosterCell
} from './reach';
import { weeklyIndicator } from './weekly';
import { masteryIndicator } from './mastery';
import { dosageIndicator } from './dosage';
import { adoptionIndicator } from './adoption';
import { attitudeIndicator } from './attitude';
import { qualityIndicator } from './quality';
import { teamsIndicator } from './teams';
import { assignmentsIndicator } from './assignments';
import { yieldToRequests, type Dimension, type Scope } from './scope';
import type { Table } from './table';

export type { Cell, Table } from './table';
export { dimensionLabel, groupLabel } from './table';
export { conceptName as conceptLabel, scaleName as scaleLabel } from '$lib/progress-labels';

/** The dashboard's indicators, in the order of their tables on the page, in the export and the report. */
export const INDICATORS: Indicator<unknown>[] = [
	reachIndicator,
	weeklyIndicator,
	masteryIndicator,
	dosageIndicator,
	adoptionIndicator,
	attitudeIndicator,
	qualityIndicator,
	teamsIndicator,
	assignmentsIndicator
] as Indicator<unknown>[];

/** Everything a snapshot holds: the roster, the classes, and each indicator's facts by its id. */
export interface Facts {
	roster: RosterCell[];
	classes: ClassFact[];
	indicators: Record<string, unknown>;
}

/** Reads the facts of every indicator for a scope (a year and period: the whole province) now. */
export async function takeFacts(db: Conn, scope: Scope, now = Date.now()): Promise<Facts> {
	const facts: Facts = {
		roster: await rosterCells(db, scope, now),
		classes: await classFacts(db, scope),
		indicators: {}
	};
	for (const ind of INDICATORS) {
		await yieldToRequests();
		facts.indicators[ind.id] = await ind.take(db, scope, now);
	}
	return facts;
}

/**
 * Every table of a view, cut from facts (a snapshot's, or taken now): `facts` hold the whole year and
 * period; the view keeps its scope's classes. `drill(dim, key)` gives the link of a row one level down.
 */
export function tablesOf(
	facts: Facts,
	scope: Scope,
	dim: Dimension,
	now: number,
	drill?: (dim: Dimension, key: string) => string | undefined
): Table[] {
	const roster = inScope(facts.roster, scope);
	const view = viewContext(scope, dim, now, roster, inScope(facts.classes, scope), drill);
	return INDICATORS.flatMap((ind) => ind.tables(facts.indicators[ind.id], view));
}

/** Every table of the dashboard for a scope, from facts taken now (tests; the routes read snapshots). */
export async function buildTables(
	db: Conn,
	scope: Scope,
	dim: Dimension,
	now = Date.now(),
	drill?: (dim: Dimension, key: string) => string | undefined
): Promise<Table[]> {
	return tablesOf(await takeFacts(db, scope, now), scope, dim, now, drill);
}
