// The teacher's class grid: pupils × work, each cell a status with stars, attempts and hints.
// Columns come from sources: exercises the class attempted now; issue 5's assignments plug in as another
// GridSource (same cell shape: status, stars or score, attempts) without changing the page or the export.
import type { Conn } from '../db';
import { listRoster, sortByGivenName } from '../classes/pupils';

export type CellStatus = 'passed' | 'tried' | 'none';

export interface GridColumn {
	/** unique across sources, e.g. 'ex:12' or, at merge, 'as:5' */
	id: string;
	source: string;
	title: string;
	/** a concept or a kind of work, shown under the title */
	detail: string;
}

export interface GridCell {
	status: CellStatus;
	/** best stars (0–3) of a passed attempt */
	stars: number;
	attempts: number;
	hints: number;
	/** many attempts or hints and still no pass */
	stuck: boolean;
}

export interface GridSource {
	id: string;
	load(db: Conn, classId: number): Promise<{ columns: GridColumn[]; cells: Map<string, GridCell> }>;
}

/** Stuck: not passed after 3 attempts, or after 3 hints. */
export const STUCK_ATTEMPTS = 3;
export const STUCK_HINTS = 3;
export function isStuck(c: { status: CellStatus; attempts: number; hints: number }): boolean {
	return c.status !== 'passed' && (c.attempts >= STUCK_ATTEMPTS || c.hints >= STUCK_HINTS);
}

export const cellKey = (pupilId: number, columnId: string) => `${pupilId}|${columnId}`;

/** Every exercise a pupil of this class attempted while in it. */
export const exerciseSource: GridSource = {
	id: 'exercises',
	async load(db, classId) {
		const rows = await db
			.selectFrom('exercise_attempts as a')
			.innerJoin('exercises as x', 'x.id', 'a.exercise_id')
			.select((eb) => [
				'a.pupil_id',
				'x.id',
				'x.title',
				'x.concept',
				eb.fn.countAll<number>().as('attempts'),
				eb.fn.max('a.passed').as('passed'),
				eb.fn.max(eb.case().when('a.passed', '=', 1).then(eb.ref('a.stars')).else(0).end()).as('stars'),
				eb.fn.sum<number>('a.hints_used').as('hints')
			])
			.where('a.class_id', '=', classId)
			.groupBy(['a.pupil_id', 'x.id'])
			.execute();
		const columns = new Map<string, GridColumn>();
		const cells = new Map<string, GridCell>();
		for (const r of rows) {
			const id = `ex:${r.id}`;
			columns.set(id, { id, source: 'exercises', title: r.title, detail: r.concept });
			const status: CellStatus = Number(r.passed) === 1 ? 'passed' : 'tried';
			const cell = { status, stars: Number(r.stars), attempts: Number(r.attempts), hints: Number(r.hints), stuck: false };
			cell.stuck = isStuck(cell);
			cells.set(cellKey(r.pupil_id, id), cell);
		}
		return { columns: [...columns.values()].sort((a, b) => a.title.localeCompare(b.title, 'vi')), cells };
	}
};

export const GRID_SOURCES: GridSource[] = [exerciseSource];

export interface GridRow {
	pupilId: number;
	fullName: string;
	cells: GridCell[];
	passed: number;
	stars: number;
	attempts: number;
	stuck: number;
}

export type GridSort = 'name' | 'passed' | 'stars' | 'stuck';
export const GRID_SORTS: GridSort[] = ['name', 'passed', 'stars', 'stuck'];

const EMPTY: GridCell = { status: 'none', stars: 0, attempts: 0, hints: 0, stuck: false };

export async function classGrid(db: Conn, classId: number, sort: GridSort = 'name', sources = GRID_SOURCES) {
	const roster = await listRoster(db, classId);
	const columns: GridColumn[] = [];
	const cells = new Map<string, GridCell>();
	for (const s of sources) {
		const part = await s.load(db, classId);
		columns.push(...part.columns);
		for (const [k, v] of part.cells) cells.set(k, v);
	}
	let rows: GridRow[] = roster.map((p) => {
		const row = columns.map((c) => cells.get(cellKey(p.id, c.id)) ?? EMPTY);
		return {
			pupilId: p.id,
			fullName: p.fullName,
			cells: row,
			passed: row.filter((c) => c.status === 'passed').length,
			stars: row.reduce((s, c) => s + c.stars, 0),
			attempts: row.reduce((s, c) => s + c.attempts, 0),
			stuck: row.filter((c) => c.stuck).length
		};
	});
	rows = sortByGivenName(rows);
	if (sort !== 'name') rows = [...rows].sort((a, b) => b[sort] - a[sort]); // stable: ties keep the class-list order
	return { columns, rows };
}

/** A pupil's attempts in this class, newest first (the teacher's click-through). */
export async function pupilAttempts(db: Conn, classId: number, pupilId: number) {
	return db
		.selectFrom('exercise_attempts as a')
		.innerJoin('exercises as x', 'x.id', 'a.exercise_id')
		.select(['a.id', 'x.title', 'x.concept', 'a.passed', 'a.stars', 'a.hints_used', 'a.time_spent_ms', 'a.created_at'])
		.where('a.class_id', '=', classId)
		.where('a.pupil_id', '=', pupilId)
		.orderBy('a.created_at', 'desc')
		.limit(500)
		.execute();
}
