// Test fixtures shared by the projects' specs: a school, a teacher, a class of pupils, a project with teams.
import type { Conn } from '../db';
import { createAssignment } from '../assignments/assignments';
import { createTeams } from './teams';

export async function makeSchool(db: Conn, pupilCount = 6, now = Date.now()) {
	const school = await db
		.insertInto('schools')
		.values({
			name: `Trường ${Math.random()}`,
			commune: 'Xã Đồng Đăng',
			level: 'lower_secondary',
			pilot_since: '2024-09-05',
			created_at: now
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	let year = await db
		.selectFrom('school_years')
		.select('id')
		.where('is_current', '=', 1)
		.executeTakeFirst();
	if (!year)
		year = await db
			.insertInto('school_years')
			.values({ name: '2026–2027', starts_on: '2026-09-05', ends_on: '2027-05-31', is_current: 1 })
			.returning('id')
			.executeTakeFirstOrThrow();
	const teacher = await db
		.insertInto('users')
		.values({
			role: 'teacher',
			school_id: school.id,
			username: `gv${Math.random()}`,
			full_name: 'Hoàng Thị Hoa',
			password_hash: null,
			created_at: now
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	const cls = await db
		.insertInto('classes')
		.values({
			school_id: school.id,
			school_year_id: year.id,
			grade: 6,
			name: '6A1',
			join_code: String(Math.random()).slice(2, 8),
			created_at: now
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	await db
		.insertInto('class_teachers')
		.values({ class_id: cls.id, teacher_id: teacher.id })
		.execute();
	const names = [
		'Hoàng Văn An',
		'Nông Thị Bình',
		'Lường Văn Cường',
		'Vi Thị Dung',
		'Lăng Văn Đức',
		'Hà Thị Giang',
		'Chu Văn Hải',
		'Triệu Thị Hằng'
	];
	const pupils: number[] = [];
	for (let i = 0; i < pupilCount; i++) {
		const u = await db
			.insertInto('users')
			.values({
				role: 'student',
				school_id: school.id,
				username: null,
				full_name: names[i % names.length],
				password_hash: null,
				created_at: now
			})
			.returning('id')
			.executeTakeFirstOrThrow();
		// As every pupil has: a profile with the secret of their login card.
		await db
			.insertInto('pupil_profiles')
			.values({
				user_id: u.id,
				gender: i % 2 ? 'female' : 'male',
				birth_date: null,
				ethnicity: null,
				secret_kind: 'words',
				secret: `may-${i}|bay-${i}`
			})
			.execute();
		await db
			.insertInto('enrolments')
			.values({ class_id: cls.id, pupil_id: u.id, started_on: '2026-09-05', ended_on: null })
			.execute();
		pupils.push(u.id);
	}
	return { schoolId: school.id, teacherId: teacher.id, classId: cls.id, pupils };
}

/** A project for the class, due on dueOn, with a first team of the first two pupils. */
export async function makeProject(db: Conn, opts: { dueOn?: string; opensOn?: string } = {}) {
	const s = await makeSchool(db);
	const r = await createAssignment(
		db,
		{ id: s.teacherId, schoolId: s.schoolId },
		{
			kind: 'project',
			title: 'Máy sấy hoa hồi',
			instructions: '',
			opensOn: opts.opensOn ?? '2026-10-01',
			dueOn: opts.dueOn ?? '2026-10-20',
			classIds: [s.classId],
			pupilIds: [],
			exerciseIds: [],
			lessonId: null,
			process: 'engineering',
			rubricId: null
		}
	);
	if (!r.ok) throw new Error(JSON.stringify(r.errors));
	const t = await createTeams(db, r.id, [s.pupils.slice(0, 2)]);
	if (!t.ok) throw new Error(t.error);
	return { ...s, assignmentId: r.id, teamId: t.ids[0] };
}
