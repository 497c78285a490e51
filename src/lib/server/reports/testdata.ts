// A small hand-made pilot with known answers, for the indicator and survey tests (not used by the app).
// Two schools: A (primary, Xã Chi Lăng) with class 4A of 12 pupils (10 girls, 2 boys);
// B (lower secondary, Xã Đồng Đăng) with class 6A of 8 pupils (4 girls, 4 boys).
import type { DB } from '../db';
import type { Scope } from './scope';

export const NOW = Date.parse('2026-02-20T12:00:00Z');
const at = (iso: string) => Date.parse(iso + 'T08:00:00Z');

export interface TestPilot {
	yearId: number;
	schoolA: number;
	schoolB: number;
	class4A: number;
	class6A: number;
	teacherA: number;
	teacherB: number;
	pupilsA: number[];
	pupilsB: number[];
	scope: (extra?: Partial<Scope>) => Scope;
}

export async function buildTestPilot(db: DB): Promise<TestPilot> {
	const year = await db
		.insertInto('school_years')
		.values({ name: '2025–2026', starts_on: '2025-09-05', ends_on: '2026-05-31', is_current: 1 })
		.returning('id')
		.executeTakeFirstOrThrow();
	const school = (name: string, commune: string, level: 'primary' | 'lower_secondary') =>
		db
			.insertInto('schools')
			.values({ name, commune, level, pilot_since: '2025-09-05', created_at: 0 })
			.returning('id')
			.executeTakeFirstOrThrow();
	const A = await school('TH A', 'Xã Chi Lăng', 'primary');
	const B = await school('THCS B', 'Xã Đồng Đăng', 'lower_secondary');
	const cls = (schoolId: number, grade: number, name: string) =>
		db
			.insertInto('classes')
			.values({
				school_id: schoolId,
				school_year_id: year.id,
				grade,
				name,
				join_code: name + 'XYZ',
				created_at: 0
			})
			.returning('id')
			.executeTakeFirstOrThrow();
	const c4 = await cls(A.id, 4, '4A');
	const c6 = await cls(B.id, 6, '6A');
	const user = (role: 'teacher' | 'student', schoolId: number, name: string) =>
		db
			.insertInto('users')
			.values({
				role,
				school_id: schoolId,
				username: role === 'teacher' ? name : null,
				full_name: name,
				created_at: 0
			})
			.returning('id')
			.executeTakeFirstOrThrow();
	const tA = await user('teacher', A.id, 't.a');
	const tB = await user('teacher', B.id, 't.b');
	await db
		.insertInto('class_teachers')
		.values([
			{ class_id: c4.id, teacher_id: tA.id },
			{ class_id: c6.id, teacher_id: tB.id }
		])
		.execute();
	const pupils = async (schoolId: number, classId: number, n: number, girls: number) => {
		const ids: number[] = [];
		for (let i = 0; i < n; i++) {
			const u = await user('student', schoolId, `Pupil ${classId}-${i}`);
			await db
				.insertInto('pupil_profiles')
				.values({
					user_id: u.id,
					gender: i < girls ? 'female' : 'male',
					ethnicity: i % 2 ? 'Tày' : 'Nùng',
					secret_kind: 'words',
					secret: 'a b',
					birth_date: null
				})
				.execute();
			await db
				.insertInto('enrolments')
				.values({ class_id: classId, pupil_id: u.id, started_on: '2025-09-05', ended_on: null })
				.execute();
			ids.push(u.id);
		}
		return ids;
	};
	const pA = await pupils(A.id, c4.id, 12, 10);
	const pB = await pupils(B.id, c6.id, 8, 4);

	const e1 = await db
		.insertInto('exercises')
		.values({
			title: 'Vòng lặp',
			kind: 'maze',
			grade: 4,
			concept: 'loops',
			status: 'published',
			author_id: tA.id,
			school_id: A.id,
			created_at: at('2025-09-20'),
			updated_at: 0
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	const e2 = await db
		.insertInto('exercises')
		.values({
			title: 'Rẽ nhánh',
			kind: 'io',
			grade: 6,
			concept: 'conditions',
			status: 'published',
			author_id: null,
			school_id: null,
			created_at: at('2025-09-20'),
			updated_at: 0
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	const attempt = (
		exerciseId: number,
		pupilId: number,
		classId: number,
		passed: boolean,
		stars: number,
		hints: number,
		when: string
	) =>
		db
			.insertInto('exercise_attempts')
			.values({
				exercise_id: exerciseId,
				pupil_id: pupilId,
				class_id: classId,
				passed: passed ? 1 : 0,
				stars,
				hints_used: hints,
				time_spent_ms: 60000,
				created_at: at(when)
			})
			.execute();
	// 4A, semester 1: six pass with 2 stars, six fail with one hint each.
	for (let i = 0; i < 12; i++)
		await attempt(e1.id, pA[i], c4.id, i < 6, i < 6 ? 2 : 0, i < 6 ? 0 : 1, '2025-10-10');
	// 4A, semester 2: the first pupil passes again with 3 stars.
	await attempt(e1.id, pA[0], c4.id, true, 3, 0, '2026-02-10');
	// 6A, semester 1: each pupil fails once (2 hints), then passes with 3 stars, the same week.
	for (let i = 0; i < 8; i++) {
		await attempt(e2.id, pB[i], c6.id, false, 0, 2, '2025-10-10');
		await attempt(e2.id, pB[i], c6.id, true, 3, 0, '2025-10-11');
	}
	// A pupil of 6A signed in yesterday (sessions last 30 days).
	await db
		.insertInto('sessions')
		.values({ id: 'test-session', user_id: pB[0], expires_at: NOW - 86_400_000 + 30 * 86_400_000 })
		.execute();

	const lesson = (
		title: string,
		author: number | null,
		copiedFrom: number | null,
		created: string
	) =>
		db
			.insertInto('lessons')
			.values({
				title,
				status: 'published',
				author_id: author,
				school_id: null,
				copied_from_id: copiedFrom,
				created_at: at(created),
				updated_at: 0
			})
			.returning('id')
			.executeTakeFirstOrThrow();
	const L1 = await lesson('Máy sấy hoa hồi', tA.id, null, '2025-10-01');
	const L2 = await lesson('Máy sấy hoa hồi (THCS)', tB.id, L1.id, '2026-01-15');
	const L3 = await lesson('Nhà sàn', null, null, '2025-09-01');
	const teach = (
		lessonId: number,
		classId: number,
		teacherId: number,
		on: string,
		periods: number
	) =>
		db
			.insertInto('lesson_teachings')
			.values({
				lesson_id: lessonId,
				class_id: classId,
				teacher_id: teacherId,
				taught_on: on,
				periods,
				created_at: 0
			})
			.execute();
	await teach(L1.id, c4.id, tA.id, '2025-10-15', 2);
	await teach(L3.id, c4.id, tA.id, '2025-11-15', 1);
	await teach(L1.id, c4.id, tA.id, '2026-02-01', 2);
	await teach(L2.id, c6.id, tB.id, '2026-02-02', 3);
	await db
		.insertInto('progress_lesson_plans')
		.values([
			{ class_id: c4.id, semester: 1, planned_lessons: 4, updated_by: tA.id, updated_at: 0 },
			{ class_id: c4.id, semester: 2, planned_lessons: 4, updated_by: tA.id, updated_at: 0 },
			{ class_id: c6.id, semester: 2, planned_lessons: 2, updated_by: tB.id, updated_at: 0 }
		])
		.execute();

	return {
		yearId: year.id,
		schoolA: A.id,
		schoolB: B.id,
		class4A: c4.id,
		class6A: c6.id,
		teacherA: tA.id,
		teacherB: tB.id,
		pupilsA: pA,
		pupilsB: pB,
		scope: (extra = {}) => ({
			yearId: year.id,
			yearStartsOn: '2025-09-05',
			yearEndsOn: '2026-05-31',
			period: 'year',
			...extra
		})
	};
}

// Projects for the project indicators: an assignment (a project has the steps ask and build), a team with
// the steps it handed in (null: the whole project), a review.
export async function addProject(
	db: DB,
	schoolId: number,
	teacherId: number,
	kind: 'project' | 'exercises',
	created: string,
	due: string
) {
	const a = await db
		.insertInto('assignments')
		.values({
			school_id: schoolId,
			teacher_id: teacherId,
			kind,
			title: 'P',
			instructions: '',
			lesson_id: null,
			process: kind === 'project' ? 'engineering' : null,
			rubric_json: null,
			opens_on: created,
			due_on: due,
			closed_at: null,
			created_at: at(created)
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	if (kind === 'project')
		await db
			.insertInto('project_steps')
			.values([
				{ assignment_id: a.id, position: 0, key: 'ask', label: 'Hỏi' },
				{ assignment_id: a.id, position: 1, key: 'build', label: 'Làm' }
			])
			.execute();
	return a.id;
}

export async function addTeam(
	db: DB,
	assignmentId: number,
	classId: number,
	pupils: number[],
	steps: (string | null)[],
	when: string
) {
	const tm = await db
		.insertInto('teams')
		.values({ assignment_id: assignmentId, class_id: classId, name: 'N', created_at: 0 })
		.returning('id')
		.executeTakeFirstOrThrow();
	await db
		.insertInto('team_members')
		.values(pupils.map((p) => ({ team_id: tm.id, assignment_id: assignmentId, pupil_id: p })))
		.execute();
	for (const s of steps)
		await db
			.insertInto('submissions')
			.values({ team_id: tm.id, step_key: s, submitted_by: pupils[0], submitted_at: at(when) })
			.execute();
	return tm.id;
}

/** A review on `when` with the team's points per criterion (out of 4), and pupils' adjusted points. */
export async function addReview(
	db: DB,
	teamId: number,
	reviewer: number,
	when: string,
	points: number[],
	adjusted: { pupil: number; criterion: number; points: number }[] = []
) {
	const r = await db
		.insertInto('reviews')
		.values({
			team_id: teamId,
			reviewer_id: reviewer,
			feedback: '',
			total: points.reduce((a, b) => a + b, 0),
			max_total: 4 * points.length,
			returned_at: at(when),
			created_at: at(when)
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	await db
		.insertInto('review_scores')
		.values([
			...points.map((p, i) => ({
				review_id: r.id,
				criterion: i,
				criterion_title: i === 0 ? 'Thiết kế' : 'Hợp tác',
				pupil_id: null,
				points: p,
				max_points: 4
			})),
			...adjusted.map((a) => ({
				review_id: r.id,
				criterion: a.criterion,
				criterion_title: 'Hợp tác',
				pupil_id: a.pupil,
				points: a.points,
				max_points: 4
			}))
		])
		.execute();
}
