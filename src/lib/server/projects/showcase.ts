// The public showcase (triển lãm dự án). A project is public only while it is proposed AND every
// member of its team has a standing consent (parent and pupil agreed, who recorded it, when).
// Withdrawing one consent unpublishes it at once: the check runs on every request, nothing is cached.
import type { Conn } from '../db';
import { firstName, getTeam, type Team } from './teams';
import { record, type Actor, type AuditAction } from '../audit/log';

/** Records a showcase action on a team, under the team's school. */
async function audit(
	db: Conn,
	by: Actor,
	teamId: number,
	action: AuditAction,
	detail: Record<string, number> | null,
	now: number
) {
	const team = await db
		.selectFrom('teams')
		.innerJoin('classes', 'classes.id', 'teams.class_id')
		.select('classes.school_id')
		.where('teams.id', '=', teamId)
		.executeTakeFirst();
	await record(
		db,
		by,
		{ action, target: { type: 'team', id: teamId }, schoolId: team?.school_id ?? null, detail },
		now
	);
}

export type ShowcaseError = 'not_submitted' | 'not_member' | 'not_agreed' | 'not_proposed';

export async function propose(
	db: Conn,
	teamId: number,
	by: Actor,
	now = Date.now()
): Promise<{ ok: true } | { ok: false; error: ShowcaseError }> {
	const handedIn = await db
		.selectFrom('submissions')
		.select('id')
		.where('team_id', '=', teamId)
		.where('step_key', 'is', null)
		.executeTakeFirst();
	if (!handedIn) return { ok: false, error: 'not_submitted' };
	await db
		.insertInto('showcase_entries')
		.values({
			team_id: teamId,
			proposed_by: by.id!,
			proposed_at: now,
			featured_by: null,
			featured_at: null
		})
		.onConflict((oc) => oc.column('team_id').doNothing())
		.execute();
	await audit(db, by, teamId, 'project.published', null, now);
	return { ok: true };
}

export async function unpropose(db: Conn, by: Actor, teamId: number, now = Date.now()) {
	await db.deleteFrom('showcase_entries').where('team_id', '=', teamId).execute();
	await audit(db, by, teamId, 'project.unpublished', null, now);
}

/** Records that the parent and the pupil agreed; both must have, or nothing is recorded. */
export async function recordConsent(
	db: Conn,
	team: Team,
	pupilId: number,
	agreed: { parent: boolean; pupil: boolean },
	by: Actor,
	now = Date.now()
): Promise<{ ok: true } | { ok: false; error: ShowcaseError }> {
	if (!team.members.some((m) => m.id === pupilId)) return { ok: false, error: 'not_member' };
	if (!agreed.parent || !agreed.pupil) return { ok: false, error: 'not_agreed' };
	await endConsent(db, team.id, pupilId, by, now);
	await db
		.insertInto('showcase_consents')
		.values({
			team_id: team.id,
			pupil_id: pupilId,
			parent_agreed: 1,
			pupil_agreed: 1,
			recorded_by: by.id!,
			recorded_at: now,
			withdrawn_by: null,
			withdrawn_at: null
		})
		.execute();
	await audit(db, by, team.id, 'consent.recorded', { pupilId }, now);
	return { ok: true };
}

/** Ends the pupil's standing consent (a new one replaces it, or none: withdrawn). */
async function endConsent(db: Conn, teamId: number, pupilId: number, by: Actor, now: number) {
	const ended = await db
		.updateTable('showcase_consents')
		.set({ withdrawn_by: by.id!, withdrawn_at: now })
		.where('team_id', '=', teamId)
		.where('pupil_id', '=', pupilId)
		.where('withdrawn_at', 'is', null)
		.executeTakeFirst();
	return Number(ended.numUpdatedRows) > 0;
}

export async function withdrawConsent(
	db: Conn,
	teamId: number,
	pupilId: number,
	by: Actor,
	now = Date.now()
) {
	if (await endConsent(db, teamId, pupilId, by, now))
		await audit(db, by, teamId, 'consent.withdrawn', { pupilId }, now);
}

export interface ConsentView {
	pupilId: number;
	recordedBy: string;
	recordedAt: number;
}

