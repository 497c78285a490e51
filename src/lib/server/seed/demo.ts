// The demo pilot: six schools of Lạng Sơn, their teachers, classes and about 540 pupils.
// Deterministic: the same seed gives the same names, join codes and secrets everywhere.
import type { DB } from '../db';
import type { Gender, SchoolLevel } from '../db/types';
import { hashPassword } from '../auth/password';
import { addPupil } from '../classes/pupils';
import { generateJoinCode } from '../classes/classes';
import { seededRandom, type Random } from './random';
import { SYSTEM } from '../audit/log';
import { schoolYearOf } from '../reports/scope';

export { schoolYearOf };

export const DEMO_SEED = 20251;
export const DEMO_PASSWORDS = { admin: 'mamstem-admin', staff: 'mamstem-demo' };

interface DemoSchool {
	name: string;
	commune: string;
	level: SchoolLevel;
	pilotSince: string;
	classes: { grade: number; name: string }[];
	teachers: { username: string; fullName: string; classes: number[] }[];
}

export const DEMO_SCHOOLS: DemoSchool[] = [
	{
		name: 'Trường Tiểu học Chi Lăng',
		commune: 'Xã Chi Lăng',
		level: 'primary',
		pilotSince: '2024-09-05',
		classes: [
			{ grade: 3, name: '3A' },
			{ grade: 4, name: '4A' },
			{ grade: 5, name: '5A' }
		],
		teachers: [
			{ username: 'gv.lan', fullName: 'Nông Thị Lan', classes: [0, 1] },
			{ username: 'gv.tuan', fullName: 'Vi Văn Tuấn', classes: [2] }
		]
	},
	{
		name: 'Trường Tiểu học Mẫu Sơn',
		commune: 'Xã Mẫu Sơn',
		level: 'primary',
		pilotSince: '2025-09-05',
		classes: [
			{ grade: 3, name: '3A' },
			{ grade: 4, name: '4A' },
			{ grade: 5, name: '5A' }
		],
		teachers: [
			{ username: 'gv.mai', fullName: 'Triệu Thị Mai', classes: [0, 1] },
			{ username: 'gv.son', fullName: 'Lường Văn Sơn', classes: [2] }
		]
	},
	{
		name: 'Trường THCS Đồng Đăng',
		commune: 'Xã Đồng Đăng',
		level: 'lower_secondary',
		pilotSince: '2024-09-05',
		classes: [
			{ grade: 6, name: '6A1' },
			{ grade: 7, name: '7A1' },
			{ grade: 8, name: '8A1' }
		],
		teachers: [
			{ username: 'gv.hoa', fullName: 'Hoàng Thị Hoa', classes: [0, 1] },
			{ username: 'gv.duc', fullName: 'Lăng Văn Đức', classes: [2, 0] }
		]
	},
	{
		name: 'Trường THCS Văn Quan',
		commune: 'Xã Văn Quan',
		level: 'lower_secondary',
		pilotSince: '2024-09-05',
		classes: [
			{ grade: 6, name: '6A' },
			{ grade: 7, name: '7A' },
			{ grade: 9, name: '9A' }
		],
		teachers: [
			{ username: 'gv.thao', fullName: 'Bế Thị Thảo', classes: [0, 1] },
			{ username: 'gv.hung', fullName: 'Chu Văn Hùng', classes: [2] }
		]
	},
	{
		name: 'Trường THCS Tam Thanh',
		commune: 'Phường Tam Thanh',
		level: 'lower_secondary',
		pilotSince: '2025-09-05',
		classes: [
			{ grade: 6, name: '6A2' },
			{ grade: 8, name: '8A2' },
			{ grade: 9, name: '9A1' }
		],
		teachers: [
			{ username: 'gv.ngan', fullName: 'Hà Thị Ngân', classes: [0, 1] },
			{ username: 'gv.quang', fullName: 'Nguyễn Minh Quang', classes: [2] }
		]
	},
	{
		name: 'Trường THPT Bình Gia',
		commune: 'Xã Bình Gia',
		level: 'upper_secondary',
		pilotSince: '2025-09-05',
		classes: [
			{ grade: 10, name: '10A1' },
			{ grade: 10, name: '10A2' },
			{ grade: 11, name: '11A1' }
		],
		teachers: [
			{ username: 'gv.phuong', fullName: 'Hứa Thị Phương', classes: [0, 1] },
			{ username: 'gv.long', fullName: 'Lộc Văn Long', classes: [2] }
		]
	}
];

export const PUPILS_PER_CLASS = 30;

