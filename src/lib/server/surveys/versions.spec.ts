// "A new version is a new form" (issue 15) and "the pre round asks nothing pupils cannot know before the
// pilot", on the engine under test.
import { beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../db/testing';
import { buildTestPilot, type TestPilot } from '../reports/testdata';
import { takeAttitude } from '../reports/attitude';
import * as surveys from './surveys';
import { startNewVersion, versionsOf } from './versions';
import { asksWhatOnlyThePilotTeaches, pilotOnlyItems, preRoundRefuses } from './pre-round';

const AT = Date.parse('2025-09-15T09:00:00Z');

describe('a new version of a locked form', () => {
	const { db } = openTestDatabase();
	let t: TestPilot;
	let v1: number;
	let v2: number;
	const items = (formId: number) =>
		db
			.selectFrom('survey_items')
			.select(['scale', 'position', 'text', 'reversed', 'archived'])
			.where('form_id', '=', formId)
			.orderBy('position')
			.execute();
	const window = (formId: number, phase: 'pre' | 'post', from: string, to: string) =>
		surveys.openWindow(
			db,
			{
				formId,
				schoolYearId: t.yearId,
				phase,
				opensOn: from,
				closesOn: to,
				schoolIds: [t.schoolA]
			},
			null
		);
	beforeAll(async () => {
		t = await buildTestPilot(db);
		v1 = (
			await db
				.insertInto('survey_forms')
				.values({ audience: 'pupil_primary', title: 'Lớp 4–5', updated_at: 0 })
				.returning('id')
				.executeTakeFirstOrThrow()
		).id;
		for (const [text, scale] of [
			['Em thích học Toán.', 'maths'],
			['Câu sẽ bỏ.', 'science'],
			['Em thích làm thí nghiệm.', 'science']
		] as const)
			await surveys.addItem(db, v1, { text, scale, reversed: false });
		await surveys.archiveItem(db, v1, (await surveys.getForm(db, v1))!.items[1].id);
	});

	it('is refused while the form has no answers: its items can still be edited', async () => {
		expect(await startNewVersion(db, v1)).toEqual({ ok: false, error: 'not_locked' });
		expect((await surveys.listForms(db)).map((f) => f.id)).toEqual([v1]);
	});

	it('copies the items; the old version keeps its items, window and answers, and is no longer current', async () => {
		const win = await window(v1, 'pre', '2025-09-10', '2025-09-30');
		const form = (await surveys.getForm(db, v1))!;
		const who = { id: t.pupilsA[0], role: 'student', schoolId: t.schoolA };
		const answers = new Map(form.items.map((i) => [i.id, 4]));
		expect(await surveys.submitResponse(db, who, win, answers, AT)).toEqual({ ok: true });
		const before = await items(v1);

		const made = await db.transaction().execute((tx) => startNewVersion(tx, v1, AT));
		expect(made.ok).toBe(true);
		v2 = (made as { id: number }).id;
		expect(await items(v1)).toEqual(before);
		// The copy: the items in use, numbered anew.
		expect(await items(v2)).toEqual([
			{ scale: 'maths', position: 1, text: 'Em thích học Toán.', reversed: 0, archived: 0 },
			{ scale: 'science', position: 2, text: 'Em thích làm thí nghiệm.', reversed: 0, archived: 0 }
		]);
		expect(await versionsOf(db, v1)).toEqual([
			{ id: v2, version: 2, current: true },
			{ id: v1, version: 1, current: false }
		]);
		const answered = await db
			.selectFrom('survey_answers')
			.select('item_id')
			.where('response_id', 'in', (q) => q.selectFrom('survey_responses').select('id'))
			.execute();
		expect(answered.map((a) => a.item_id).sort()).toEqual(form.items.map((i) => i.id).sort());
	});

	it('the new version is editable, the old one stays locked, and only one version is current', async () => {
		expect(await surveys.itemsLocked(db, v1)).toBe(true);
		expect(await surveys.itemsLocked(db, v2)).toBe(false);
		const [first] = (await surveys.getForm(db, v2))!.items;
		expect(await surveys.updateItemText(db, v2, first.id, 'Em thích giờ Toán.')).toBe('ok');
		expect((await surveys.getForm(db, v1))!.items[0].text).toBe('Em thích học Toán.');
		expect(await startNewVersion(db, v1)).toEqual({ ok: false, error: 'not_current' });
		expect(await startNewVersion(db, v2)).toEqual({ ok: false, error: 'not_locked' });
		const current = (await surveys.listForms(db)).filter((f) => f.current);
		expect(current.map((f) => f.id)).toEqual([v2]);
	});

	it('results stay per version: each version compares its own windows', async () => {
		await window(v2, 'post', '2026-05-01', '2026-05-20');
		const facts = await takeAttitude(db, t.scope());
		const v1Facts = facts.find((f) => f.id === v1)!;
		expect(v1Facts).toMatchObject({ version: 1, replaced: true });
		// The old version's pre answers (maths slot 0, science slot 2: one response each).
		expect(Object.values(v1Facts.units).flat()).toEqual([0, 1, 4, 16, 1, 1, 4, 16]);
		expect(facts.find((f) => f.id === v2)).toMatchObject({
			version: 2,
			replaced: false,
			units: {}
		});
		const windows = await surveys.listWindows(db, v1);
		expect(windows.map((w) => [w.phase, w.version, w.responses])).toEqual([['pre', 1, 1]]);
	});
});

describe('the pre round asks nothing only the pilot teaches', () => {
	const { db } = openTestDatabase();
	let t: TestPilot;
	let form: { id: number; audience: 'pupil_secondary' };
	let teachers: { id: number; audience: 'teacher' };
	beforeAll(async () => {
		t = await buildTestPilot(db);
		const make = async (audience: 'pupil_secondary' | 'teacher') =>
			(
				await db
					.insertInto('survey_forms')
					.values({ audience, title: audience, updated_at: 0 })
					.returning('id')
					.executeTakeFirstOrThrow()
			).id;
		form = { id: await make('pupil_secondary'), audience: 'pupil_secondary' };
		teachers = { id: await make('teacher'), audience: 'teacher' };
	});
	const PILOT = 'Em thích ghép các khối lệnh Blockly.';

	it('knows the words only the pilot teaches, for pupils only', () => {
		expect(asksWhatOnlyThePilotTeaches('pupil_secondary', PILOT)).toBe(true);
		expect(asksWhatOnlyThePilotTeaches('pupil_primary', 'Em thích làm dự án STEM.')).toBe(true);
		expect(asksWhatOnlyThePilotTeaches('pupil_primary', 'Em thích làm thí nghiệm.')).toBe(false);
		expect(asksWhatOnlyThePilotTeaches('teacher', 'Tôi dùng Blockly khi dạy.')).toBe(false);
	});

	it('an item for a form with a pre window ahead is refused; a post window or a closed pre one is not', async () => {
		const open = (phase: 'pre' | 'post', from: string, to: string) =>
			surveys.openWindow(
				db,
				{
					formId: form.id,
					schoolYearId: t.yearId,
					phase,
					opensOn: from,
					closesOn: to,
					schoolIds: [t.schoolA]
				},
				null
			);
		expect(await preRoundRefuses(db, form, PILOT, '2025-09-01')).toBe(false);
		await open('post', '2026-05-01', '2026-05-20');
		expect(await preRoundRefuses(db, form, PILOT, '2025-09-01')).toBe(false);
		await open('pre', '2025-09-10', '2025-09-30');
		expect(await preRoundRefuses(db, form, PILOT, '2025-09-01')).toBe(true);
		expect(await preRoundRefuses(db, form, 'Em thích Toán.', '2025-09-01')).toBe(false);
		expect(await preRoundRefuses(db, form, PILOT, '2025-10-01')).toBe(false); // the pre round is over
		expect(await preRoundRefuses(db, teachers, PILOT, '2025-09-01')).toBe(false);
	});

	it('names the items a pre window may not ask', async () => {
		await surveys.addItem(db, form.id, { text: 'Em thích Toán.', scale: 'maths', reversed: false });
		expect(await pilotOnlyItems(db, form.id)).toEqual([]);
		await surveys.addItem(db, form.id, { text: PILOT, scale: 'skills', reversed: false });
		expect(await pilotOnlyItems(db, form.id)).toEqual([PILOT]);
		await surveys.addItem(db, teachers.id, { text: PILOT, scale: 'skills', reversed: false });
		expect(await pilotOnlyItems(db, teachers.id)).toEqual([]);
	});
});
