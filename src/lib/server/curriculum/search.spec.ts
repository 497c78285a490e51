import { sql } from 'kysely';
import { beforeEach, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../db/testing';
import type { DB } from '../db';
import * as lessons from './lessons';
import { ftsQuery, searchLibrary, PAGE_SIZE } from './search';
import { makeSchoolAndUsers, sampleLesson } from './testing';

let db: DB;
let u: Awaited<ReturnType<typeof makeSchoolAndUsers>>;
const ids: Record<string, number> = {};

beforeEach(async () => {
	db = openTestDatabase().db;
	u = await makeSchoolAndUsers(db);
	const pub = (k: string, c: Parameters<typeof sampleLesson>[0]) =>
		lessons
			.createLesson(db, null, sampleLesson(c), { status: 'published' })
			.then((id) => (ids[k] = id));
	await pub('motor', {
		title: 'Quạt mini dùng động cơ điện',
		grades: [9],
		subjects: ['Vật lí'],
		overview: 'Chế tạo quạt.'
	});
	await pub('dryer', {
		title: 'Máy sấy hoa hồi',
		grades: [8],
		subjects: ['Công nghệ'],
		overview: 'Dùng quạt nhỏ có động cơ điện để thổi gió nóng.'
	});
	await pub('gauge', {
		title: 'Thùng đo mưa',
		grades: [4],
		subjects: ['Khoa học'],
		process: 'inquiry',
		form: 'experience',
		overview: 'Đo lượng mưa ở Đồng Đăng.'
	});
	// A draft never shows in the library.
	await lessons.createLesson(db, u.hoa, sampleLesson({ title: 'Động cơ điện nháp' }));
});

const titles = async (f: Parameters<typeof searchLibrary>[1]) =>
	(await searchLibrary(db, f)).items.map((i) => i.title);

describe('the library search', () => {
	it('ignores case and diacritics: "dong co dien" finds "động cơ điện"', async () => {
		expect(await titles({ q: 'dong co dien' })).toContain('Quạt mini dùng động cơ điện');
		expect(await titles({ q: 'ĐỘNG CƠ ĐIỆN' })).toContain('Quạt mini dùng động cơ điện');
		expect(await titles({ q: 'hoa hoi' })).toEqual(['Máy sấy hoa hồi']);
	});

	it('"đ" matches "d" both ways', async () => {
		expect(await titles({ q: 'dong dang' })).toEqual(['Thùng đo mưa']);
		expect(await titles({ q: 'Đồng Đăng' })).toEqual(['Thùng đo mưa']);
		expect(await titles({ q: 'do mua' })).toEqual(['Thùng đo mưa']);
	});

	it('ranks a title hit above a hit in the text, and never lists drafts', async () => {
		expect(await titles({ q: 'dong co dien' })).toEqual([
			'Quạt mini dùng động cơ điện',
			'Máy sấy hoa hồi'
		]);
	});

	it('matches whole syllables, the last one as typed so far; two words need both', async () => {
		expect(await titles({ q: 'say hoa' })).toEqual(['Máy sấy hoa hồi']);
		expect((await titles({ q: 'may say h' }))[0]).toBe('Máy sấy hoa hồi');
		expect(await titles({ q: 'ma say' })).toEqual([]); // "ma" is another syllable than "máy"
		expect(await titles({ q: 'quat mua' })).toEqual([]);
	});

	it('filters by grade, subject, form and process', async () => {
		expect(await titles({ grade: 4 })).toEqual(['Thùng đo mưa']);
		expect(await titles({ subject: 'Công nghệ' })).toEqual(['Máy sấy hoa hồi']);
		expect(await titles({ process: 'inquiry' })).toEqual(['Thùng đo mưa']);
		expect(await titles({ form: 'experience' })).toEqual(['Thùng đo mưa']);
		expect(await titles({ q: 'dong co', grade: 8 })).toEqual(['Máy sấy hoa hồi']);
	});

	it('finds a new version’s words and forgets the old ones', async () => {
		await lessons.saveLesson(
			db,
			u.sogd,
			ids.gauge,
			sampleLesson({ title: 'Trạm thời tiết Mẫu Sơn', grades: [5] })
		);
		expect(await titles({ q: 'mau son' })).toEqual(['Trạm thời tiết Mẫu Sơn']);
		// The index holds the new title only (the old one's words may still be in the lesson's text).
		const { rows } = await sql<{
			title: string;
		}>`SELECT title FROM lesson_search WHERE rowid = ${ids.gauge}`.execute(db);
		expect(rows).toEqual([{ title: 'tram thoi tiet mau son' }]);
	});

	it('finds lessons with most of the words, those with all of them first, and says when some lack one', async () => {
		for (const title of ['Bình lọc nước từ cát và sỏi', 'Máy bơm nước mini', 'Máy lọc nước'])
			await lessons.createLesson(db, null, sampleLesson({ title }), { status: 'published' });
		const r = await searchLibrary(db, { q: 'máy lọc nước' });
		const found = r.items.map((i) => i.title);
		// All three words first; then two of three, in the engine's order of relevance.
		expect(found[0]).toBe('Máy lọc nước');
		expect(found.slice(1).sort()).toEqual(['Bình lọc nước từ cát và sỏi', 'Máy bơm nước mini']);
		expect(r.partial).toBe(true);
		await lessons.createLesson(db, null, sampleLesson({ title: 'Đèn ngủ' }), {
			status: 'published'
		});
		// "Máy sấy hoa hồi" has one word of three: too few.
		const none = await searchLibrary(db, { q: 'loc nuoc' });
		expect(none.items.map((i) => i.title).sort()).toEqual([
			'Bình lọc nước từ cát và sỏi',
			'Máy lọc nước'
		]);
		expect(none.partial).toBe(false);
	});

	it('keeps FTS syntax out of the query', async () => {
		expect(ftsQuery('"hoa" OR NEAR(*) -x')).toBe('"hoa" "or" "near" "x"*');
		expect(ftsQuery('  ,,, ')).toBeNull();
		await expect(searchLibrary(db, { q: '"))) AND *' })).resolves.toBeDefined();
	});

	it('pages with a page number, clamped to the last page', async () => {
		for (let i = 0; i < PAGE_SIZE + 2; i++)
			await lessons.createLesson(
				db,
				null,
				sampleLesson({ title: `Bài ${String(i).padStart(2, '0')}` }),
				{ status: 'published' }
			);
		const p1 = await searchLibrary(db, { page: 1 });
		const p2 = await searchLibrary(db, { page: 2 });
		expect(p1.total).toBe(PAGE_SIZE + 5);
		expect(p1.items).toHaveLength(PAGE_SIZE);
		expect(p2.items).toHaveLength(5);
		expect((await searchLibrary(db, { page: 99 })).page).toBe(2);
		expect(new Set([...p1.items, ...p2.items].map((i) => i.id)).size).toBe(PAGE_SIZE + 5);
	});
});
