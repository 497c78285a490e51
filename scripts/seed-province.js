// npm run seed:province: a realistic synthetic province in its OWN database file, for load tests:
// 300 schools, 150,000 pupils, 4,500 teachers, ~6 million exercise attempts, 60,000 project reviews,
// two survey windows (pre, closed and answered; post, open now and partly answered).
//
//   node scripts/seed-province.js [--out data/province.db] [--scale 0.01] [--force]
//   PROVINCE_DB=... PROVINCE_SCALE=... work too. --scale shrinks every count (for quick checks).
//
// Plain JS (Node 20 runs no TypeScript): better-sqlite3 with prepared statements in big transactions.
// The schema comes from the app's migrator (src/lib/server/db/migrate.ts), so the app starts on this file
// without migrating again. With --database postgres://… the province is built in a SQLite file first and
// then copied into that (empty) PostgreSQL database by npm run db:copy, which checks the copy.
// Attempts are written in each pupil's time order. The rollup triggers (0006's of the attempts, 0008's of
// the activity per period and of the projects per class) are set aside during the bulk writes and the
// rollups filled in one pass after; --with-triggers writes through them instead, and
// src/lib/server/seed/province.spec.ts checks that both ways give the same rollups.
//
// Projects (issue 5's tables): per class, engineering-design projects (assignment, class target, five
// steps, the rubric copied in), teams of four of the class's pupils, their step submissions (60 % of
// teams hand in every step) and a returned review per team with its four criteria scored, until the
// 60,000 reviews are written; a tenth of the teams get an earlier review too (the history), and
// every teacher also sets an exercise set now and then.
import Database from 'better-sqlite3';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { hash } from '@node-rs/argon2';
import { createJiti } from 'jiti';

const root = new URL('..', import.meta.url).pathname;
const arg = (name) => {
	const i = process.argv.indexOf(name);
	return i > 0 ? process.argv[i + 1] : undefined;
};
const out = resolve(arg('--out') ?? process.env.PROVINCE_DB ?? join(root, 'data', 'province.db'));
const scale = Number(arg('--scale') ?? process.env.PROVINCE_SCALE ?? 1);
const force = process.argv.includes('--force');

const N = {
	schools: Math.max(3, Math.round(300 * scale)),
	pupilsPerSchool: 500,
	teachersPerSchool: 15,
	attemptsPerPupil: 40,
	reviews: Math.round(60_000 * scale)
};
const DAY = 86_400_000;

// The app's own migrator (checksums and all) and random generator, not copies of them.
process.env.MIGRATIONS_DIR ??= join(root, 'migrations');
const jiti = createJiti(import.meta.url);
const { migrate } = await jiti.import('../src/lib/server/db/migrate.ts');
const { seededRandom } = await jiti.import('../src/lib/server/seed/random.ts');
// The school year under way (the demo seed's rule), from the one home of the periods.
const { schoolYearOf } = await jiti.import('../src/lib/server/reports/scope.ts');

