import { actorFor } from '../audit/log';
import { describe, expect, it } from 'vitest';
import { openTestDatabase } from '../db/testing';
import { makeProject } from './testing';
import { rubricFromForm, scoreReview, startRubric } from './rubrics';
import {
	createRandomTeams,
	createTeams,
	getTeam,
	getTeamForPupil,
	randomGroups,
	firstName
} from './teams';
import {
	getPublic,
	isPublic,
	listPublic,
	propose,
	recordConsent,
	withdrawConsent
} from './showcase';
import { listReviews, returnReview } from './reviews';
import { addEntry, emptySteps, submit } from '../portfolios/portfolio';
import { markdownToHtml } from '../markdown';
import { setClosed } from '../assignments/assignments';
import { seededRandom } from '../seed/random';

const renderMarkdown = (md: string) => markdownToHtml(md, 'pupil');

describe('rubric scoring', () => {
	const rubric = startRubric([]);
	it('totals the team and applies per-pupil adjustments', () => {
		const r = scoreReview(rubric, {
			team: [4, 3, 2, 4],
			adjustments: new Map([[7, [null, 1, null, null]]])
		});
		expect(r.ok && r.result.total).toBe(13);
		expect(r.ok && r.result.max).toBe(16);
		expect(r.ok && r.result.perPupil.get(7)).toBe(11);
	});
	it('refuses points that are no level of the criterion, a missing criterion, an adjustment over the maximum', () => {
		expect(scoreReview(rubric, { team: [5, 3, 2, 4], adjustments: new Map() }).ok).toBe(false);
		expect(scoreReview(rubric, { team: [4, 3, 2], adjustments: new Map() }).ok).toBe(false);
		expect(
			scoreReview(rubric, {
				team: [4, 3, 2, 4],
				adjustments: new Map([[7, [9, null, null, null]]])
			}).ok
		).toBe(false);
	});
	it('reads the editor grid; levels must rise', () => {
		const form = new Map<string, string>([
			['title', 'Thang đo máy sấy'],
			['c0_title', 'Sản phẩm'],
			['c0_l0_desc', 'Chưa chạy'],
			['c0_l0_points', '0'],
			['c0_l1_desc', 'Chạy ổn định'],
			['c0_l1_points', '2']
		]);
		const ok = rubricFromForm(form);
		expect(ok.errors).toEqual({});
		expect(ok.criteria[0].levels.map((l) => l.points)).toEqual([0, 2]);
		form.set('c0_l1_points', '0');
		expect(rubricFromForm(form).errors.criteria).toBe('invalid');
	});
	it('keeps every review of a team (the history)', async () => {
		const { db } = openTestDatabase();
		const p = await makeProject(db);
		for (const [team, feedback] of [
			[[2, 2, 2, 2], 'Lần 1'],
			[[4, 3, 3, 4], 'Lần 2']
		] as const)
			expect(
				(
					await returnReview(db, actorFor(p.teacherId), {
						teamId: p.teamId,
						criteria: rubric,
						scoring: { team: [...team], adjustments: new Map() },
						feedback
					})
				).ok
			).toBe(true);
		const h = await listReviews(db, p.teamId);
		expect(h.map((r) => [r.feedback, r.total])).toEqual([
			['Lần 2', 14],
			['Lần 1', 8]
		]);
		expect(h[0].scores).toHaveLength(4);
	});

	it("stores each criterion's points for the team, and a pupil's own where adjusted", async () => {
		const { db } = openTestDatabase();
		const p = await makeProject(db);
		const adjustments = new Map([[p.pupils[1], [null, 4, null, null]]]);
		const r = await returnReview(db, actorFor(p.teacherId), {
			teamId: p.teamId,
			criteria: rubric,
			scoring: { team: [2, 3, 3, 2], adjustments },
			feedback: ''
		});
		expect(r.ok).toBe(true);
		const [review] = await listReviews(db, p.teamId);
		const points = review.scores.map((s) => [s.title, s.pupilId, s.points, s.maxPoints]);
		const t = rubric.map((c) => c.title);
		expect(points).toEqual([
			[t[0], null, 2, 4],
			[t[1], null, 3, 4],
			[t[1], p.pupils[1], 4, 4],
			[t[2], null, 3, 4],
			[t[3], null, 2, 4]
		]);
	});
});

describe('teams', () => {
	it('2 to 6 pupils, each in one team only', async () => {
		const { db } = openTestDatabase();
		const p = await makeProject(db);
		expect(await createTeams(db, p.assignmentId, [[p.pupils[2]]])).toEqual({
			ok: false,
			error: 'size'
		});
		expect(await createTeams(db, p.assignmentId, [[p.pupils[0], p.pupils[2]]])).toEqual({
			ok: false,
			error: 'already_in_team'
		});
		expect(await createTeams(db, p.assignmentId, [[p.pupils[2], 999999]])).toEqual({
			ok: false,
			error: 'not_target'
		});
	});
	it('random teams: everyone without a team, sizes within 2–6', async () => {
		for (const [n, size] of [
			[3, 2],
			[7, 6],
			[30, 4],
			[13, 6]
		]) {
			const groups = randomGroups(
				Array.from({ length: n }, (_, i) => i),
				size,
				seededRandom(n).next
			);
			expect(groups.flat().sort((a, b) => a - b)).toEqual(Array.from({ length: n }, (_, i) => i));
			for (const g of groups)
				expect(g.length >= 2 && g.length <= 6, `${n}/${size}: ${g.length}`).toBe(true);
		}
		const { db } = openTestDatabase();
		const p = await makeProject(db);
		const r = await createRandomTeams(db, p.assignmentId, 2, seededRandom(1));
		expect(r.ok && r.ids.length).toBe(2); // the 4 pupils left, in teams of 2
	});
	it("a pupil of another team does not get this team's portfolio", async () => {
		const { db } = openTestDatabase();
		const p = await makeProject(db);
		expect(await getTeamForPupil(db, p.teamId, p.pupils[0])).toBeDefined();
		expect(await getTeamForPupil(db, p.teamId, p.pupils[3])).toBeUndefined();
	});
	it('a closed project takes no more entries or submissions', async () => {
		const { db } = openTestDatabase();
		const p = await makeProject(db);
		const team = { id: p.teamId, assignmentId: p.assignmentId };
		await setClosed(db, p.assignmentId, true);
		expect(await addEntry(db, team, 'problem', p.pupils[0], 'x')).toEqual({
			ok: false,
			error: 'closed'
		});
		expect(await submit(db, team, null, p.pupils[0])).toEqual({ ok: false, error: 'closed' });
	});
});

