// The teacher's class grid: pupils × work, each cell a status with stars, attempts and hints.
// Columns come from sources: the exercises the class attempted, and the class's assignments (issue 5),
// each a GridSource giving the same cell shape, so the page and the export need not know the sources.
import type { Conn } from '../db';
import { listRoster, sortByGivenName } from '../classes/pupils';
import * as assignments from '../assignments/assignments';
import type { WorkStatus } from '../assignments/status';

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
	/** an assignment's cell: the pupil's status, as the assignments domain gives it */
	work?: WorkStatus;
	/** an assignment's cell: the pupil's points in the latest returned review of their team's project */
	score?: { points: number; max: number };
}

export interface GridSource {
	id: string;
	load(
		db: Conn,
		classId: number,
		now?: number
	): Promise<{ columns: GridColumn[]; cells: Map<string, GridCell> }>;
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
				eb.fn
					.max(eb.case().when('a.passed', '=', 1).then(eb.ref('a.stars')).else(0).end())
					.as('stars'),
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
			const cell = {
				status,
				stars: Number(r.stars),
				attempts: Number(r.attempts),
				hints: Number(r.hints),
				stuck: false
			};
			cell.stuck = isStuck(cell);
			cells.set(cellKey(r.pupil_id, id), cell);
		}
		return {
			columns: [...columns.values()].sort((a, b) => a.title.localeCompare(b.title, 'vi')),
			cells
		};
	}
};

/**
 * The class's assignments (exercise sets and projects, oldest due first): per pupil it is set for, the
 * status (not started … missing) and, for a project returned with a review, the pupil's score in it
 * (the teacher's adjusted points where given, else the team's). Cells stay 'none' so that they count
 * in no pass, star or stuck total: those are about exercises.
 */
export const assignmentSource: GridSource = {
	id: 'assignments',
	async load(db, classId, now = Date.now()) {
		const rows = await db
			.selectFrom('assignments as a')
			.innerJoin('assignment_targets as t', 't.assignment_id', 'a.id')
			.select('a.id')
			.where('t.class_id', '=', classId)
			.distinct()
			.execute();
		const list = (await Promise.all(rows.map((r) => assignments.getAssignment(db, r.id)))).filter(
			(a) => a !== undefined
		);
		list.sort((a, b) => a.dueOn.localeCompare(b.dueOn) || a.id - b.id);
		const columns: GridColumn[] = [];
		const cells = new Map<string, GridCell>();
		for (const a of list) {
			const id = `as:${a.id}`;
			columns.push({ id, source: 'assignments', title: a.title, detail: a.kind });
			const pupils = (await assignments.targetPupils(db, a.id))
				.filter((p) => p.classId === classId)
				.map((p) => p.id);
			const work = await assignments.pupilStatuses(db, a, pupils, now);
			const scores =
				a.kind === 'project'
					? await pupilScores(db, [
							...new Set([...work.values()].map((w) => w.teamId).filter((t) => t !== null))
						])
					: new Map();
			for (const w of work.values()) {
				const cell: GridCell = {
					status: 'none',
					stars: 0,
					attempts: 0,
					hints: 0,
					stuck: false,
					work: w.status
				};
				const score = w.teamId !== null ? scores.get(`${w.teamId}|${w.pupilId}`) : undefined;
				if (score && w.status === 'returned') cell.score = score;
				cells.set(cellKey(w.pupilId, id), cell);
			}
		}
		return { columns, cells };
	}
};

/** Per team and member ('team|pupil'): their points and the maximum in the team's latest review. */
async function pupilScores(
	db: Conn,
	teamIds: number[]
): Promise<Map<string, { points: number; max: number }>> {
	const out = new Map<string, { points: number; max: number }>();
	if (!teamIds.length) return out;
	const reviews = await db
		.selectFrom('reviews')
		.select(['id', 'team_id', 'max_total', 'created_at'])
		.where('team_id', 'in', teamIds)
		.execute();
	const latest = new Map<number, (typeof reviews)[number]>();
	for (const r of reviews) {
		const l = latest.get(r.team_id);
		if (!l || r.created_at > l.created_at || (r.created_at === l.created_at && r.id > l.id))
			latest.set(r.team_id, r);
	}
	if (!latest.size) return out;
	const ids = [...latest.values()].map((r) => r.id);
	const [scores, members] = await Promise.all([
		db
			.selectFrom('review_scores')
			.select(['review_id', 'criterion', 'pupil_id', 'points'])
			.where('review_id', 'in', ids)
			.execute(),
		db
			.selectFrom('team_members')
			.select(['team_id', 'pupil_id'])
			.where('team_id', 'in', [...latest.keys()])
			.execute()
	]);
	for (const m of members) {
		const r = latest.get(m.team_id)!;
		const mine = scores.filter((s) => s.review_id === r.id);
		let points = 0;
		for (const s of mine.filter((x) => x.pupil_id === null))
			points +=
				mine.find((x) => x.pupil_id === m.pupil_id && x.criterion === s.criterion)?.points ??
				s.points;
		out.set(`${m.team_id}|${m.pupil_id}`, {
			points: Math.round(points * 10) / 10,
			max: r.max_total
		});
	}
	return out;
}

export const GRID_SOURCES: GridSource[] = [exerciseSource, assignmentSource];

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

export async function classGrid(
	db: Conn,
	classId: number,
	sort: GridSort = 'name',
	sources = GRID_SOURCES,
	now = Date.now()
) {
	const roster = await listRoster(db, classId);
	const columns: GridColumn[] = [];
	const cells = new Map<string, GridCell>();
	for (const s of sources) {
		const part = await s.load(db, classId, now);
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
		.select([
			'a.id',
			'x.title',
			'x.concept',
			'a.passed',
			'a.stars',
			'a.hints_used',
			'a.time_spent_ms',
			'a.created_at'
		])
		.where('a.class_id', '=', classId)
		.where('a.pupil_id', '=', pupilId)
		.orderBy('a.created_at', 'desc')
		.limit(500)
		.execute();
}
