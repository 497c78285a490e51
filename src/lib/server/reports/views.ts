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
	const province: Scope = { yearId: scope.yearId, yearStartsOn: scope.yearStartsOn, yearEndsOn: scope.yearEndsOn, period: scope.period };
	return cached(`roster:${scope.yearId}:${scope.period}`, () => rosterCells(db, province));
}

/** The view's tables; `links` adds the drill-down links of the page and the export (not of the printed report). */
export function viewTables(db: Conn, view: DashboardView, links: boolean): Promise<Table[]> {
	return cached(`tables:${links ? 'drill' : 'plain'}:${getLocale()}:${view.dim}:${JSON.stringify(view.scope)}`, async () =>
		buildTables(db, view.scope, view.dim, Date.now(), links ? drillLink(view) : undefined, inScope(await provinceRoster(db, view.scope), view.scope))
	);
}

/**
 * Prepares, after the server starts, the current year's rosters and the dashboard's landing view (the
 * province by school, in Vietnamese), so that the first officer of the day does not wait for them; they
 * are then refreshed after any response that finds them a minute old.
 */
export async function warmDashboard(db: Conn): Promise<void> {
	const year = (await listYears(db)).find((y) => y.isCurrent);
	if (!year) return;
	for (const period of PERIODS) {
		await provinceRoster(db, { yearId: year.id, yearStartsOn: year.startsOn, yearEndsOn: year.endsOn, period });
		await new Promise((resolve) => setImmediate(resolve));
	}
	const landing = await readView(db, new URL('http://localhost/department'));
	if (landing) await viewTables(db, landing, true);
}
