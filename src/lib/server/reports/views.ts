// The dashboard's tables for a view, as the page, the Excel export and the printable report serve them:
// cut from the facts of the newest snapshot of the view's year and period (snapshot.ts) and nothing else,
// so all three formats, every breakdown and drill-down and every server process show the same figures,
// with the time they were taken.
import type { DB } from '../db';
import { getLocale } from '$lib/paraglide/runtime';
import { m } from '$lib/paraglide/messages';
import { listYears } from '../schools/years';
import { tablesOf, type Table } from './dashboard';
import { buildTables } from './dashboard';
import { drillLink, readView, type DashboardView } from './params';
import { PERIODS } from './scope';
import * as snapshots from './snapshot';

export interface ViewFigures {
	snapshotId: number;
	/** when the snapshot was taken, ms since the epoch */
	takenAt: number;
	/** "Số liệu lúc 14:05, 01/12/2026" */
	asOf: string;
	tables: Table[];
}

const VIETNAM_OFFSET_MS = 7 * 60 * 60 * 1000;

/** "Số liệu lúc HH:MM, dd/mm/yyyy" in Vietnam's time (UTC+7 all year), in the page's language. */
export function asOfLabel(takenAt: number): string {
	const t = new Date(takenAt + VIETNAM_OFFSET_MS).toISOString();
	const date = `${t.slice(8, 10)}/${t.slice(5, 7)}/${t.slice(0, 4)}`;
	return m.reports_as_of({ time: t.slice(11, 16), date });
}

/**
 * The view's figures with their drill-down links: the page, the export and the printed report share them.
 * `snapshotId` (the page's, carried by its export and report links) keeps the figures the officer saw,
 * while that snapshot is still kept and is of the view's year and period; else the newest.
 */
export async function viewTables(
	db: DB,
	view: DashboardView,
	now = Date.now(),
	snapshotId?: number
): Promise<ViewFigures> {
	const seen = snapshotId ? await snapshots.load(db, snapshotId) : undefined;
	const snap =
		seen && seen.yearId === view.scope.yearId && seen.period === view.scope.period
			? seen
			: await snapshots.current(db, view.scope, now);
	const key = `${getLocale()}|${view.dim}|${JSON.stringify(view.scope)}`;
	const tables = snapshots.viewOf(snap.id, key, () =>
		tablesOf(snap.facts, view.scope, view.dim, snap.takenAt, drillLink(view))
	);
	return { snapshotId: snap.id, takenAt: snap.takenAt, asOf: asOfLabel(snap.takenAt), tables };
}

let warmed = false;

/** Whether the start-up preparation is done (reported by /healthz, which the benchmark waits for). */
export function dashboardWarmed(): boolean {
	return warmed;
}

/**
 * Prepares, after the server starts, the current year's snapshots and the dashboard's landing view (the
 * province by school, in Vietnamese), so that the first officer of the day does not wait for them. (The
 * Excel writer is loaded by the workbook pool's worker, off the request thread.)
 */
export async function warmDashboard(db: DB): Promise<void> {
	try {
		await prepare(db);
	} finally {
		warmed = true;
	}
}

async function prepare(db: DB): Promise<void> {
	const year = (await listYears(db)).find((y) => y.isCurrent);
	if (!year) return;
	for (const period of PERIODS) {
		await snapshots.current(db, {
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

/** The snapshot an export or report link names (`?snapshot=`), if it is a positive whole number. */
export function snapshotParam(url: URL): number | undefined {
	const n = Number(url.searchParams.get('snapshot'));
	return Number.isSafeInteger(n) && n > 0 ? n : undefined;
}

/** The province's breakdowns compared by `provinceFigures` (a school, a class are drill-downs of them). */
const PROVINCE_BREAKDOWNS = ['school', 'commune', 'level', 'grade', 'gender', 'ethnicity'] as const;

/**
 * Every province-wide breakdown of the current school year, computed from the tables at `now` (no
 * snapshot written, so a read-only database will do): db:copy compares them on both engines.
 */
async function provinceFigures(db: DB, now: number): Promise<Record<string, Table[]>> {
	const landing = await readView(db, new URL('http://localhost/department'));
	if (!landing) return {};
	const figures: Record<string, Table[]> = {};
	for (const period of PERIODS)
		for (const dim of PROVINCE_BREAKDOWNS) {
			const scope = { ...landing.scope, period };
			figures[`${period}|${dim}`] = await buildTables(db, scope, dim, now);
		}
	return figures;
}

/**
 * Where two databases' province figures first differ (both computed at `now`), or null when every
 * breakdown of every period is identical; `views` counts what was compared (0: no current year).
 */
export async function compareProvinceFigures(
	a: DB,
	b: DB,
	now: number
): Promise<{ views: number; difference: string | null }> {
	const [x, y] = [await provinceFigures(a, now), await provinceFigures(b, now)];
	const keys = [...new Set([...Object.keys(x), ...Object.keys(y)])];
	for (const key of keys) {
		const [p, q] = [JSON.stringify(x[key] ?? null), JSON.stringify(y[key] ?? null)];
		if (p === q) continue;
		let i = 0;
		while (i < p.length && p[i] === q[i]) i++;
		const around = (t: string) => t.slice(Math.max(0, i - 60), i + 60);
		return { views: keys.length, difference: `${key}: …${around(p)}… / …${around(q)}…` };
	}
	return { views: keys.length, difference: null };
}
