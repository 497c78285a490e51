import type { Conn } from '../db';
import type { SchoolLevel } from '../db/types';
import { cleanText } from '$lib/text/normalize';

export const LEVELS: SchoolLevel[] = ['primary', 'lower_secondary', 'upper_secondary'];

export interface School {
	id: number;
	name: string;
	commune: string;
	level: SchoolLevel;
	pilotSince: string;
}

export interface SchoolInput {
	name: string;
	commune: string;
	level: string;
	pilotSince: string;
}

export type SchoolErrors = Partial<
	Record<keyof SchoolInput, 'required' | 'invalid' | 'taken' | 'too_long'>
>;

const toSchool = (r: {
	id: number;
	name: string;
	commune: string;
	level: SchoolLevel;
	pilot_since: string;
}): School => ({
	id: r.id,
	name: r.name,
	commune: r.commune,
	level: r.level,
	pilotSince: r.pilot_since
});

/** What the administrator's home counts: schools, classes and staff accounts. */
export async function countOverview(
	db: Conn
): Promise<{ schools: number; classes: number; staff: number }> {
	const count = async (table: 'schools' | 'classes') =>
		Number(
			(
				await db
					.selectFrom(table)
					.select((eb) => eb.fn.countAll<number>().as('n'))
					.executeTakeFirstOrThrow()
			).n
		);
	const staff = await db
		.selectFrom('users')
		.select((eb) => eb.fn.countAll<number>().as('n'))
		.where('role', '<>', 'student')
		.executeTakeFirstOrThrow();
	return {
		schools: await count('schools'),
		classes: await count('classes'),
		staff: Number(staff.n)
	};
}

export async function listSchools(db: Conn): Promise<School[]> {
	const rows = await db.selectFrom('schools').selectAll().orderBy('name').execute();
	return rows.map(toSchool);
}

export async function getSchool(db: Conn, id: number): Promise<School | undefined> {
	const row = await db.selectFrom('schools').selectAll().where('id', '=', id).executeTakeFirst();
	return row && toSchool(row);
}

export function isIsoDate(value: string): boolean {
	if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
	const d = new Date(value + 'T00:00:00Z');
	return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

/** Checks the input; returns the cleaned values or the errors per field. */
export async function validateSchool(
	db: Conn,
	input: SchoolInput,
	exceptId?: number
): Promise<{ ok: true; value: Omit<School, 'id'> } | { ok: false; errors: SchoolErrors }> {
	const name = cleanText(input.name);
	const commune = cleanText(input.commune);
	const errors: SchoolErrors = {};
	if (!name) errors.name = 'required';
	else if (name.length > 200) errors.name = 'too_long';
	if (!commune) errors.commune = 'required';
	else if (commune.length > 200) errors.commune = 'too_long';
	if (!LEVELS.includes(input.level as SchoolLevel)) errors.level = 'invalid';
	if (!isIsoDate(input.pilotSince)) errors.pilotSince = 'invalid';
	if (name && !errors.name) {
		let q = db.selectFrom('schools').select('id').where('name', '=', name);
		if (exceptId) q = q.where('id', '<>', exceptId);
		if (await q.executeTakeFirst()) errors.name = 'taken';
	}
	if (Object.keys(errors).length) return { ok: false, errors };
	return {
		ok: true,
		value: { name, commune, level: input.level as SchoolLevel, pilotSince: input.pilotSince }
	};
}

export async function createSchool(
	db: Conn,
	s: Omit<School, 'id'>,
	now = Date.now()
): Promise<number> {
	const row = await db
		.insertInto('schools')
		.values({
			name: s.name,
			commune: s.commune,
			level: s.level,
			pilot_since: s.pilotSince,
			created_at: now
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	return row.id;
}

export async function updateSchool(db: Conn, id: number, s: Omit<School, 'id'>): Promise<void> {
	await db
		.updateTable('schools')
		.set({ name: s.name, commune: s.commune, level: s.level, pilot_since: s.pilotSince })
		.where('id', '=', id)
		.execute();
}

/** The fields of the school form. */
export function schoolInput(form: FormData): SchoolInput {
	return {
		name: String(form.get('name') ?? '').slice(0, 1000),
		commune: String(form.get('commune') ?? '').slice(0, 1000),
		level: String(form.get('level') ?? ''),
		pilotSince: String(form.get('pilotSince') ?? '')
	};
}
