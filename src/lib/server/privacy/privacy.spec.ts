import { beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import JSZip from 'jszip';
import sharp from 'sharp';
import { openTestDatabase } from '../db/testing';
import type { DB } from '../db';
import {
	addProject,
	addReview,
	addTeam,
	buildTestPilot,
	NOW,
	type TestPilot
} from '../reports/testdata';
import { buildTables } from '../reports/dashboard';
import { DIMENSIONS } from '../reports/scope';
import { processPhoto, storePhoto, uploadsRoot } from '../portfolios/photos';
import { storeFile } from '../portfolios/files';
import { createSession, generateSessionToken, validateSessionToken } from '../auth/session';
import { signInPupil } from '../auth/signin';
import { SYSTEM, type Actor } from '../audit/log';
import { m } from '$lib/paraglide/messages';
import { PERSON_COLUMN_NAME, PUPIL_COLUMNS, STAFF_COLUMNS } from './columns';
import { pupilArchive, pupilOfClass, formerPupils } from './export';
import { ERASED_NAME, erasePupil, NotAllowed } from './erase';
import { zipBuffer } from './zip';
import { findPupils } from './pupils';

const SECRET = 'chuồn chuồn|bươm bướm';
const admin = (id: number): Actor => ({ id, role: 'admin', address: '10.0.0.1' });

/** A pupil with a row in every table that names a pupil (columns.ts), and the rest of a small pilot. */
async function fullPupil(db: DB, t: TestPilot) {
	const pupil = t.pupilsA[0];
	const mate = t.pupilsA[1];
	await db
		.updateTable('pupil_profiles')
		.set({ birth_date: '2016-03-02', secret: SECRET })
		.where('user_id', '=', pupil)
		.execute();
	const ex = await db.selectFrom('exercises').select('id').executeTakeFirstOrThrow();
	await db
		.updateTable('exercise_attempts')
		.set({ workspace: '{"blocks":"ĐI THẲNG"}' })
		.where('pupil_id', '=', pupil)
		.execute();
	await db
		.insertInto('exercise_work')
		.values({
			exercise_id: ex.id,
			pupil_id: pupil,
			version: 1,
			workspace: '{"w":1}',
			updated_at: NOW
		})
		.execute();
	await db
		.insertInto('exercise_hint_views')
		.values({ exercise_id: ex.id, pupil_id: pupil, step: 1, created_at: NOW })
		.execute();
	// A free-play drawing, shared with the class and hidden by its teacher (the staff column).
	await db
		.insertInto('play_drawings')
		.values({
			pupil_id: pupil,
			name: 'Nhà sàn',
			workspace: '{"w":2}',
			segments: '[{"x1":0,"y1":0,"x2":1,"y2":1}]',
			shared_class_id: t.class4A,
			shared_at: NOW,
			hidden_at: NOW,
			hidden_by: t.teacherA,
			created_at: NOW,
			updated_at: NOW
		})
		.execute();
	const project = await addProject(
		db,
		t.schoolA,
		t.teacherA,
		'project',
		'2025-10-01',
		'2025-10-20'
	);
	await db
		.insertInto('assignment_targets')
		.values({ assignment_id: project, class_id: t.class4A, pupil_id: pupil })
		.execute();
	await db
		.insertInto('assignment_extensions')
		.values({ assignment_id: project, pupil_id: pupil, due_on: '2025-10-25' })
		.execute();
	const team = await addTeam(db, project, t.class4A, [pupil, mate], ['ask', 'build'], '2025-10-15');
	await addReview(db, team, t.teacherA, '2025-10-18', [3, 4], [{ pupil, criterion: 1, points: 2 }]);
	await db
		.insertInto('portfolio_entries')
		.values({
			team_id: team,
			step_key: 'ask',
			author_id: pupil,
			body_md: 'Nhóm em hỏi',
			body_html: '<p>Nhóm em hỏi</p>',
			created_at: NOW
		})
		.execute();
	await db
		.insertInto('reflections')
		.values({
			team_id: team,
			step_key: 'ask',
			pupil_id: pupil,
			body: 'Em thấy vui',
			updated_at: NOW
		})
		.execute();
	const raw = await sharp({ create: { width: 40, height: 30, channels: 3, background: '#3a7' } })
		.png()
		.toBuffer();
	const photo = await processPhoto('anh.png', raw);
	if (!photo.ok) throw new Error(photo.error);
	await storePhoto(db, {
		teamId: team,
		stepKey: 'build',
		authorId: pupil,
		clientKey: null,
		caption: 'Máy sấy',
		photo: photo.photo
	});
	await storeFile(db, {
		teamId: team,
		stepKey: 'build',
		authorId: pupil,
		name: 'báo cáo.txt',
		kind: 'txt',
		bytes: Buffer.from('Báo cáo của nhóm')
	});
	await db
		.insertInto('showcase_entries')
		.values({
			team_id: team,
			proposed_by: t.teacherA,
			proposed_at: NOW,
			featured_by: null,
			featured_at: null
		})
		.execute();
	await db
		.insertInto('showcase_consents')
		.values({
			team_id: team,
			pupil_id: pupil,
			parent_agreed: 1,
			pupil_agreed: 1,
			recorded_by: t.teacherA,
			recorded_at: NOW,
			withdrawn_by: null,
			withdrawn_at: null
		})
		.execute();
	await survey(db, t, pupil);
	await db
		.insertInto('progress_pupil_activity')
		.values({ pupil_id: pupil, last_at: NOW })
		.onConflict((oc) => oc.column('pupil_id').doNothing())
		.execute();
	await db
		.insertInto('login_failures')
		.values({ key: `pupil:${pupil}`, failures: 2, window_start: NOW, locked_until: null })
		.execute();
	const token = generateSessionToken();
	await createSession(db, token, pupil, NOW);
	return { pupil, team, token };
}

async function survey(db: DB, t: TestPilot, pupil: number) {
	const form = await db
		.insertInto('survey_forms')
		.values({ audience: 'pupil_primary', title: 'Em và STEM', updated_at: 0 })
		.returning('id')
		.executeTakeFirstOrThrow();
	const item = await db
		.insertInto('survey_items')
		.values({ form_id: form.id, scale: 'science', position: 0, text: 'Em thích khoa học' })
		.returning('id')
		.executeTakeFirstOrThrow();
	const w = await db
		.insertInto('survey_windows')
		.values({
			form_id: form.id,
			school_year_id: t.yearId,
			phase: 'pre',
			opens_on: '2025-09-10',
			closes_on: '2025-09-30',
			created_by: null,
			created_at: 0
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	await db
		.insertInto('survey_window_schools')
		.values({ window_id: w.id, school_id: t.schoolA })
		.execute();
	const r = await db
		.insertInto('survey_responses')
		.values({
			window_id: w.id,
			respondent_id: pupil,
			school_id: t.schoolA,
			class_id: t.class4A,
			grade: 4,
			gender: 'female',
			ethnicity: 'Nùng',
			submitted_at: Date.parse('2025-09-15')
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	await db
		.insertInto('survey_answers')
		.values({ response_id: r.id, item_id: item.id, value: 4 })
		.execute();
	await db
		.insertInto('survey_scale_scores')
		.values({ response_id: r.id, scale: 'science', score: 4 })
		.execute();
}

/** The department's figures: every table of the dashboard, by every breakdown, and the rollup tables. */
async function figures(db: DB, t: TestPilot) {
	const byDim: Record<string, unknown> = {};
	for (const dim of DIMENSIONS) {
		const tables = await buildTables(db, t.scope(), dim, NOW);
		// By ethnicity, an erased pupil moves to "not given": the totals stay.
		byDim[dim] =
			dim === 'ethnicity'
				? tables.map((x) => ({
						id: x.id,
						total: x.rows.filter((r) => r.label === m.progress_total())
					}))
				: tables;
	}
	const rows = async (table: string, where = '') =>
		(await sql.raw(`SELECT * FROM ${table} ${where} ORDER BY 1, 2, 3`).execute(db)).rows;
	return {
		byDim,
		mastery: await rows('progress_mastery_rollup'),
		masterySchool: await rows('progress_mastery_school'),
		masteryClass: await rows('progress_mastery_class'),
		weekly: await rows('progress_weekly_active'),
		periodActivity: await rows('progress_period_activity'),
		surveyRollup: await rows('survey_results_rollup'),
		quality: await rows('progress_quality_scores', "WHERE ethnicity = '*'"),
		qualityMembers: await rows('progress_quality_members', "WHERE ethnicity = '*'"),
		teamSteps: await rows('progress_team_steps'),
		attempts: await rows('exercise_attempts', '').then((r) =>
			r.map((a) => ({ ...(a as object), workspace: undefined, verdict: undefined }))
		)
	};
}

describe('which columns name a pupil', () => {
	const { engine, db } = openTestDatabase();
	it.skipIf(engine === 'postgres')(
		'every column that refers to users, or is named like a person, is exported and erased or is staff only',
		async () => {
			const { rows: tables } = await sql<{
				name: string;
			}>`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'lesson_search%' AND name NOT LIKE 'sqlite_%'`.execute(
				db
			);
			const found = new Set<string>();
			for (const { name } of tables) {
				const { rows: cols } = await sql<{
					name: string;
				}>`SELECT name FROM pragma_table_info(${name})`.execute(db);
				const { rows: fks } = await sql<{
					from: string;
					table: string;
				}>`SELECT "from", "table" FROM pragma_foreign_key_list(${name})`.execute(db);
				for (const c of cols) if (PERSON_COLUMN_NAME.test(c.name)) found.add(`${name}.${c.name}`);
				for (const f of fks) if (f.table === 'users') found.add(`${name}.${f.from}`);
			}
			found.add('users.id');
			const declared = new Set([
				...PUPIL_COLUMNS.map((c) => `${c.table}.${c.column}`),
				...STAFF_COLUMNS
			]);
			expect([...found].filter((c) => !declared.has(c)).sort()).toEqual([]);
			expect([...declared].filter((c) => !found.has(c)).sort()).toEqual([]);
		}
	);
});

describe("a pupil's data", () => {
	const { db } = openTestDatabase();
	let t: TestPilot;
	let p: Awaited<ReturnType<typeof fullPupil>>;
	beforeAll(async () => {
		process.env.UPLOADS_PATH = mkdtempSync(join(tmpdir(), 'mam-privacy-'));
		t = await buildTestPilot(db);
		p = await fullPupil(db, t);
	});

	it('is a ZIP holding pupil.json with every section and the photos and files, never the secret', async () => {
		const pupil = (await pupilOfClass(db, t.class4A, p.pupil))!;
		const archive = await pupilArchive(db, admin(t.teacherA), pupil, NOW);
		// Named after the pupil and the day, never an internal id.
		expect(archive.fileName).toMatch(
			new RegExp(`^du-lieu-pupil-${t.class4A}-0-\\d{4}-\\d{2}-\\d{2}\\.zip$`)
		);
		const zip = await JSZip.loadAsync(await zipBuffer(archive.entries, NOW));
		const text = await zip.file('pupil.json')!.async('string');
		const json = JSON.parse(text);
		expect(text).toContain('\n  "identity"'); // pretty-printed
		expect(json.identity).toMatchObject({
			fullName: `Pupil ${t.class4A}-0`,
			gender: 'female',
			ethnicity: 'Nùng'
		});
		expect(json.identity.birthDate).toEqual({ iso: '2016-03-02', display: '02/03/2016' });
		for (const section of new Set(PUPIL_COLUMNS.map((c) => c.section).filter((s) => s !== null)))
			expect(json[section!], section!).not.toEqual([]);
		expect(json.drawings[0]).toMatchObject({
			name: 'Nhà sàn',
			program: { w: 2 },
			strokes: [{ x1: 0, y1: 0, x2: 1, y2: 1 }]
		});
		expect(json.drawings[0].hiddenByTeacher.display).toMatch(/^\d\d\/\d\d\/\d{4} /);
		expect(json.exerciseAttempts[0]).toMatchObject({
			exercise: 'Vòng lặp',
			passed: true,
			stars: 2,
			program: { blocks: 'ĐI THẲNG' }
		});
		expect(json.reviewsReceived[0].scores).toContainEqual({
			criterion: 'Hợp tác',
			points: '2/4',
			forThisPupil: true
		});
		expect(json.surveys[0].answers).toEqual([{ statement: 'Em thích khoa học', answer: 4 }]);
		expect(text).not.toContain('chuồn');
		const photo = json.photos[0].inArchive;
		expect((await zip.file(photo)!.async('nodebuffer')).subarray(8, 12).toString()).toBe('WEBP');
		expect(await zip.file(json.files[0].inArchive)!.async('string')).toBe('Báo cáo của nhóm');
		expect(json.files[0].inArchive).toMatch(/^files\/\d+-báo cáo\.txt$/);
	});

	it('is recorded in the audit trail with ids only', async () => {
		const entry = await db
			.selectFrom('audit_log')
			.selectAll()
			.where('action', '=', 'export.pupil_data')
			.executeTakeFirstOrThrow();
		expect(entry).toMatchObject({
			actor_id: t.teacherA,
			target_type: 'user',
			target_id: p.pupil,
			school_id: t.schoolA
		});
		expect(entry.detail).not.toContain('Pupil');
	});

	it("is a teacher's to export while the pupil is or was in the class, not another class's", async () => {
		expect(await pupilOfClass(db, t.class6A, p.pupil)).toBeUndefined();
		await db
			.updateTable('enrolments')
			.set({ ended_on: '2026-01-10' })
			.where('pupil_id', '=', t.pupilsA[5])
			.execute();
		expect(await pupilOfClass(db, t.class4A, t.pupilsA[5])).toBeDefined();
		expect((await formerPupils(db, t.class4A)).map((f) => f.id)).toEqual([t.pupilsA[5]]);
		await db
			.updateTable('enrolments')
			.set({ ended_on: null })
			.where('pupil_id', '=', t.pupilsA[5])
			.execute();
	});
});

describe('erasing a pupil', () => {
	const { db } = openTestDatabase();
	let t: TestPilot;
	let p: Awaited<ReturnType<typeof fullPupil>>;
	let before: Awaited<ReturnType<typeof figures>>;
	let stored: { photo: string; file: string };
	beforeAll(async () => {
		process.env.UPLOADS_PATH = mkdtempSync(join(tmpdir(), 'mam-erase-'));
		t = await buildTestPilot(db);
		p = await fullPupil(db, t);
		const photo = await db
			.selectFrom('portfolio_photos')
			.select('stored_name')
			.executeTakeFirstOrThrow();
		const file = await db
			.selectFrom('portfolio_files')
			.select('stored_name')
			.executeTakeFirstOrThrow();
		stored = {
			photo: join(uploadsRoot(), 'photos', `${photo.stored_name}.webp`),
			file: join(uploadsRoot(), 'files', file.stored_name)
		};
		before = await figures(db, t);
	});

	it('is refused to anyone but the admin (and the server itself)', async () => {
		for (const role of ['teacher', 'department', 'student'] as const)
			await expect(
				erasePupil(db, { id: t.teacherA, role, address: null }, p.pupil, NOW)
			).rejects.toThrow(NotAllowed);
		expect(
			(
				await db
					.selectFrom('users')
					.select('erased_at')
					.where('id', '=', p.pupil)
					.executeTakeFirstOrThrow()
			).erased_at
		).toBeNull();
	});

	it('removes the identity, the secret, the sessions, the personal content and the files on disk', async () => {
		expect(existsSync(stored.photo) && existsSync(stored.file)).toBe(true);
		const result = await erasePupil(db, admin(t.teacherA), p.pupil, NOW);
		expect(result).toMatchObject({
			erased: true,
			counts: {
				photos: 1,
				files: 1,
				reflections: 1,
				savedWork: 1,
				drawings: 1,
				sessions: 1,
				surveyAnswers: 1,
				enrolmentsEnded: 1,
				consentsWithdrawn: 1,
				showcaseWithdrawn: 1
			}
		});
		const user = await db
			.selectFrom('users')
			.leftJoin('pupil_profiles', 'user_id', 'id')
			.selectAll()
			.where('id', '=', p.pupil)
			.executeTakeFirstOrThrow();
		expect(user).toMatchObject({
			full_name: ERASED_NAME,
			username: null,
			password_hash: null,
			birth_date: null,
			ethnicity: null,
			secret: '',
			erased_at: NOW
		});
		expect(existsSync(stored.photo) || existsSync(stored.file)).toBe(false);
		const left = async (
			table:
				| 'portfolio_photos'
				| 'portfolio_files'
				| 'reflections'
				| 'exercise_work'
				| 'play_drawings'
				| 'sessions'
				| 'survey_answers'
				| 'showcase_entries'
		) => (await db.selectFrom(table).selectAll().execute()).length;
		expect([
			await left('portfolio_photos'),
			await left('portfolio_files'),
			await left('reflections'),
			await left('exercise_work'),
			await left('play_drawings'),
			await left('sessions'),
			await left('survey_answers'),
			await left('showcase_entries')
		]).toEqual([0, 0, 0, 0, 0, 1, 0, 0]); // the other session is another pupil's
		expect(await db.selectFrom('login_failures').selectAll().execute()).toEqual([]);
		const attempts = await db
			.selectFrom('exercise_attempts')
			.select('workspace')
			.where('pupil_id', '=', p.pupil)
			.execute();
		expect(attempts.length).toBe(2);
		expect(attempts.every((a) => a.workspace === '{}')).toBe(true);
		expect(await db.selectFrom('showcase_consents').select('withdrawn_at').execute()).toEqual([
			{ withdrawn_at: NOW }
		]);
	});

	it("keeps the department's figures and the rollups equal", async () => {
		expect(await figures(db, t)).toEqual(before);
	});

	it('leaves a pupil who can no longer sign in, nor be found', async () => {
		expect((await validateSessionToken(db, p.token, NOW)).user).toBeNull();
		const tries = await signInPupil(
			db,
			{ pupilId: p.pupil, classId: t.class4A, answer: SECRET.split('|') },
			NOW
		);
		expect(tries.ok).toBe(false);
		expect(await findPupils(db, t.schoolA, 'Pupil')).not.toContainEqual(
			expect.objectContaining({ id: p.pupil })
		);
		expect(await pupilOfClass(db, t.class4A, p.pupil)).toBeUndefined();
	});

	it("records 'pupil.erased' with ids and counts only", async () => {
		const entries = await db
			.selectFrom('audit_log')
			.selectAll()
			.where('action', '=', 'pupil.erased')
			.execute();
		expect(entries).toHaveLength(1);
		expect(entries[0]).toMatchObject({
			actor_id: t.teacherA,
			actor_role: 'admin',
			target_id: p.pupil,
			school_id: t.schoolA
		});
		expect(JSON.parse(entries[0].detail!)).toMatchObject({
			reason: 'request',
			photos: 1,
			files: 1
		});
		expect(entries[0].detail).not.toMatch(/Pupil|Nùng|2016/);
	});

	it('is idempotent: a second erasure changes nothing and records nothing', async () => {
		const snapshot = async () => ({
			user: await db.selectFrom('users').selectAll().where('id', '=', p.pupil).execute(),
			audit: await db.selectFrom('audit_log').selectAll().execute(),
			figures: await figures(db, t)
		});
		const first = await snapshot();
		expect(await erasePupil(db, SYSTEM, p.pupil, NOW + 1000)).toEqual({
			erased: false,
			reason: 'already_erased'
		});
		expect(await snapshot()).toEqual(first);
	});
});
