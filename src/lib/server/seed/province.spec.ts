// The province seed (scripts/seed-province.js) writes its attempts and projects with the rollup triggers
// set aside and then fills the rollups in bulk: what it writes must equal what the triggers would have.
import { afterAll, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const dir = mkdtempSync(join(tmpdir(), 'mam-province-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const ROLLUPS = [
	'progress_mastery_rollup',
	'progress_mastery_class',
	'progress_weekly_active',
	'progress_pupil_activity',
	'progress_period_activity',
	'progress_mastery_school',
	'progress_quality_scores',
	'progress_quality_members',
	'progress_quality_school_scores',
	'progress_quality_school_members',
	'progress_team_steps',
	'progress_project_changes'
];

// 20 November: every attempt within the school year (from 5 September). 20 September: the seed's
// attempts start 30 days back, on 21 August, before the year's first day: semester 1 by the calendar
// month, outside every period (semester 0) by the year's dates, as the triggers of 0024 count them.
it.each([
	['2026-11-20T03:00:00Z', false],
	['2026-09-20T03:00:00Z', true]
])(
	'fills the rollups in bulk exactly as the triggers would (now %s)',
	async (today, before) => {
		process.env.PROVINCE_SCALE = '0.004';
		const seedPath = resolve('scripts/seed-province.js');
		const { seedProvince } = await import(/* @vite-ignore */ seedPath);
		const now = Date.parse(today);
		const bulk = await seedProvince(join(dir, 'bulk.db'), {
			force: true,
			now,
			viaTriggers: false,
			quiet: true
		});
		const triggered = await seedProvince(join(dir, 'triggers.db'), {
			force: true,
			now,
			viaTriggers: true,
			quiet: true
		});
		const a = new Database(bulk, { readonly: true });
		const b = new Database(triggered, { readonly: true });
		// Attempts before the year's first day count in no semester, and only those.
		const outside = (db: Database.Database) =>
			db
				.prepare(
					`SELECT (SELECT COALESCE(SUM(attempts), 0) FROM progress_mastery_class WHERE semester = 0) AS rollup,
					(SELECT COUNT(*) FROM exercise_attempts a JOIN classes c ON c.id = a.class_id
						JOIN school_years y ON y.id = c.school_year_id
						WHERE a.created_at < unixepoch(y.starts_on) * 1000) AS attempts`
				)
				.get() as { rollup: number; attempts: number };
		expect(outside(a).rollup).toBe(outside(a).attempts);
		expect(outside(a).rollup > 0).toBe(before);
		expect(a.prepare('SELECT COUNT(*) AS n FROM reviews').get()).toEqual(
			b.prepare('SELECT COUNT(*) AS n FROM reviews').get()
		);
		for (const table of ROLLUPS) {
			// Every column in the order, sums of real numbers rounded (the order they were added in differs).
			const rows = (db: Database.Database) => {
				const n = db.prepare(`SELECT * FROM ${table}`).columns().length;
				const all = db
					.prepare(
						`SELECT * FROM ${table} ORDER BY ${Array.from({ length: n }, (_, i) => i + 1).join(', ')}`
					)
					.all() as Record<string, unknown>[];
				return all.map((r) =>
					Object.fromEntries(
						Object.entries(r).map(([k, v]) => [
							k,
							typeof v === 'number' ? Math.round(v * 1e6) / 1e6 : v
						])
					)
				);
			};
			const got = rows(a);
			if (table !== 'progress_project_changes') expect(got.length, table).toBeGreaterThan(0);
			expect(got, table).toEqual(rows(b));
		}
		a.close();
		b.close();
	},
	120_000
);
