// Who may see a team's photos and files: the rule behind /media/photos/[id] and /media/files/[id].
import { describe, expect, it } from 'vitest';
import { actorFor } from '../audit/log';
import { openTestDatabase } from '../db/testing';
import { submit } from '../portfolios/portfolio';
import { maySeeTeamWork, type Viewer } from './access';
import { propose, recordConsent } from './showcase';
import { getTeam } from './teams';
import { makeProject, makeSchool } from './testing';

const photos = { showcase: true };
const files = { showcase: false };

async function project() {
	const { db } = openTestDatabase();
	const p = await makeProject(db);
	const team = (await getTeam(db, p.teamId))!;
	const other = await makeSchool(db, 2);
	const as = (id: number, role: 'student' | 'teacher', schoolId: number): Viewer => ({
		id,
		role,
		schoolId
	});
	return {
		db,
		p,
		team,
		member: as(p.pupils[0], 'student', p.schoolId),
		classmate: as(p.pupils[3], 'student', p.schoolId),
		teacher: as(p.teacherId, 'teacher', p.schoolId),
		otherTeacher: as(other.teacherId, 'teacher', other.schoolId),
		otherPupil: as(other.pupils[0], 'student', other.schoolId),
		department: { id: 9_001, role: 'department', schoolId: null } as Viewer,
		admin: { id: 9_002, role: 'admin', schoolId: null } as Viewer
	};
}

describe("a team's work", () => {
	it('is seen by its members and the teachers of its project, photos and files alike', async () => {
		const { db, team, member, teacher } = await project();
		for (const kind of [photos, files]) {
			expect(await maySeeTeamWork(db, member, team, kind)).toBe(true);
			expect(await maySeeTeamWork(db, teacher, team, kind)).toBe(true);
		}
	});

	it('is hidden from a classmate of another team, another school, the admin and a visitor', async () => {
		const s = await project();
		for (const viewer of [s.classmate, s.otherTeacher, s.otherPupil, s.admin, null])
			for (const kind of [photos, files])
				expect(await maySeeTeamWork(s.db, viewer, s.team, kind)).toBe(false);
	});

	it('photos: the department once proposed to the showcase; everyone once every consent stands', async () => {
		const { db, p, team, department } = await project();
		expect(await maySeeTeamWork(db, department, team, photos)).toBe(false);
		await submit(db, { id: p.teamId, assignmentId: p.assignmentId }, null, p.pupils[0]);
		expect((await propose(db, p.teamId, actorFor(p.teacherId))).ok).toBe(true);
		expect(await maySeeTeamWork(db, department, team, photos)).toBe(true);
		expect(await maySeeTeamWork(db, null, team, photos)).toBe(false); // consents missing
		for (const m of team.members)
			await recordConsent(db, team, m.id, { parent: true, pupil: true }, actorFor(p.teacherId));
		expect(await maySeeTeamWork(db, null, team, photos)).toBe(true);
		// Files never leave the team and its teachers, showcase or not.
		expect(await maySeeTeamWork(db, null, team, files)).toBe(false);
		expect(await maySeeTeamWork(db, department, team, files)).toBe(false);
	});
});
