import { beforeEach, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../db/testing';
import type { DB } from '../db';
import * as lessons from './lessons';
import { validateContent, contentFromForm } from './content';
import { makeSchoolAndUsers, sampleLesson } from './testing';
import { getLessonOutline, listLessonsForAssigning } from './outline';

let db: DB;
let u: Awaited<ReturnType<typeof makeSchoolAndUsers>>;

beforeEach(async () => {
	db = openTestDatabase().db;
	u = await makeSchoolAndUsers(db);
});

describe('states and who sees what', () => {
	it('a draft is its author’s only; in review the department sees it too; published: everyone', async () => {
		const id = await lessons.createLesson(db, u.hoa, sampleLesson());
		expect(await lessons.getVisibleLesson(db, id, u.hoa)).toBeDefined();
		expect(await lessons.getVisibleLesson(db, id, u.duc)).toBeUndefined();
		expect(await lessons.getVisibleLesson(db, id, u.sogd)).toBeUndefined();
		expect(await lessons.submitLesson(db, u.duc, id)).toEqual({ ok: false, error: 'not_allowed' });
		expect(await lessons.submitLesson(db, u.hoa, id)).toEqual({ ok: true });
		expect(await lessons.getVisibleLesson(db, id, u.sogd)).toBeDefined();
		expect(await lessons.getVisibleLesson(db, id, u.duc)).toBeUndefined();
		// Nobody edits a lesson under review.
		expect((await lessons.saveLesson(db, u.hoa, id, sampleLesson({ title: 'Khác' }))).ok).toBe(
			false
		);
		expect(await lessons.reviewLesson(db, u.hoa, id, 'approve', '')).toEqual({
			ok: false,
			error: 'not_allowed'
		});
		expect(await lessons.reviewLesson(db, u.sogd, id, 'approve', 'Tốt')).toEqual({ ok: true });
		expect((await lessons.getVisibleLesson(db, id, u.duc))?.status).toBe('published');
		expect((await lessons.listReviews(db, id)).map((r) => r.action)).toEqual([
			'approved',
			'submitted'
		]);
	});

	it('sending back needs a comment and returns the lesson to a draft', async () => {
		const id = await lessons.createLesson(db, u.hoa, sampleLesson());
		await lessons.submitLesson(db, u.hoa, id);
		expect(await lessons.reviewLesson(db, u.sogd, id, 'return', '  ')).toEqual({
			ok: false,
			error: 'comment_required'
		});
		expect((await lessons.getLesson(db, id))?.status).toBe('review');
		expect(await lessons.reviewLesson(db, u.sogd, id, 'return', 'Thêm tiêu chí an toàn.')).toEqual({
			ok: true
		});
		expect((await lessons.getLesson(db, id))?.status).toBe('draft');
		expect((await lessons.listReviews(db, id))[0]).toMatchObject({
			action: 'returned',
			comment: 'Thêm tiêu chí an toàn.'
		});
	});
});

describe('versions', () => {
	it('a draft is saved in place; an edit of a published lesson makes a new version', async () => {
		const id = await lessons.createLesson(db, u.hoa, sampleLesson());
		await lessons.saveLesson(db, u.hoa, id, sampleLesson({ title: 'Bản nháp 2' }));
		expect(await lessons.listVersions(db, id)).toHaveLength(1);
		expect(
			(
				await db
					.selectFrom('lessons')
					.select('title')
					.where('id', '=', id)
					.executeTakeFirstOrThrow()
			).title
		).toBe('Bản nháp 2');

		await lessons.submitLesson(db, u.hoa, id);
		await lessons.reviewLesson(db, u.sogd, id, 'approve', '');
		const r = await lessons.saveLesson(
			db,
			u.hoa,
			id,
			sampleLesson({ title: 'Phiên bản 2', grades: [8, 9], process: 'inquiry' })
		);
		expect(r).toEqual({ ok: true, version: 2 });
		const l = await lessons.getLesson(db, id);
		expect(l).toMatchObject({ version: 2, title: 'Phiên bản 2', status: 'published' });
		// The index row other domains read follows the current version.
		const row = await db
			.selectFrom('lessons')
			.select(['title', 'process'])
			.where('id', '=', id)
			.executeTakeFirstOrThrow();
		expect(row).toEqual({ title: 'Phiên bản 2', process: 'inquiry' });
		const grades = await db
			.selectFrom('lesson_grades')
			.select('grade')
			.where('lesson_id', '=', id)
			.orderBy('grade')
			.execute();
		expect(grades.map((g) => g.grade)).toEqual([8, 9]);
		expect(await lessons.listVersions(db, id)).toHaveLength(2);
	});

	it('a copy remembers the version it came from, and later versions do not change it', async () => {
		const id = await lessons.createLesson(db, null, sampleLesson(), { status: 'published' });
		const copy = (await lessons.copyLesson(db, u.duc, id))!;
		const c = await lessons.getLesson(db, copy);
		expect(c).toMatchObject({
			status: 'draft',
			authorId: u.duc.id,
			schoolId: u.schoolId,
			copiedFromId: id,
			copiedFromVersion: 1
		});
		expect(c?.content).toEqual(sampleLesson());
		await lessons.saveLesson(db, u.sogd, id, sampleLesson({ title: 'Sửa lần 2' }));
		expect((await lessons.getLesson(db, copy))?.title).toBe(sampleLesson().title);
		expect((await lessons.getLesson(db, copy))?.copiedFromVersion).toBe(1);
		// Another teacher's draft cannot be copied.
		expect(await lessons.copyLesson(db, u.hoa, copy)).toBeUndefined();
	});

	it('autosaved drafts are kept per user and cleared on save', async () => {
		const id = await lessons.createLesson(db, u.hoa, sampleLesson());
		expect((await lessons.autosaveDraft(db, u.duc, id, '{}')).ok).toBe(false);
		await lessons.autosaveDraft(db, u.hoa, id, JSON.stringify({ title: 'đang gõ' }));
		expect((await lessons.getDraft(db, u.hoa.id, id))?.state).toEqual({ title: 'đang gõ' });
		await lessons.saveLesson(db, u.hoa, id, sampleLesson());
		expect(await lessons.getDraft(db, u.hoa.id, id)).toBeUndefined();
	});
});

describe('validation', () => {
	it('names every wrong field and stores NFC', () => {
		const r = validateContent({
			...sampleLesson(),
			title: '',
			grades: [13],
			periods: 0,
			aims: { knowledge: 'x'.repeat(20_001) }
		});
		expect(r.ok).toBe(false);
		if (r.ok) return;
		const fields = r.errors.map((e) => e.field);
		expect(fields).toEqual(
			expect.arrayContaining(['title', 'grades', 'periods', 'aims.knowledge', 'aims.competencies'])
		);
		expect(r.errors.find((e) => e.field === 'aims.knowledge')?.code).toBe('too_long');
		const ok = validateContent({ ...sampleLesson(), title: 'Đồng hồ nước'.normalize('NFD') });
		expect(ok.ok && ok.content.title).toBe('Đồng hồ nước'.normalize('NFC'));
	});

	it('checks each material, activity and criterion by its place; keys are made unique', () => {
		const lesson = sampleLesson();
		const r = validateContent({
			...lesson,
			title: 'T'.repeat(201),
			materials: [{ name: '', cost: -5, basis: 'per_galaxy' }, { name: 'Chai nhựa' }],
			activities: [
				{ ...lesson.activities[0], key: 'do', periods: [1, 9] },
				{ ...lesson.activities[0], key: 'do', content: '' }
			],
			criteria: [{ title: 'Sáng tạo', levels: ['Tốt'] }],
			groupSize: 13
		});
		expect(r.ok).toBe(false);
		if (r.ok) return;
		expect(r.errors).toEqual([
			{ field: 'title', code: 'too_long' },
			{ field: 'materials.0.cost', code: 'invalid', detail: '-5' },
			{ field: 'materials.0.basis', code: 'invalid', detail: 'per_galaxy' },
			{ field: 'materials.0.name', code: 'required' },
			{ field: 'activities.0.periods', code: 'invalid', detail: '1, 9' },
			{ field: 'activities.1.content', code: 'required' },
			{ field: 'criteria.0.levels', code: 'invalid', detail: '1' },
			{ field: 'groupSize', code: 'invalid', detail: '13' }
		]);
		const ok = validateContent({
			...lesson,
			activities: [
				{ ...lesson.activities[0], key: 'Đo!' },
				{ ...lesson.activities[0], key: 'o' }
			]
		});
		expect(ok.ok && ok.content.activities.map((a) => a.key)).toEqual(['o', 'o-2']);
	});

	it('reads the editor’s form: material lines with prices, criteria lines', () => {
		const f = new FormData();
		f.set('title', 'Bánh xe nước');
		f.append('grades', '6');
		f.set('subjects', 'Vật lí, Công nghệ');
		f.set('process', 'engineering');
		f.set('form', 'lesson');
		f.set('periods', '3');
		f.set('materials', 'Ống tre | 2 đoạn | 10.000 đ | nhóm\nDây thép | 1 cuộn | 15000\n');
		f.set(
			'criteria',
			'Quay đều | Quay được 1 phút | Không quay | Quay chậm | Quay đều | Quay đều lâu'
		);
		f.set('activity_count', '1');
		f.set('act_0_label', 'Xác định vấn đề');
		const { raw, lineErrors } = contentFromForm(f);
		expect(lineErrors).toEqual([]);
		expect(raw.materials).toEqual([
			{ name: 'Ống tre', quantity: '2 đoạn', cost: 10000, basis: 'group' },
			{ name: 'Dây thép', quantity: '1 cuộn', cost: 15000, basis: 'class' }
		]);
		expect(raw.criteria).toEqual([
			{
				title: 'Quay đều',
				description: 'Quay được 1 phút',
				levels: ['Không quay', 'Quay chậm', 'Quay đều', 'Quay đều lâu']
			}
		]);
		expect(raw.subjects).toEqual(['Vật lí', ' Công nghệ']);
		const f3 = new FormData();
		f3.set('materials', 'Ống tre | 2 | 1000 | mỗi tuần');
		expect(contentFromForm(f3).lineErrors[0]).toMatchObject({
			field: 'materials.0.basis',
			code: 'invalid'
		});
		const f2 = new FormData();
		f2.set('materials', 'Ống tre | 2 | mười nghìn');
		expect(contentFromForm(f2).lineErrors[0]).toMatchObject({
			field: 'materials.0.cost',
			code: 'invalid'
		});
	});
});

describe('what the projects domain reads', () => {
	it('getLessonOutline gives the steps in order and the criteria', async () => {
		const id = await lessons.createLesson(db, null, sampleLesson(), { status: 'published' });
		const o = await getLessonOutline(db, id);
		expect(o).toEqual({
			id,
			title: sampleLesson().title,
			process: 'engineering',
			grades: [8],
			steps: [
				{ key: 'problem', label: 'Xác định vấn đề' },
				{ key: 'research', label: 'Nghiên cứu kiến thức nền' },
				{ key: 'solution', label: 'Đề xuất, lựa chọn giải pháp' },
				{ key: 'prototype', label: 'Chế tạo mẫu, thử nghiệm và đánh giá' },
				{ key: 'share', label: 'Chia sẻ, thảo luận, điều chỉnh' }
			],
			criteria: sampleLesson().criteria
		});
		expect(await getLessonOutline(db, 9999)).toBeUndefined();
		// With a viewer: another teacher's draft is not theirs to read.
		const draft = await lessons.createLesson(db, u.duc, sampleLesson());
		expect(await getLessonOutline(db, draft, u.hoa)).toBeUndefined();
		expect((await getLessonOutline(db, draft, u.duc))?.id).toBe(draft);
		expect((await getLessonOutline(db, id, u.hoa))?.id).toBe(id);
		// It follows the current version.
		const inquiry = sampleLesson({
			process: 'inquiry',
			activities: [
				{
					key: 'question',
					label: 'Đặt câu hỏi',
					aims: '',
					content: 'x',
					product: '',
					organisation: 'y'
				}
			]
		});
		await lessons.saveLesson(db, u.sogd, id, inquiry);
		expect((await getLessonOutline(db, id))?.steps).toEqual([
			{ key: 'question', label: 'Đặt câu hỏi' }
		]);
	});

	it('listLessonsForAssigning: the published library and the teacher’s own, not others’ drafts', async () => {
		const pub = await lessons.createLesson(
			db,
			null,
			sampleLesson({ title: 'B thư viện', grades: [6, 7] }),
			{ status: 'published' }
		);
		const mine = await lessons.createLesson(db, u.hoa, sampleLesson({ title: 'A của Hoa' }));
		await lessons.createLesson(db, u.duc, sampleLesson({ title: 'C của Đức' }));
		const archived = await lessons.createLesson(db, null, sampleLesson({ title: 'D cũ' }), {
			status: 'published'
		});
		await lessons.archiveLesson(db, u.sogd, archived);
		expect(await listLessonsForAssigning(db, u.hoa)).toEqual([
			{ id: mine, title: 'A của Hoa', grades: [8] },
			{ id: pub, title: 'B thư viện', grades: [6, 7] }
		]);
	});
});
