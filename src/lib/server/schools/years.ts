import type { Conn } from '../db';
import { isIsoDate } from './schools';

export interface SchoolYear {
	id: number;
	name: string;
	startsOn: string;
	endsOn: string;
	isCurrent: boolean;
}

const toYear = (r: {
	id: number;
	name: string;
	starts_on: string;
	ends_on: string;
	is_current: number;
}): SchoolYear => ({
	id: r.id,
	name: r.name,
	startsOn: r.starts_on,
	endsOn: r.ends_on,
	isCurrent: r.is_current === 1
});

export async function listYears(db: Conn): Promise<SchoolYear[]> {
	return (
		await db.selectFrom('school_years').selectAll().orderBy('starts_on', 'desc').execute()
	).map(toYear);
}

export async function currentYear(db: Conn): Promise<SchoolYear | undefined> {
	const row = await db
		.selectFrom('school_years')
		.selectAll()
		.where('is_current', '=', 1)
		.executeTakeFirst();
	return row && toYear(row);
}

/** A school year runs September to May: "2025–2026" starts in 2025. */
export function parseYearName(name: string): { start: number; end: number } | null {
	const m = /^\s*(\d{4})\s*[-–]\s*(\d{4})\s*$/.exec(name);
	if (!m) return null;
	const start = Number(m[1]);
	const end = Number(m[2]);
	return end === start + 1 ? { start, end } : null;
}

export type YearError = 'name_invalid' | 'dates_invalid' | 'taken';

export async function createYear(
	db: Conn,
	input: { name: string; startsOn: string; endsOn: string }
): Promise<{ ok: true; id: number } | { ok: false; error: YearError }> {
	const parsed = parseYearName(input.name);
	if (!parsed) return { ok: false, error: 'name_invalid' };
	if (!isIsoDate(input.startsOn) || !isIsoDate(input.endsOn) || input.endsOn <= input.startsOn)
		return { ok: false, error: 'dates_invalid' };
	const name = `${parsed.start}–${parsed.end}`;
	if (await db.selectFrom('school_years').select('id').where('name', '=', name).executeTakeFirst())
		return { ok: false, error: 'taken' };
	const row = await db
		.insertInto('school_years')
		.values({ name, starts_on: input.startsOn, ends_on: input.endsOn, is_current: 0 })
		.returning('id')
		.executeTakeFirstOrThrow();
	return { ok: true, id: row.id };
}

/** Makes one year current; the others stop being current. Call inside a transaction. */
export async function setCurrentYear(db: Conn, id: number): Promise<boolean> {
	const exists = await db
		.selectFrom('school_years')
		.select('id')
		.where('id', '=', id)
		.executeTakeFirst();
	if (!exists) return false;
	await db.updateTable('school_years').set({ is_current: 0 }).where('is_current', '=', 1).execute();
	await db.updateTable('school_years').set({ is_current: 1 }).where('id', '=', id).execute();
	return true;
}
