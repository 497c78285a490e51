// The admin's way to a pupil for a data request: a search by school and name, and one pupil's
// summary (what an erasure would remove) for the confirmation step.
import { sql } from 'kysely';
import type { Conn } from '../db';
import { foldKey } from '$lib/text/normalize';

export const SEARCH_LIMIT = 50;

export interface FoundPupil {
	id: number;
	fullName: string;
	/** The classes the pupil is in now, or was last in. */
	classes: string;
	birthDate: string | null;
}

/**
 * Pupils of the school whose name (any case, with or without diacritics) or id matches; an empty
 * query lists none. At most SEARCH_LIMIT, sorted by name.
 */
export async function findPupils(db: Conn, schoolId: number, query: string): Promise<FoundPupil[]> {
	const q = foldKey(query);
	if (!q) return [];
	const rows = await db
		.selectFrom('users as u')
		.leftJoin('pupil_profiles as p', 'p.user_id', 'u.id')
		.leftJoin('enrolments as e', 'e.pupil_id', 'u.id')
		.leftJoin('classes as c', 'c.id', 'e.class_id')
		.select(['u.id', 'u.full_name', 'u.erased_at', 'p.birth_date', 'c.name', 'e.ended_on'])
		.where('u.role', '=', 'student')
		.where('u.school_id', '=', schoolId)
		.orderBy('u.id')
		.orderBy('e.started_on')
		.execute();
	const byId = new Map<
		number,
		{
			id: number;
			fullName: string;
			birthDate: string | null;
			erased: boolean;
			open: string[];
			past: string[];
		}
	>();
	for (const r of rows) {
		const p = byId.get(r.id) ?? {
			id: r.id,
			fullName: r.full_name,
			birthDate: r.birth_date,
			erased: r.erased_at !== null,
			open: [],
			past: []
		};
		if (r.name) (r.ended_on === null ? p.open : p.past).push(r.name);
		byId.set(r.id, p);
	}
	return [...byId.values()]
		.filter((p) => !p.erased && (foldKey(p.fullName).includes(q) || String(p.id) === q))
		.sort((a, b) => a.fullName.localeCompare(b.fullName, 'vi'))
		.slice(0, SEARCH_LIMIT)
		.map(({ open, past, id, fullName, birthDate }) => ({
			id,
			fullName,
			birthDate,
			classes: (open.length ? open : past.slice(-1)).join(', ')
		}));
}

/** A pupil for the admin's pages (any school), with how much of each kind an erasure would remove. */
export async function pupilSummary(db: Conn, pupilId: number) {
	if (!Number.isSafeInteger(pupilId)) return undefined;
	const u = await db
		.selectFrom('users as u')
		.leftJoin('schools as s', 's.id', 'u.school_id')
		.leftJoin('pupil_profiles as p', 'p.user_id', 'u.id')
		.select([
			'u.id',
			'u.full_name',
			'u.erased_at',
			'u.school_id',
			's.name as school',
			'p.birth_date'
		])
		.where('u.id', '=', pupilId)
		.where('u.role', '=', 'student')
		.executeTakeFirst();
	if (!u) return undefined;
	const count = async (
		table:
			'portfolio_photos' | 'portfolio_files' | 'reflections' | 'exercise_work' | 'play_drawings',
		column: 'author_id' | 'pupil_id'
	) =>
		Number(
			(
				await db
					.selectFrom(table)
					.select((eb) => eb.fn.countAll<number>().as('n'))
					.where(sql.ref(column), '=', pupilId)
					.executeTakeFirstOrThrow()
			).n
		);
	return {
		id: u.id,
		fullName: u.full_name,
		school: u.school ?? '',
		schoolId: u.school_id,
		birthDate: u.birth_date,
		erased: u.erased_at !== null,
		photos: await count('portfolio_photos', 'author_id'),
		files: await count('portfolio_files', 'author_id'),
		reflections: await count('reflections', 'pupil_id'),
		savedWork: await count('exercise_work', 'pupil_id'),
		drawings: await count('play_drawings', 'pupil_id')
	};
}