const COMMUNES = [
	'Phường Lương Văn Tri',
	'Phường Tam Thanh',
	'Phường Đông Kinh',
	'Phường Kỳ Lừa',
	'Xã Đồng Đăng',
	'Xã Cao Lộc',
	'Xã Chi Lăng',
	'Xã Quan Sơn',
	'Xã Mẫu Sơn',
	'Xã Lộc Bình',
	'Xã Đình Lập',
	'Xã Bình Gia',
	'Xã Hoa Thám',
	'Xã Văn Quan',
	'Xã Tràng Định',
	'Xã Thất Khê',
	'Xã Bắc Sơn',
	'Xã Hữu Lũng',
	'Xã Vân Nham',
	'Xã Tân Thanh',
	'Xã Na Sầm',
	'Xã Văn Lãng',
	'Xã Bằng Mạc',
	'Xã Thái Bình',
	'Xã Khuất Xá',
	'Xã Tân Tiến',
	'Xã Hữu Liên',
	'Xã Yên Bình',
	'Xã Thiện Tân',
	'Xã Kháng Chiến'
];
const ETHNICITIES = [
	['Nùng', 0.4],
	['Tày', 0.34],
	['Kinh', 0.15],
	['Dao', 0.05],
	['Sán Chay', 0.02],
	['Hoa', 0.01],
	["H'Mông", 0.01],
	[null, 0.02]
];
const FAMILY = [
	'Hoàng',
	'Nông',
	'Lường',
	'Vi',
	'Lăng',
	'Hà',
	'Chu',
	'Triệu',
	'Bế',
	'Lộc',
	'Hứa',
	'Mã',
	'Nguyễn',
	'Trần',
	'Đinh',
	'Lục',
	'Dương'
];
const GIVEN = [
	'An',
	'Bình',
	'Chi',
	'Dũng',
	'Giang',
	'Hà',
	'Hải',
	'Hoa',
	'Hùng',
	'Lan',
	'Linh',
	'Long',
	'Mai',
	'Minh',
	'Nam',
	'Ngân',
	'Phong',
	'Sơn',
	'Thảo',
	'Trang',
	'Tuấn',
	'Yến'
];
const CONCEPTS = ['sequence', 'loops', 'conditions', 'variables', 'functions'];
const KINDS = ['maze', 'turtle', 'io', 'sensor'];

function ethnicityOf(rng) {
	let x = rng.next();
	for (const [e, p] of ETHNICITIES) {
		if ((x -= p) < 0) return e;
	}
	return null;
}

/** What the attempts' triggers keep (progress_attempt_rollup, progress_attempt_period_activity and progress_attempt_school: 0006, 0008, 0024), computed in one pass. */
export function buildAttemptRollups(db) {
	// An attempt's semester: the period of its class's school year it falls in, 0 outside the year's
	// dates (progress_class_semesters of 0024, as the triggers read it).
	const semester = 'COALESCE(s.semester, 0)';
	const week = "date(a.created_at / 1000, 'unixepoch', '-6 days', 'weekday 1')";
	db.exec(`
		INSERT INTO progress_mastery_rollup (class_id, semester, concept, gender, ethnicity, attempts, passed, stars, hints)
		SELECT a.class_id, ${semester}, e.concept, COALESCE(p.gender, ''), COALESCE(p.ethnicity, ''),
			COUNT(*), SUM(a.passed), SUM(CASE WHEN a.passed = 1 THEN a.stars ELSE 0 END), SUM(a.hints_used)
		FROM exercise_attempts a JOIN exercises e ON e.id = a.exercise_id LEFT JOIN pupil_profiles p ON p.user_id = a.pupil_id
		LEFT JOIN progress_class_semesters s ON s.class_id = a.class_id AND a.created_at >= s.from_ms AND a.created_at < s.to_ms
		WHERE a.class_id IS NOT NULL GROUP BY 1, 2, 3, 4, 5;
		INSERT INTO progress_mastery_class (class_id, semester, concept, attempts, passed, stars, hints)
		SELECT class_id, semester, concept, SUM(attempts), SUM(passed), SUM(stars), SUM(hints)
		FROM progress_mastery_rollup GROUP BY 1, 2, 3;
		INSERT INTO progress_weekly_active (week, class_id, pupils)
		SELECT week, class_id, COUNT(DISTINCT pupil_id) FROM (SELECT ${week} AS week, a.class_id, a.pupil_id FROM exercise_attempts a WHERE a.class_id IS NOT NULL)
		GROUP BY 1, 2;
		INSERT INTO progress_pupil_activity (pupil_id, last_at, last_week)
		SELECT a.pupil_id, MAX(a.created_at), date(MAX(a.created_at) / 1000, 'unixepoch', '-6 days', 'weekday 1')
		FROM exercise_attempts a WHERE a.class_id IS NOT NULL GROUP BY a.pupil_id
		ON CONFLICT (pupil_id) DO UPDATE SET last_at = max(last_at, excluded.last_at), last_week = excluded.last_week;
		INSERT INTO progress_period_activity (pupil_id, school_year_id, period, last_at)
		SELECT a.pupil_id, p.school_year_id, p.period, MAX(a.created_at)
		FROM exercise_attempts a JOIN progress_periods p ON a.created_at >= p.from_ms AND a.created_at < p.to_ms
		WHERE a.class_id IS NOT NULL GROUP BY 1, 2, 3;
		INSERT INTO progress_mastery_school (school_id, school_year_id, semester, concept, gender, ethnicity, attempts, passed, stars, hints)
		SELECT c.school_id, c.school_year_id, r.semester, r.concept, r.gender, r.ethnicity, SUM(r.attempts), SUM(r.passed), SUM(r.stars), SUM(r.hints)
		FROM progress_mastery_rollup r JOIN classes c ON c.id = r.class_id GROUP BY 1, 2, 3, 4, 5, 6;
	`);
}

