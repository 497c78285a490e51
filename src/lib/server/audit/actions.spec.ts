// Every sensitive action writes its audit entry: who, what, on which record, which school, from
// where, with ids only (never a child's name, a birth date or a secret).
import { beforeEach, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../db/testing';
import type { DB } from '../db';
import { makeProject, makeSchool } from '../projects/testing';
import { addPupil, movePupil, resetSecret } from '../classes/pupils';
import { applyRosterUpdate } from '../classes/roster-update';
import { loginCards } from '../classes/cards';
import { createStaff, setDisabled, setPassword } from '../auth/accounts';
import { signInStaff } from '../auth/signin';
import { returnReview } from '../projects/reviews';
import {
	propose,
	recordConsent,
	setFeatured,
	unpropose,
	withdrawConsent
} from '../projects/showcase';
import { getTeam } from '../projects/teams';
import { submit } from '../portfolios/portfolio';
import { exportClassGrid } from '../progress/grid-book';
import * as lessons from '../curriculum/lessons';
import { makeSchoolAndUsers, sampleLesson } from '../curriculum/testing';
import type { Actor } from './log';

let db: DB;
const teacherAt = (id: number): Actor => ({ id, role: 'teacher', address: '10.1.2.3' });

async function entries() {
	return db.selectFrom('audit_log').selectAll().orderBy('id').execute();
}

/** No entry may hold a pupil's name or a secret: the whole row, as text, is searched. */
async function expectNoPersonalData(words: string[]) {
	const text = JSON.stringify(await entries());
	for (const w of words) expect(text).not.toContain(w);
}

beforeEach(() => {
	db = openTestDatabase().db;
});

describe('audit entries of pupils and classes', () => {
	it('adding, importing, moving, resetting a secret and printing cards are each recorded', async () => {
		const s = await makeSchool(db, 0);
		const cls = { id: s.classId, schoolId: s.schoolId, grade: 6 };
		const by = teacherAt(s.teacherId);
		const pupil = await addPupil(db, by, cls, {
			fullName: 'Nông Thị Bình',
			gender: 'female',
			birthDate: '2015-03-04',
			ethnicity: 'Tày'
		});
		const r = await applyRosterUpdate(
			db,
			by,
			cls,
			[{ line: 2, fullName: 'Hà Văn Giang', gender: 'male', birthDate: null, ethnicity: null }],
			[]
		);
		expect(r.ok).toBe(true);
		await resetSecret(db, by, cls, pupil);
		const other = await db
			.insertInto('classes')
			.values({
				school_id: s.schoolId,
				school_year_id: 1,
				grade: 6,
				name: '6A2',
				join_code: 'K7M2Q9',
				created_at: 0
			})
			.returning('id')
			.executeTakeFirstOrThrow();
		await movePupil(db, by, cls, pupil, other.id);
		const cards = await loginCards(db, by, { id: other.id, schoolId: s.schoolId });
		await exportClassGrid(db, by, { ...cls, name: '6A1', schoolName: 'Trường' });

		const rows = await entries();
		expect(rows.map((e) => [e.action, e.target_type, e.school_id, e.actor_id])).toEqual([
			['pupil.created', 'user', s.schoolId, s.teacherId],
			['pupil.created', 'user', s.schoolId, s.teacherId],
			['class.roster_imported', 'class', s.schoolId, s.teacherId],
			['pupil.secret_reset', 'user', s.schoolId, s.teacherId],
			['pupil.moved', 'user', s.schoolId, s.teacherId],
			['class.cards_printed', 'class', s.schoolId, s.teacherId],
			['export.class_grid', 'class', s.schoolId, s.teacherId]
		]);
		expect(rows.every((e) => e.address === '10.1.2.3' && e.actor_role === 'teacher')).toBe(true);
		expect(rows[0].target_id).toBe(pupil);
		expect(JSON.parse(rows[4].detail!)).toEqual({ fromClassId: s.classId, toClassId: other.id });
		expect(JSON.parse(rows[2].detail!)).toEqual({ added: 1, changed: 0, left: 0 });
		const secrets = (await db.selectFrom('pupil_profiles').select('secret').execute()).map(
			(p) => p.secret
		);
		expect(cards).toHaveLength(1);
		await expectNoPersonalData(['Nông Thị Bình', 'Hà Văn Giang', '2015-03-04', 'Tày', ...secrets]);
	});
});

describe('audit entries of staff accounts', () => {
	it('sign-ins, failed ones, accounts created, reset, disabled and enabled', async () => {
		const s = await makeSchool(db, 0);
		const admin = { id: 999, role: 'admin' as const, address: '10.0.0.1' };
		const created = await createStaff(db, admin, {
			role: 'teacher',
			username: 'gv.lan',
			fullName: 'Lăng Thị Lan',
			schoolId: s.schoolId,
			password: 'Mau-Son-lanh-2026'
		});
		if (!created.ok) throw new Error('setup');
		await setPassword(db, admin, created.id, 'Ky-Cung-mua-lu-9');
		await setPassword(
			db,
			{ id: created.id, role: 'teacher', address: '10.0.0.2' },
			created.id,
			'cay-na-Chi-Lang-7'
		);
		expect(
			(
				await signInStaff(db, {
					username: 'gv.lan',
					password: 'cay-na-Chi-Lang-7',
					address: '10.0.0.2'
				})
			).ok
		).toBe(true);
		await signInStaff(db, { username: 'gv.lan', password: 'wrong-password', address: '10.0.0.3' });
		// A typed name that is no account is not kept: it could be a password typed in the wrong box.
		await signInStaff(db, { username: 'Secret-Typed-Here', password: 'x', address: '10.0.0.4' });
		await setDisabled(db, admin, created.id, true);
		await setDisabled(db, admin, created.id, false);

		const rows = await entries();
		expect(rows.map((e) => [e.action, e.actor_id, e.target_id, e.address])).toEqual([
			['account.created', 999, created.id, '10.0.0.1'],
			['account.password_reset', 999, created.id, '10.0.0.1'],
			['auth.password_changed', created.id, created.id, '10.0.0.2'],
			['auth.signin', created.id, created.id, '10.0.0.2'],
			['auth.signin_failed', null, created.id, '10.0.0.3'],
			['auth.signin_failed', null, null, '10.0.0.4'],
			['account.disabled', 999, created.id, '10.0.0.1'],
			['account.enabled', 999, created.id, '10.0.0.1']
		]);
		expect(
			rows.filter((e) => e.target_id === created.id).every((e) => e.school_id === s.schoolId)
		).toBe(true);
		await expectNoPersonalData(['Secret-Typed-Here', 'cay-na-Chi-Lang', 'Ky-Cung', 'Mau-Son']);
	});
});

describe('audit entries of projects', () => {
	it('reviews given then changed, publishing, consents and featuring', async () => {
		const p = await makeProject(db);
		const by = teacherAt(p.teacherId);
		const team = (await getTeam(db, p.teamId))!;
		await submit(db, team, null, p.pupils[0]);
		const review = {
			teamId: p.teamId,
			criteria: [],
			scoring: { team: [], adjustments: new Map() },
			feedback: 'Tốt'
		};
		await returnReview(db, by, review);
		await returnReview(db, by, { ...review, feedback: 'Tốt hơn' });
		expect((await propose(db, p.teamId, by)).ok).toBe(true);
		await recordConsent(db, team, p.pupils[0], { parent: true, pupil: true }, by);
		await withdrawConsent(db, p.teamId, p.pupils[0], by);
		// Nothing standing: nothing withdrawn, nothing recorded.
		await withdrawConsent(db, p.teamId, p.pupils[0], by);
		const sogd = await db
			.insertInto('users')
			.values({
				role: 'department',
				school_id: null,
				username: 'sogd',
				full_name: 'Sở GD&ĐT',
				created_at: 0
			})
			.returning('id')
			.executeTakeFirstOrThrow();
		const officer = { id: sogd.id, role: 'department' as const, address: '10.9.9.9' };
		await setFeatured(db, p.teamId, true, officer);
		await setFeatured(db, p.teamId, false, officer);
		await unpropose(db, by, p.teamId);

		const rows = await entries();
		expect(rows.map((e) => [e.action, e.target_type, e.target_id, e.school_id])).toEqual(
			[
				'review.given',
				'review.changed',
				'project.published',
				'consent.recorded',
				'consent.withdrawn',
				'project.featured',
				'project.unfeatured',
				'project.unpublished'
			].map((a) => [a, 'team', p.teamId, p.schoolId])
		);
		expect(JSON.parse(rows[3].detail!)).toEqual({ pupilId: p.pupils[0] });
		expect(rows[5].actor_role).toBe('department');
	});
});

describe('audit entries of lessons', () => {
	it("the department's decisions are recorded, and a refused one is not", async () => {
		const u = await makeSchoolAndUsers(db);
		const sogd = { ...u.sogd, address: '10.5.5.5' };
		const a = await lessons.createLesson(db, u.hoa, sampleLesson());
		const b = await lessons.createLesson(db, u.hoa, sampleLesson({ title: 'Đèn pin' }));
		for (const id of [a, b]) await lessons.submitLesson(db, u.hoa, id);
		await lessons.reviewLesson(db, sogd, a, 'approve', '');
		await lessons.reviewLesson(db, sogd, b, 'return', '');
		await lessons.reviewLesson(db, sogd, b, 'return', 'Thêm tiêu chí an toàn.');
		const rows = await entries();
		expect(rows.map((e) => [e.action, e.target_id, e.actor_id, e.address])).toEqual([
			['lesson.published', a, u.sogd.id, '10.5.5.5'],
			['lesson.returned', b, u.sogd.id, '10.5.5.5']
		]);
		await expectNoPersonalData(['Thêm tiêu chí']);
	});
});