// Families of the province and the ethnic group most of their bearers belong to.
const FAMILIES: { name: string; ethnicities: string[] }[] = [
	{ name: 'Hoàng', ethnicities: ['Tày', 'Nùng'] },
	{ name: 'Nông', ethnicities: ['Tày', 'Nùng'] },
	{ name: 'Lường', ethnicities: ['Tày'] },
	{ name: 'Vi', ethnicities: ['Nùng', 'Tày'] },
	{ name: 'Lăng', ethnicities: ['Nùng'] },
	{ name: 'Hà', ethnicities: ['Tày'] },
	{ name: 'Chu', ethnicities: ['Nùng'] },
	{ name: 'Triệu', ethnicities: ['Dao'] },
	{ name: 'Bàn', ethnicities: ['Dao'] },
	{ name: 'Bế', ethnicities: ['Tày'] },
	{ name: 'Lộc', ethnicities: ['Nùng', 'Tày'] },
	{ name: 'Hứa', ethnicities: ['Nùng'] },
	{ name: 'Mã', ethnicities: ['Tày'] },
	{ name: 'Nguyễn', ethnicities: ['Kinh'] },
	{ name: 'Trần', ethnicities: ['Kinh'] },
	{ name: 'Đinh', ethnicities: ['Kinh', 'Tày'] },
	{ name: 'Lục', ethnicities: ['Sán Chay'] },
	{ name: 'Dương', ethnicities: ['Kinh', 'Nùng'] }
];
const MIDDLE: Record<Gender, string[]> = {
	male: ['Văn', 'Đức', 'Minh', 'Quang', 'Hải', 'Thành', 'Văn'],
	female: ['Thị', 'Thu', 'Ngọc', 'Thanh', 'Thị', 'Hồng', 'Minh']
};
const GIVEN: Record<Gender, string[]> = {
	male: [
		'An',
		'Bình',
		'Cường',
		'Dũng',
		'Đức',
		'Hải',
		'Hùng',
		'Khánh',
		'Long',
		'Minh',
		'Nam',
		'Phong',
		'Quân',
		'Sơn',
		'Thắng',
		'Tuấn',
		'Việt',
		'Vinh',
		'Kiên',
		'Lâm'
	],
	female: [
		'Anh',
		'Chi',
		'Dung',
		'Giang',
		'Hà',
		'Hằng',
		'Hoa',
		'Hương',
		'Lan',
		'Linh',
		'Mai',
		'Ngân',
		'Nhung',
		'Phương',
		'Thảo',
		'Trang',
		'Uyên',
		'Yến',
		'Huyền',
		'My'
	]
};

function demoPupil(rng: Random, grade: number, startYear: number) {
	const gender: Gender = rng.next() < 0.5 ? 'female' : 'male';
	const family = rng.pick(FAMILIES);
	const middle = rng.pick(MIDDLE[gender]);
	let given = rng.pick(GIVEN[gender]);
	while (given === middle) given = rng.pick(GIVEN[gender]);
	const fullName = `${family.name} ${middle} ${given}`;
	const birthYear = startYear - 5 - grade;
	const month = 1 + rng.int(12);
	const day = 1 + rng.int(28);
	const hasBirth = rng.next() < 0.9;
	const hasEthnicity = rng.next() < 0.7;
	return {
		fullName,
		gender,
		birthDate: hasBirth
			? `${birthYear}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
			: null,
		ethnicity: hasEthnicity ? rng.pick(family.ethnicities) : null
	};
}

export async function isEmpty(db: DB): Promise<boolean> {
	const row = await db
		.selectFrom('users')
		.select((eb) => eb.fn.countAll<number>().as('n'))
		.executeTakeFirstOrThrow();
	return Number(row.n) === 0;
}

/** Writes the demo pilot in one transaction. */
export async function seedDemo(db: DB, now = Date.now()): Promise<void> {
	const rng = seededRandom(DEMO_SEED);
	const year = schoolYearOf(now);
	const staffHash = await hashPassword(DEMO_PASSWORDS.staff);
	const adminHash = await hashPassword(DEMO_PASSWORDS.admin);
	await db.transaction().execute(async (tx) => {
		await tx
			.insertInto('school_years')
			.values([
				{
					name: `${year.start - 1}–${year.start}`,
					starts_on: `${year.start - 1}-09-05`,
					ends_on: `${year.start}-05-31`,
					is_current: 0
				},
				{ name: year.name, starts_on: year.startsOn, ends_on: year.endsOn, is_current: 1 }
			])
			.execute();
		const yearId = (
			await tx
				.selectFrom('school_years')
				.select('id')
				.where('is_current', '=', 1)
				.executeTakeFirstOrThrow()
		).id;
		await tx
			.insertInto('users')
			.values([
				{
					role: 'admin',
					username: 'admin',
					full_name: 'Quản trị hệ thống',
					password_hash: adminHash,
					created_at: now
				},
				{
					role: 'department',
					username: 'sogd',
					full_name: 'Lăng Văn Minh',
					password_hash: staffHash,
					created_at: now
				}
			])
			.execute();
		for (const s of DEMO_SCHOOLS) {
			const school = await tx
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
			const classIds: number[] = [];
			for (const c of s.classes) {
				const row = await tx
					.insertInto('classes')
					.values({
						school_id: school.id,
						school_year_id: yearId,
						grade: c.grade,
						name: c.name,
						join_code: generateJoinCode(rng.int),
						created_at: now
					})
					.returning('id')
					.executeTakeFirstOrThrow();
				classIds.push(row.id);
				for (let i = 0; i < PUPILS_PER_CLASS; i++) {
					await addPupil(
						tx,
						SYSTEM,
						{ id: row.id, schoolId: school.id, grade: c.grade },
						demoPupil(rng, c.grade, year.start),
						now,
						rng.int
					);
				}
			}
			for (const t of s.teachers) {
				const teacher = await tx
					.insertInto('users')
					.values({
						role: 'teacher',
						school_id: school.id,
						username: t.username,
						full_name: t.fullName,
						password_hash: staffHash,
						created_at: now
					})
					.returning('id')
					.executeTakeFirstOrThrow();
				for (const i of t.classes)
					await tx
						.insertInto('class_teachers')
						.values({ class_id: classIds[i], teacher_id: teacher.id })
						.execute();
			}
		}
	});
}