/** A trigger's CREATE statement as the migrations left it, to set it back after a bulk load. */
function triggerOf(db, name) {
	return (
		db.prepare("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?").get(name).sql +
		';'
	);
}

const isoDay = (ms) => new Date(ms + 7 * 3600_000).toISOString().slice(0, 10);

export async function seedProvince(path = out, opts = { force }) {
	if (existsSync(path)) {
		if (!opts.force) {
			console.log(`The province already exists at ${path} (use --force to rebuild it).`);
			return path;
		}
		for (const s of ['', '-wal', '-shm']) rmSync(path + s, { force: true });
	}
	mkdirSync(dirname(path), { recursive: true });
	const started = Date.now();
	const tmp = path + '.building';
	for (const s of ['', '-wal', '-shm', '-journal']) rmSync(tmp + s, { force: true });
	const db = new Database(tmp);
	db.pragma('journal_mode = OFF'); // a throwaway file until it is complete: renamed at the end
	db.pragma('synchronous = OFF');
	db.pragma('cache_size = -400000');
	db.pragma('temp_store = MEMORY');
	migrate(db);
	const rng = seededRandom(20260);
	const now = opts.now ?? Date.now();
	const year = schoolYearOf(now);
	const yearStart = Math.min(Date.parse(year.startsOn + 'T00:00:00Z'), now - 30 * DAY);
	const staffHash = await hash('mamstem-demo', { memoryCost: 19456, timeCost: 2, parallelism: 1 });
	const log = (what) =>
		opts.quiet || console.log(`  ${what} (${((Date.now() - started) / 1000).toFixed(1)} s)`);

	const ids = { schools: [], classes: [], pupils: [] };
	db.transaction(() => {
		db.prepare(
			'INSERT INTO school_years (name, starts_on, ends_on, is_current) VALUES (?, ?, ?, 1)'
		).run(year.name, year.startsOn, year.endsOn);
		const yearId = db.prepare('SELECT id FROM school_years WHERE is_current = 1').get().id;
		const user = db.prepare(
			'INSERT INTO users (role, school_id, username, full_name, password_hash, created_at) VALUES (?, ?, ?, ?, ?, ?)'
		);
		user.run('admin', null, 'admin', 'Quản trị hệ thống', staffHash, now);
		user.run('department', null, 'sogd', 'Lăng Văn Minh', staffHash, now);
		const school = db.prepare(
			'INSERT INTO schools (name, commune, level, pilot_since, created_at) VALUES (?, ?, ?, ?, ?)'
		);
		const cls = db.prepare(
			'INSERT INTO classes (school_id, school_year_id, grade, name, join_code, created_at) VALUES (?, ?, ?, ?, ?, ?)'
		);
		const teach = db.prepare('INSERT INTO class_teachers (class_id, teacher_id) VALUES (?, ?)');
		const profile = db.prepare(
			"INSERT INTO pupil_profiles (user_id, gender, birth_date, ethnicity, secret_kind, secret) VALUES (?, ?, NULL, ?, 'words', 'mây|suối')"
		);
		const enrol = db.prepare(
			'INSERT INTO enrolments (class_id, pupil_id, started_on) VALUES (?, ?, ?)'
		);
		for (let s = 0; s < N.schools; s++) {
			const level = s % 6 < 3 ? 'primary' : s % 6 < 5 ? 'lower_secondary' : 'upper_secondary';
			const commune = COMMUNES[s % COMMUNES.length];
			const prefix =
				level === 'primary'
					? 'Trường Tiểu học'
					: level === 'lower_secondary'
						? 'Trường THCS'
						: 'Trường THPT';
			const schoolId = Number(
				school.run(
					`${prefix} ${commune.replace(/^(Xã|Phường) /, '')} số ${s + 1}`,
					commune,
					level,
					'2025-09-05',
					now
				).lastInsertRowid
			);
			const grades =
				level === 'primary'
					? [1, 2, 3, 4, 5]
					: level === 'lower_secondary'
						? [6, 7, 8, 9]
						: [10, 11, 12];
			const perGrade = level === 'primary' ? 3 : 4;
			const teachers = [];
			for (let t = 0; t < N.teachersPerSchool; t++) {
				teachers.push(
					Number(
						user.run(
							'teacher',
							schoolId,
							`gv.p${s + 1}.${t + 1}`,
							`${rng.pick(FAMILY)} Thị ${rng.pick(GIVEN)}`,
							staffHash,
							now
						).lastInsertRowid
					)
				);
			}
			const classIds = [];
			for (const g of grades) {
				for (let k = 0; k < perGrade; k++) {
					const code = `P${String(s).padStart(3, '0')}${g}${k}`;
					const id = Number(
						cls.run(schoolId, yearId, g, `${g}A${k + 1}`, code, now).lastInsertRowid
					);
					classIds.push({ id, grade: g, schoolId });
					teach.run(id, teachers[classIds.length % teachers.length]);
				}
			}
			for (let p = 0; p < N.pupilsPerSchool; p++) {
				const c = classIds[p % classIds.length];
				const gender = rng.next() < 0.49 ? 'female' : 'male';
				const id = Number(
					user.run(
						'student',
						schoolId,
						null,
						`${rng.pick(FAMILY)} ${gender === 'female' ? 'Thị' : 'Văn'} ${rng.pick(GIVEN)}`,
						null,
						now
					).lastInsertRowid
				);
				profile.run(id, gender, ethnicityOf(rng));
				enrol.run(c.id, id, year.startsOn);
				ids.pupils.push({ id, classId: c.id, grade: c.grade, schoolId });
			}
			ids.schools.push({ id: schoolId, teachers, level });
			ids.classes.push(
				...classIds.map((c) => ({
					...c,
					teacher: teachers[(classIds.indexOf(c) + 1) % teachers.length]
				}))
			);
		}
	})();
	log(`${ids.schools.length} schools, ${ids.classes.length} classes, ${ids.pupils.length} pupils`);

	// Exercises, lessons, teachings, plans.
	const exercises = [];
	db.transaction(() => {
		const ex = db.prepare(
			"INSERT INTO exercises (title, kind, grade, concept, status, author_id, school_id, created_at, updated_at) VALUES (?, ?, ?, ?, 'published', ?, ?, ?, ?)"
		);
		for (let i = 0; i < 120; i++) {
			const grade = 1 + (i % 12);
			const concept = CONCEPTS[Math.min(4, Math.floor(((grade - 1) / 12) * 5 + rng.next() * 1.5))];
			const s = i < 60 ? null : rng.pick(ids.schools);
			const id = Number(
				ex.run(
					`Bài tập ${i + 1}`,
					KINDS[i % 4],
					grade,
					concept,
					s ? s.teachers[0] : null,
					s ? s.id : null,
					yearStart + rng.int(30) * DAY,
					now
				).lastInsertRowid
			);
			exercises.push({ id, grade });
		}
		const lesson = db.prepare(
			"INSERT INTO lessons (title, status, author_id, school_id, copied_from_id, created_at, updated_at) VALUES (?, 'published', ?, ?, ?, ?, ?)"
		);
		const library = [];
		for (let i = 0; i < 100; i++)
			library.push(
				Number(
					lesson.run(`Chủ đề STEM ${i + 1}`, null, null, null, yearStart - 30 * DAY, now)
						.lastInsertRowid
				)
			);
		const bySchool = new Map();
		for (const s of ids.schools) {
			const own = [...library];
			for (const t of s.teachers) {
				const r = rng.next();
				const when = yearStart + rng.int(Math.max(1, Math.floor((now - yearStart) / DAY))) * DAY;
				if (r < 0.3)
					own.push(
						Number(lesson.run('Bài học của giáo viên', t, s.id, null, when, now).lastInsertRowid)
					);
				else if (r < 0.5)
					own.push(
						Number(
							lesson.run('Bài học điều chỉnh', t, s.id, rng.pick(library), when, now)
								.lastInsertRowid
						)
					);
			}
			bySchool.set(s.id, own);
		}
		const teaching = db.prepare(
			'INSERT INTO lesson_teachings (lesson_id, class_id, teacher_id, taught_on, periods, created_at) VALUES (?, ?, ?, ?, ?, ?)'
		);
		const plan = db.prepare(
			'INSERT INTO progress_lesson_plans (class_id, semester, planned_lessons, updated_by, updated_at) VALUES (?, ?, ?, ?, ?)'
		);
		for (const c of ids.classes) {
			plan.run(c.id, 1, 6 + rng.int(5), c.teacher, now);
			plan.run(c.id, 2, 6 + rng.int(5), c.teacher, now);
			const n = rng.int(9);
			for (let i = 0; i < n; i++)
				teaching.run(
					rng.pick(bySchool.get(c.schoolId)),
					c.id,
					c.teacher,
					isoDay(yearStart + rng.next() * (now - yearStart)),
					1 + rng.int(3),
					now
				);
		}
	})();
	log('exercises, lessons, teachings and plans');

	// Attempts: ~40 per pupil, each pupil's in time order. By default the attempts' rollup triggers are
	// set aside while they are written and the rollups are then summed in one pass (what the triggers
	// would have written, a few times faster); --with-triggers writes them through the triggers instead.
	// The triggers are set back as the migrations left them (their text in sqlite_master).
	const viaTriggers = opts.viaTriggers ?? process.argv.includes('--with-triggers');
	const attemptTriggers = [
		'progress_attempt_rollup',
		'progress_attempt_period_activity',
		'progress_attempt_school'
	];
	const triggerSql = attemptTriggers.map((name) => triggerOf(db, name)).join('\n');
	if (!viaTriggers) for (const name of attemptTriggers) db.exec(`DROP TRIGGER ${name}`);
	const attempt = db.prepare(
		'INSERT INTO exercise_attempts (exercise_id, pupil_id, class_id, passed, stars, hints_used, time_spent_ms, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)'
	);
	const byGrade = new Map();
	for (let g = 1; g <= 12; g++)
		byGrade.set(
			g,
			exercises.filter((e) => e.grade <= g && e.grade >= g - 3)
		);
	let count = 0;
	const BATCH = 2000; // pupils per transaction
	for (let i = 0; i < ids.pupils.length; i += BATCH) {
		db.transaction(() => {
			for (const p of ids.pupils.slice(i, i + BATCH)) {
				const k = rng.next() < 0.15 ? rng.int(5) : 22 + rng.int(50);
				if (!k) continue;
				const pool = byGrade.get(p.grade);
				const skill = 0.25 + rng.next() * 0.6;
				const first = yearStart + rng.next() * (now - yearStart) * 0.3;
				const step = (now - first) / (k + 1);
				let t = first;
				let tries = 0;
				let ex = rng.pick(pool);
				for (let j = 0; j < k; j++) {
					t += step * (0.3 + rng.next() * 1.4);
					if (t >= now) t = now - rng.int(3_600_000);
					const passed = rng.next() < skill + tries * 0.12;
					const hints = rng.next() < 0.35 ? 1 + rng.int(3) : 0;
					attempt.run(
						ex.id,
						p.id,
						p.classId,
						passed ? 1 : 0,
						passed ? 1 + rng.int(3) : 0,
						hints,
						20_000 + rng.int(900_000),
						Math.floor(t)
					);
					count++;
					tries++;
					if (passed || tries > 4) {
						ex = rng.pick(pool);
						tries = 0;
					}
				}
			}
		})();
		if ((i / BATCH) % 15 === 0) log(`${count.toLocaleString('en')} attempts`);
	}
	log(`${count.toLocaleString('en')} attempts`);
	if (!viaTriggers) {
		db.transaction(() => {
			buildAttemptRollups(db);
			db.exec(triggerSql);
		})();
		log('rollups of the attempts');
	}

	// Surveys: the forms of the demo (same JSON), a pre window (closed) and a post window (open now).
	const forms = JSON.parse(
		readFileSync(join(root, 'src/lib/server/seed/survey-items.json'), 'utf8')
	);
	db.transaction(() => {
		const yearId = db.prepare('SELECT id FROM school_years WHERE is_current = 1').get().id;
		const formIns = db.prepare(
			'INSERT INTO survey_forms (audience, title, updated_at) VALUES (?, ?, ?)'
		);
		const itemIns = db.prepare(
			'INSERT INTO survey_items (form_id, scale, position, text, reversed) VALUES (?, ?, ?, ?, ?)'
		);
		const winIns = db.prepare(
			'INSERT INTO survey_windows (form_id, school_year_id, phase, opens_on, closes_on, created_at) VALUES (?, ?, ?, ?, ?, ?)'
		);
		const winSchool = db.prepare(
			'INSERT INTO survey_window_schools (window_id, school_id) VALUES (?, ?)'
		);
		const resp = db.prepare(
			"INSERT INTO survey_responses (window_id, respondent_id, school_id, class_id, grade, gender, ethnicity, submitted_at) SELECT ?, ?, ?, ?, ?, COALESCE(gender, ''), COALESCE(ethnicity, ''), ? FROM pupil_profiles WHERE user_id = ?"
		);
		const ans = db.prepare(
			'INSERT INTO survey_answers (response_id, item_id, value) VALUES (?, ?, ?)'
		);
		const score = db.prepare(
			'INSERT INTO survey_scale_scores (response_id, scale, score) VALUES (?, ?, ?)'
		);
		const setup = {};
		for (const f of forms) {
			const formId = Number(formIns.run(f.audience, f.title, now).lastInsertRowid);
			const items = f.items.map(([scale, text, reversed], i) => ({
				id: Number(itemIns.run(formId, scale, i + 1, text, reversed ? 1 : 0).lastInsertRowid),
				scale,
				reversed: !!reversed
			}));
			const preClose = isoDay(Math.min(yearStart + 35 * DAY, now - 2 * DAY));
			const pre = Number(
				winIns.run(
					formId,
					yearId,
					'pre',
					isoDay(yearStart + 5 * DAY) < preClose ? isoDay(yearStart + 5 * DAY) : preClose,
					preClose,
					now
				).lastInsertRowid
			);
			const post = Number(
				winIns.run(formId, yearId, 'post', isoDay(now - 3 * DAY), isoDay(now + 30 * DAY), now)
					.lastInsertRowid
			);
			for (const s of ids.schools) for (const w of [pre, post]) winSchool.run(w, s.id);
			setup[f.audience] = { items, pre, post };
		}
		for (const p of ids.pupils) {
			const audience = p.grade >= 6 ? 'pupil_secondary' : p.grade >= 4 ? 'pupil_primary' : null;
			if (!audience) continue;
			const { items, pre, post } = setup[audience];
			const base = 2.4 + rng.next() * 1.6;
			const phases = [];
			if (rng.next() < 0.7) phases.push([pre, base, yearStart + 10 * DAY]);
			if (rng.next() < 0.4)
				phases.push([post, base + 0.1 + rng.next() * 0.6, now - rng.int(3) * DAY]);
			for (const [w, level, at] of phases) {
				const r = Number(
					resp.run(w, p.id, p.schoolId, p.classId, p.grade, at, p.id).lastInsertRowid
				);
				const sums = new Map();
				for (const it of items) {
					const v = Math.min(5, Math.max(1, Math.round(level + (rng.next() - 0.5) * 2)));
					const given = it.reversed ? 6 - v : v;
					ans.run(r, it.id, given);
					const s = sums.get(it.scale) ?? [0, 0];
					s[0] += it.reversed ? 6 - given : given;
					s[1] += 1;
					sums.set(it.scale, s);
				}
				for (const [scale, [total, n]] of sums) score.run(r, scale, total / n);
			}
		}
	})();
	log('survey forms, two windows and responses');

	// Projects, teams, submissions and reviews (see the note at the top). The per-class recompute of
	// migration 0008 is set aside while they are written, then run once per class at the end.
	const recompute = triggerOf(db, 'progress_project_recompute');
	if (!viaTriggers) db.exec('DROP TRIGGER progress_project_recompute');
	db.transaction(() => {
		const CRITERIA = ['Xác định vấn đề', 'Giải pháp', 'Sản phẩm mẫu', 'Trình bày'];
		const STEPS = [
			['identify', 'Xác định vấn đề'],
			['research', 'Nghiên cứu kiến thức nền'],
			['design', 'Đề xuất và lựa chọn giải pháp'],
			['build', 'Chế tạo mẫu, thử nghiệm, đánh giá'],
			['share', 'Chia sẻ, thảo luận, điều chỉnh']
		];
		const levels = [1, 2, 3, 4].map((p, i) => ({
			descriptor: ['Chưa đạt', 'Đạt', 'Khá', 'Tốt'][i],
			points: p
		}));
		const rubric = JSON.stringify(CRITERIA.map((title) => ({ title, description: '', levels })));
		const asg = db.prepare(
			"INSERT INTO assignments (school_id, teacher_id, kind, title, instructions, lesson_id, process, rubric_json, opens_on, due_on, created_at) VALUES (?, ?, ?, ?, '', NULL, ?, ?, ?, ?, ?)"
		);
		const target = db.prepare(
			'INSERT INTO assignment_targets (assignment_id, class_id, pupil_id) VALUES (?, ?, NULL)'
		);
		const setEx = db.prepare(
			'INSERT INTO assignment_exercises (assignment_id, position, exercise_id) VALUES (?, ?, ?)'
		);
		const step = db.prepare(
			'INSERT INTO project_steps (assignment_id, position, key, label) VALUES (?, ?, ?, ?)'
		);
		const team = db.prepare(
			'INSERT INTO teams (assignment_id, class_id, name, created_at) VALUES (?, ?, ?, ?)'
		);
		const member = db.prepare(
			'INSERT INTO team_members (team_id, assignment_id, pupil_id) VALUES (?, ?, ?)'
		);
		const sub = db.prepare(
			'INSERT INTO submissions (team_id, step_key, submitted_by, submitted_at) VALUES (?, ?, ?, ?)'
		);
		const rev = db.prepare(
			"INSERT INTO reviews (team_id, reviewer_id, feedback, total, max_total, returned_at, created_at) VALUES (?, ?, '', ?, ?, ?, ?)"
		);
		const score = db.prepare(
			'INSERT INTO review_scores (review_id, criterion, criterion_title, pupil_id, points, max_points) VALUES (?, ?, ?, NULL, ?, 4)'
		);
		const pupilsOf = new Map();
		for (const p of ids.pupils) pupilsOf.set(p.classId, [...(pupilsOf.get(p.classId) ?? []), p.id]);
		const shared = exercises.slice(0, 60); // the library's, open to every school
		const span = Math.max(1, Math.floor((now - yearStart) / DAY) - 20);
		let reviews = 0;
		for (let round = 0; reviews < N.reviews && round < 20; round++) {
			for (const c of ids.classes) {
				if (reviews >= N.reviews) break;
				const opens = yearStart + rng.int(span) * DAY;
				const created = opens - DAY;
				const a = Number(
					asg.run(
						c.schoolId,
						c.teacher,
						'project',
						`Dự án ${round + 1} lớp ${c.grade}`,
						'engineering',
						rubric,
						isoDay(opens),
						isoDay(opens + 14 * DAY),
						created
					).lastInsertRowid
				);
				target.run(a, c.id);
				STEPS.forEach(([key, label], i) => step.run(a, i, key, label));
				const pupils = pupilsOf.get(c.id) ?? [];
				for (let k = 0; k + 4 <= pupils.length && reviews < N.reviews; k += 4) {
					const t = Number(team.run(a, c.id, `Nhóm ${k / 4 + 1}`, opens).lastInsertRowid);
					const members = pupils.slice(k, k + 4);
					for (const p of members) member.run(t, a, p);
					const all = rng.next() < 0.6;
					STEPS.forEach(([key], i) => {
						if (all || rng.next() < 0.5) sub.run(t, key, members[i % 4], opens + (2 + 2 * i) * DAY);
					});
					if (all) sub.run(t, null, members[0], opens + 13 * DAY);
					const review = (when) => {
						const pts = CRITERIA.map(() => 1 + rng.int(4));
						const r = Number(
							rev.run(
								t,
								c.teacher,
								pts.reduce((x, y) => x + y, 0),
								16,
								when,
								when
							).lastInsertRowid
						);
						pts.forEach((p, i) => score.run(r, i, CRITERIA[i], p));
						reviews++;
					};
					if (rng.next() < 0.1 && reviews + 1 < N.reviews) review(opens + 10 * DAY);
					review(opens + 16 * DAY);
				}
				// An exercise set by the same teacher now and then (the "assignments made" indicator).
				if (shared.length && rng.next() < 0.3) {
					const e = Number(
						asg.run(
							c.schoolId,
							c.teacher,
							'exercises',
							`Bộ bài tập lớp ${c.grade}`,
							null,
							null,
							isoDay(opens),
							isoDay(opens + 7 * DAY),
							created
						).lastInsertRowid
					);
					target.run(e, c.id);
					setEx.run(e, 0, rng.pick(shared).id);
				}
			}
		}
	})();
	if (!viaTriggers) {
		db.transaction(() => {
			db.exec('DELETE FROM progress_project_changes');
			db.exec(recompute);
			db.exec(
				'INSERT INTO progress_project_changes (class_id) SELECT DISTINCT class_id FROM teams'
			);
		})();
	}
	log(`${N.reviews.toLocaleString('en')} project reviews`);

	db.exec('ANALYZE');
	db.pragma('journal_mode = DELETE');
	db.close();
	// The app opens it in WAL mode; rename only a complete file.
	const { renameSync } = await import('node:fs');
	renameSync(tmp, path);
	const done = new Database(path);
	done.pragma('journal_mode = WAL');
	done.close();
	if (!opts.quiet)
		console.log(`Province written to ${path} in ${((Date.now() - started) / 1000).toFixed(0)} s.`);
	return path;
}

