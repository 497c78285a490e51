// A lease row (migration 0010's job_leases): what only one server process may do at a time (take the
// dashboard's snapshot, write a backup) is done by whoever holds the lease. A lease that was not given
// back (a process that died) expires, and another may take it over. Engine-neutral (Kysely's upsert).
import { randomUUID } from 'node:crypto';
import type { Conn } from '../db';

/** A holder name unique to one attempt of one process. */
export function newHolder(): string {
	return `${process.pid}:${randomUUID()}`;
}

/** Takes the lease `name` for `ms` unless someone else holds an unexpired one; true when taken. */
export async function acquire(
	db: Conn,
	name: string,
	holder: string,
	ms: number,
	now = Date.now()
): Promise<boolean> {
	await db
		.insertInto('job_leases')
		.values({ name, holder, expires_at: now + ms })
		.onConflict((oc) =>
			oc
				.column('name')
				.doUpdateSet({ holder, expires_at: now + ms })
				.where('job_leases.expires_at', '<=', now)
		)
		.execute();
	const row = await db
		.selectFrom('job_leases')
		.select('holder')
		.where('name', '=', name)
		.executeTakeFirst();
	return row?.holder === holder;
}

/** Gives the lease back (only the holder can). */
export async function release(db: Conn, name: string, holder: string): Promise<void> {
	await db.deleteFrom('job_leases').where('name', '=', name).where('holder', '=', holder).execute();
}