/** Standing consents of a team, one per pupil at most. */
export async function standingConsents(db: Conn, teamId: number): Promise<ConsentView[]> {
	const rows = await db
		.selectFrom('showcase_consents')
		.innerJoin('users', 'users.id', 'showcase_consents.recorded_by')
		.select(['pupil_id', 'users.full_name', 'recorded_at'])
		.where('team_id', '=', teamId)
		.where('withdrawn_at', 'is', null)
		.where('parent_agreed', '=', 1)
		.where('pupil_agreed', '=', 1)
		.execute();
	return rows.map((r) => ({
		pupilId: r.pupil_id,
		recordedBy: r.full_name,
		recordedAt: r.recorded_at
	}));
}

export async function getEntry(db: Conn, teamId: number) {
	return db
		.selectFrom('showcase_entries')
		.selectAll()
		.where('team_id', '=', teamId)
		.executeTakeFirst();
}

/** The rule of the showcase: proposed, a team with members, and each member's consent standing. */
export async function isPublic(db: Conn, teamId: number): Promise<boolean> {
	const [entry, team, consents] = await Promise.all([
		getEntry(db, teamId),
		getTeam(db, teamId),
		standingConsents(db, teamId)
	]);
	if (!entry || !team || !team.members.length) return false;
	return team.members.every((m) => consents.some((c) => c.pupilId === m.id));
}

/** A public project's entries and photos, in the order they were added (for its public page). */
export async function publicContent(db: Conn, teamId: number) {
	const [entries, photos] = await Promise.all([
		db
			.selectFrom('portfolio_entries')
			.select(['id', 'step_key', 'author_id', 'body_html'])
			.where('team_id', '=', teamId)
			.orderBy('id')
			.execute(),
		db
			.selectFrom('portfolio_photos')
			.select(['id', 'step_key', 'caption', 'author_id'])
			.where('team_id', '=', teamId)
			.orderBy('id')
			.execute()
	]);
	return { entries, photos };
}

export interface PublicProject {
	teamId: number;
	title: string;
	schoolName: string;
	className: string;
	firstNames: string[];
	featured: boolean;
	coverPhotoId: number | null;
}

async function toPublic(
	db: Conn,
	teamId: number,
	featured: boolean
): Promise<PublicProject | undefined> {
	const team = await getTeam(db, teamId);
	if (!team) return undefined;
	const a = await db
		.selectFrom('assignments')
		.select('title')
		.where('id', '=', team.assignmentId)
		.executeTakeFirstOrThrow();
	const cover = await db
		.selectFrom('portfolio_photos')
		.select('id')
		.where('team_id', '=', teamId)
		.orderBy('id', 'desc')
		.executeTakeFirst();
	return {
		teamId,
		title: a.title,
		schoolName: team.schoolName,
		className: team.className,
		firstNames: team.members.map((m) => firstName(m.fullName)),
		featured,
		coverPhotoId: cover?.id ?? null
	};
}

/** Every public project, featured ones first, newest first. */
export async function listPublic(db: Conn): Promise<PublicProject[]> {
	const entries = await db
		.selectFrom('showcase_entries')
		.selectAll()
		.orderBy('proposed_at', 'desc')
		.execute();
	const out: PublicProject[] = [];
	for (const e of entries) {
		if (!(await isPublic(db, e.team_id))) continue;
		const p = await toPublic(db, e.team_id, e.featured_at !== null);
		if (p) out.push(p);
	}
	return out.sort((a, b) => Number(b.featured) - Number(a.featured));
}

export async function getPublic(db: Conn, teamId: number): Promise<PublicProject | undefined> {
	const entry = await getEntry(db, teamId);
	if (!entry || !(await isPublic(db, teamId))) return undefined;
	return toPublic(db, teamId, entry.featured_at !== null);
}

/** Every proposed project with whether it is public: what the department sees before featuring. */
export async function listProposed(db: Conn) {
	const entries = await db
		.selectFrom('showcase_entries')
		.selectAll()
		.orderBy('proposed_at', 'desc')
		.execute();
	const out: (PublicProject & { isPublic: boolean })[] = [];
	for (const e of entries) {
		const p = await toPublic(db, e.team_id, e.featured_at !== null);
		if (p) out.push({ ...p, isPublic: await isPublic(db, e.team_id) });
	}
	return out;
}

export async function setFeatured(
	db: Conn,
	teamId: number,
	featured: boolean,
	by: Actor,
	now = Date.now()
) {
	await db
		.updateTable('showcase_entries')
		.set(
			featured ? { featured_by: by.id, featured_at: now } : { featured_by: null, featured_at: null }
		)
		.where('team_id', '=', teamId)
		.execute();
	await audit(db, by, teamId, featured ? 'project.featured' : 'project.unfeatured', null, now);
}