/** The province on PostgreSQL: built as a SQLite file, then copied (and checked) by db:copy. */
async function seedProvinceInto(url) {
	const { spawnSync } = await import('node:child_process');
	const { tmpdir } = await import('node:os');
	const file = join(tmpdir(), `mam-stem-province-${process.pid}.db`);
	try {
		await seedProvince(file, { force: true });
		console.log(`Copying it into ${url.replace(/:[^:@/]*@/, ':***@')}…`);
		const r = spawnSync('node', [join(root, 'scripts/db-copy.js'), '--from', file, '--to', url], {
			stdio: ['ignore', 'ignore', 'inherit']
		});
		if (r.status !== 0) process.exit(r.status ?? 1);
		console.log('Province copied into PostgreSQL and checked against the SQLite file.');
	} finally {
		for (const s of ['', '-wal', '-shm']) rmSync(file + s, { force: true });
	}
}

if (import.meta.url === `file://${process.argv[1]}`) {
	const url = arg('--database');
	if (url && !/^postgres(ql)?:\/\//.test(url)) {
		console.error(
			'seed:province: --database takes a postgres:// address (or --out for a SQLite file).'
		);
		process.exit(1);
	}
	console.log(
		`Mầm STEM: writing a synthetic province (scale ${scale}) to ${url ? 'PostgreSQL' : out}…`
	);
	if (url) await seedProvinceInto(url);
	else await seedProvince(out, { force });
}
