// Project teams (nhóm) of 2–6 pupils of one class, formed by hand or at random.
import type { Conn } from '../db';
import type { Random } from '../seed/random';
import { targetPupils } from '../assignments/assignments';

export const TEAM_MIN = 2;
export const TEAM_MAX = 6;

export interface Team {
	id: number;
	assignmentId: number;
	classId: number;
	className: string;
	schoolName: string;
	name: string;
	members: { id: number; fullName: string }[];
}

export type TeamError = 'size' | 'not_target' | 'already_in_team' | 'mixed_classes';

/**
 * Makes teams from groups of pupil ids. Every pupil must be one the project is for, in no team yet,
 * and a team's pupils share a class; the caller runs it in a transaction.
 */
export async function createTeams(
	db: Conn,
	assignmentId: number,
	groups: number[][],
	now = Date.now()
): Promise<{ ok: true; ids: number[] } | { ok: false; error: TeamError }> {
	const targets = await targetPupils(db, assignmentId);
	const taken = new Set(
		(
			await db
				.selectFrom('team_members')
				.select('pupil_id')
				.where('assignment_id', '=', assignmentId)
				.execute()
		).map((r) => r.pupil_id)
	);
	const seen = new Set<number>();
	for (const g of groups) {
		if (g.length < TEAM_MIN || g.length > TEAM_MAX) return { ok: false, error: 'size' };
		const classIds = new Set<number>();
		for (const p of g) {
			const t = targets.find((x) => x.id === p);
			if (!t) return { ok: false, error: 'not_target' };
			if (taken.has(p) || seen.has(p)) return { ok: false, error: 'already_in_team' };
			seen.add(p);
			classIds.add(t.classId);
		}
		if (classIds.size !== 1) return { ok: false, error: 'mixed_classes' };
	}
	const existing = await db
		.selectFrom('teams')
		.select('id')
		.where('assignment_id', '=', assignmentId)
		.execute();
	const ids: number[] = [];
	let n = existing.length;
	for (const g of groups) {
		const classId = targets.find((x) => x.id === g[0])!.classId;
		n++;
		const row = await db
			.insertInto('teams')
			.values({
				assignment_id: assignmentId,
				class_id: classId,
				name: `Nhóm ${n}`,
				created_at: now
			})
			.returning('id')
			.executeTakeFirstOrThrow();
		await db
			.insertInto('team_members')
			.values(g.map((p) => ({ team_id: row.id, assignment_id: assignmentId, pupil_id: p })))
			.execute();
		ids.push(row.id);
	}
	return { ok: true, ids };
}

/** Splits pupils into as many teams of about `size` as fit, sizes differing by at most one, none under 2. */
export function randomGroups(
	pupilIds: number[],
	size: number,
	random: () => number = Math.random
): number[][] {
	const ids = [...pupilIds];
	for (let i = ids.length - 1; i > 0; i--) {
		const j = Math.floor(random() * (i + 1));
		[ids[i], ids[j]] = [ids[j], ids[i]];
	}
	if (ids.length < TEAM_MIN) return [];
	let k = Math.ceil(ids.length / size);
	if (Math.floor(ids.length / k) < TEAM_MIN) k = Math.max(1, k - 1);
	const groups: number[][] = Array.from({ length: k }, () => []);
	ids.forEach((id, i) => groups[i % k].push(id));
	return groups;
}

/** Random teams, class by class, of the pupils who have none yet. */
export async function createRandomTeams(
	db: Conn,
	assignmentId: number,
	size: number,
	rng?: Random,
	now = Date.now()
) {
	if (!Number.isInteger(size) || size < TEAM_MIN || size > TEAM_MAX)
		return { ok: false as const, error: 'size' as TeamError };
	const taken = new Set(
		(
			await db
				.selectFrom('team_members')
				.select('pupil_id')
				.where('assignment_id', '=', assignmentId)
				.execute()
		).map((r) => r.pupil_id)
	);
	const free = (await targetPupils(db, assignmentId)).filter((p) => !taken.has(p.id));
	const groups: number[][] = [];
	for (const classId of new Set(free.map((p) => p.classId)))
		groups.push(
			...randomGroups(
				free.filter((p) => p.classId === classId).map((p) => p.id),
				size,
				rng?.next
			)
		);
	return createTeams(db, assignmentId, groups, now);
}

/** Dissolves a team that has no work yet; a team with work is kept (its portfolio matters). */
export async function deleteEmptyTeam(db: Conn, teamId: number): Promise<boolean> {
	const [e, p] = await Promise.all([
		db
			.selectFrom('portfolio_entries')
			.select('id')
			.where('team_id', '=', teamId)
			.executeTakeFirst(),
		db.selectFrom('portfolio_photos').select('id').where('team_id', '=', teamId).executeTakeFirst()
	]);
	if (e || p) return false;
	await db.deleteFrom('team_members').where('team_id', '=', teamId).execute();
	await db.deleteFrom('teams').where('id', '=', teamId).execute();
	return true;
}

export async function listTeams(db: Conn, assignmentId: number): Promise<Team[]> {
	const teams = await db
		.selectFrom('teams')
		.innerJoin('classes', 'classes.id', 'teams.class_id')
		.innerJoin('schools', 'schools.id', 'classes.school_id')
		.select([
			'teams.id',
			'teams.assignment_id',
			'teams.class_id',
			'teams.name',
			'classes.name as class_name',
			'schools.name as school_name'
		])
		.where('teams.assignment_id', '=', assignmentId)
		.orderBy('teams.id')
		.execute();
	return withMembers(db, teams);
}

export async function getTeam(db: Conn, teamId: number): Promise<Team | undefined> {
	const teams = await db
		.selectFrom('teams')
		.innerJoin('classes', 'classes.id', 'teams.class_id')
		.innerJoin('schools', 'schools.id', 'classes.school_id')
		.select([
			'teams.id',
			'teams.assignment_id',
			'teams.class_id',
			'teams.name',
			'classes.name as class_name',
			'schools.name as school_name'
		])
		.where('teams.id', '=', teamId)
		.execute();
	return (await withMembers(db, teams))[0];
}

async function withMembers(
	db: Conn,
	teams: {
		id: number;
		assignment_id: number;
		class_id: number;
		name: string;
		class_name: string;
		school_name: string;
	}[]
): Promise<Team[]> {
	if (!teams.length) return [];
	const members = await db
		.selectFrom('team_members')
		.innerJoin('users', 'users.id', 'team_members.pupil_id')
		.select(['team_members.team_id', 'users.id', 'users.full_name'])
		.where(
			'team_members.team_id',
			'in',
			teams.map((t) => t.id)
		)
		.orderBy('users.full_name')
		.execute();
	return teams.map((t) => ({
		id: t.id,
		assignmentId: t.assignment_id,
		classId: t.class_id,
		className: t.class_name,
		schoolName: t.school_name,
		name: t.name,
		members: members
			.filter((m) => m.team_id === t.id)
			.map((m) => ({ id: m.id, fullName: m.full_name }))
	}));
}

/** A pupil's team, only if they are a member: another team's id is a 404 for them. */
export async function getTeamForPupil(
	db: Conn,
	teamId: number,
	pupilId: number
): Promise<Team | undefined> {
	const team = await getTeam(db, teamId);
	return team && team.members.some((m) => m.id === pupilId) ? team : undefined;
}

/** First name only (the given name, last word of a Vietnamese name): what public pages show. */
export function firstName(fullName: string): string {
	return fullName.trim().split(/\s+/).at(-1) ?? '';
}