describe('markdown', () => {
	it('keeps tables, drops scripts and javascript: links', () => {
		const html = renderMarkdown(
			'| lần | nhiệt độ |\n|---|---|\n| 1 | 45 |\n\n<script>alert(1)</script> [x](javascript:alert(1)) <img src=x onerror=alert(1)>'
		);
		expect(html).toContain('<table>');
		expect(html).not.toMatch(/<script|href="javascript|onerror|<img/);
		expect(renderMarkdown('[bấm](javascript:alert(1))')).not.toContain('javascript');
	});
});

describe('showcase consent', () => {
	async function finished() {
		const { db } = openTestDatabase();
		const p = await makeProject(db);
		await submit(db, { id: p.teamId, assignmentId: p.assignmentId }, null, p.pupils[0]);
		return { db, p };
	}
	it('needs a handed-in project to be proposed', async () => {
		const { db } = openTestDatabase();
		const p = await makeProject(db);
		expect(await propose(db, p.teamId, actorFor(p.teacherId))).toEqual({
			ok: false,
			error: 'not_submitted'
		});
	});
	it('hidden until every member consented, parent and pupil; then first names only', async () => {
		const { db, p } = await finished();
		const team = (await getTeam(db, p.teamId))!;
		expect((await propose(db, p.teamId, actorFor(p.teacherId))).ok).toBe(true);
		expect(await isPublic(db, p.teamId)).toBe(false);
		expect(
			await recordConsent(
				db,
				team,
				p.pupils[0],
				{ parent: true, pupil: false },
				actorFor(p.teacherId)
			)
		).toEqual({ ok: false, error: 'not_agreed' });
		expect(
			await recordConsent(
				db,
				team,
				p.pupils[3],
				{ parent: true, pupil: true },
				actorFor(p.teacherId)
			)
		).toEqual({ ok: false, error: 'not_member' });
		await recordConsent(
			db,
			team,
			p.pupils[0],
			{ parent: true, pupil: true },
			actorFor(p.teacherId)
		);
		expect(await isPublic(db, p.teamId)).toBe(false); // one member still missing
		await recordConsent(
			db,
			team,
			p.pupils[1],
			{ parent: true, pupil: true },
			actorFor(p.teacherId)
		);
		expect(await isPublic(db, p.teamId)).toBe(true);
		const pub = (await getPublic(db, p.teamId))!;
		expect(pub.firstNames).toEqual(team.members.map((m) => firstName(m.fullName)));
		expect(JSON.stringify(pub)).not.toContain(team.members[0].fullName);
		const row = await db
			.selectFrom('showcase_consents')
			.selectAll()
			.where('pupil_id', '=', p.pupils[0])
			.executeTakeFirstOrThrow();
		expect(row.recorded_by).toBe(p.teacherId);
		expect(row.recorded_at).toBeGreaterThan(0);
	});
	it('withdrawing one consent unpublishes at once', async () => {
		const { db, p } = await finished();
		const team = (await getTeam(db, p.teamId))!;
		await propose(db, p.teamId, actorFor(p.teacherId));
		for (const m of team.members)
			await recordConsent(db, team, m.id, { parent: true, pupil: true }, actorFor(p.teacherId));
		expect(await listPublic(db)).toHaveLength(1);
		await withdrawConsent(db, p.teamId, p.pupils[1], actorFor(p.teacherId));
		expect(await listPublic(db)).toHaveLength(0);
		expect(await getPublic(db, p.teamId)).toBeUndefined();
	});
	it('a pupil added to the team later must consent too', async () => {
		const { db, p } = await finished();
		const team = (await getTeam(db, p.teamId))!;
		await propose(db, p.teamId, actorFor(p.teacherId));
		for (const m of team.members)
			await recordConsent(db, team, m.id, { parent: true, pupil: true }, actorFor(p.teacherId));
		await db
			.insertInto('team_members')
			.values({ team_id: p.teamId, assignment_id: p.assignmentId, pupil_id: p.pupils[4] })
			.execute();
		expect(await isPublic(db, p.teamId)).toBe(false);
	});
});

describe('handing in a whole project', () => {
	it('names the steps still empty, in order; a step with an entry is not', async () => {
		const { db } = openTestDatabase();
		const p = await makeProject(db);
		const team = (await getTeam(db, p.teamId))!;
		const before = await emptySteps(db, team);
		expect(before.length).toBeGreaterThan(2);
		const [first, second] = before;
		expect((await addEntry(db, team, second.key, p.pupils[0], 'Bản vẽ máy sấy')).ok).toBe(true);
		const after = await emptySteps(db, team);
		expect(after.map((s) => s.key)).toEqual(
			before.filter((s) => s.key !== second.key).map((s) => s.key)
		);
		expect(after[0]).toEqual(first);
	});
});
