// The dashboard's tables for a view, as the page, the Excel export and the printable report serve them:
// computed once per view and kept a minute (cache.ts), from the province's roster of the same year and
// period, itself kept a minute and shared by every view of that period (the one scan of the enrolments).
import type { Conn } from '../db';
import { getLocale } from '$lib/paraglide/runtime';
import { listYears } from '../schools/years';
import { cached } from './cache';
import { buildTables, type Table } from './dashboard';
import { drillLink, readView, type DashboardView } from './params';
import { inScope, rosterCells, type RosterCell } from './reach';
import { PERIODS, type Scope } from './scope';

function provinceRoster(db: Conn, scope: Scope): Promise<RosterCell[]> {
	const province: Scope = {
		yearId: scope.yearId,
		yearStartsOn: scope.yearStartsOn,
		yearEndsOn: scope.yearEndsOn,
		period: scope.period
	};
	return cached(`roster:${scope.yearId}:${scope.period}`, () => rosterCells(db, province));
}

/** The view's tables with their drill-down links: the page, the export and the printed report share them. */
export function viewTables(db: Conn, view: DashboardView): Promise<Table[]> {
	return cached(`tables:${getLocale()}:${view.dim}:${JSON.stringify(view.scope)}`, async () =>
		buildTables(
			db,
			view.scope,
			view.dim,
			Date.now(),
			drillLink(view),
			inScope(await provinceRoster(db, view.scope), view.scope)
		)
	);
}

let warmed = false;

/** Whether the start-up preparation is done (reported by /healthz, which the benchmark waits for). */
export function dashboardWarmed(): boolean {
	return warmed;
}

/**
 * Prepares, after the server starts, the current year's rosters, the dashboard's landing view (the
 * province by school, in Vietnamese) and the Excel writer, so that the first officer of the day does not
 * wait for them; the figures are then refreshed after any response that finds them a minute old.
 */
export async function warmDashboard(db: Conn): Promise<void> {
	try {
		await prepare(db);
	} finally {
		warmed = true;
	}
}

async function prepare(db: Conn): Promise<void> {
	// The spreadsheet library is large: loaded now rather than by the first export (half a second).
	await import('./excel');
	const year = (await listYears(db)).find((y) => y.isCurrent);
	if (!year) return;
	for (const period of PERIODS) {
		await provinceRoster(db, {
			yearId: year.id,
			yearStartsOn: year.startsOn,
			yearEndsOn: year.endsOn,
			period
		});
		await new Promise((resolve) => setImmediate(resolve));
	}
	const landing = await readView(db, new URL('http://localhost/department'));
	if (landing) await viewTables(db, landing);
}
