import { describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openTestDatabase } from '../db/testing';
import { seedDemo } from './demo';
import { seedProjects } from './projects';
import { listPublic } from '../projects/showcase';
import { listPupilWork } from '../assignments/assignments';

describe('projects seed', () => {
	it('leaves consented projects with photos on the showcase, and work for 6A1', async () => {
		process.env.UPLOADS_PATH = mkdtempSync(join(tmpdir(), 'mam-seed-'));
		const { db } = openTestDatabase();
		const now = Date.parse('2026-11-20T03:00:00Z');
		await seedDemo(db, now);
		await seedProjects(db, now);
		const pub = await listPublic(db);
		expect(pub.length).toBeGreaterThanOrEqual(3);
		expect(pub[0].featured).toBe(true);
		expect(pub.every((p) => p.coverPhotoId !== null)).toBe(true);
		for (const p of pub) for (const n of p.firstNames) expect(n).not.toContain(' ');
		const pupil = await db
			.selectFrom('enrolments')
			.innerJoin('classes', 'classes.id', 'enrolments.class_id')
			.innerJoin('schools', 'schools.id', 'classes.school_id')
			.select('enrolments.pupil_id')
			.where('classes.name', '=', '6A1')
			.where('schools.name', '=', 'Trường THCS Đồng Đăng')
			.executeTakeFirstOrThrow();
		const work = await listPupilWork(db, pupil.pupil_id, now);
		expect(work.map((w) => w.kind).sort()).toEqual(['exercises', 'project']);
	}, 120_000);
});
