// Demo data for progress and the evaluation: attitude survey forms (our own items), a closed pre window
// with responses and an open post window, pupils' exercise attempts over the last weeks, STEM lessons
// taught and each class's plan. Uses the exercises and lessons other domains seeded when there are any,
// else adds a few shared ones of its own. Deterministic.
import type { DB, Tx } from '../db';
import type { Concept, ExerciseKind } from '../db/types';
import { listRoster, today } from '../classes/pupils';
import { seededRandom, type Random } from './random';
import { SURVEY_FORMS } from './survey-items';
import { scaleScores } from '../surveys/scoring';
import { gradeWorkspaceText, starsFor } from '../exercises/grade';

const idealOf = (spec: string | null) =>
	spec ? ((JSON.parse(spec) as ExerciseSpec).ideal ?? 99) : 99;
import type { ExerciseSpec, Kind } from '$lib/blockly/spec';

/** A program a demo attempt stores, graded for real: its text, verdict, stars and size. */
interface DemoProgram {
	workspace: string;
	verdict: string;
	stars: number;
	blocks: number;
}

/**
 * Per exercise, the programs demo attempts replay: its reference solution for a pass and its first
 * wrong solution for a failure, each graded by the server's own grader (so a replay shows the program
 * that earned its verdict). Exercises without a reference (a bare demo) get none.
 */
function demoPrograms(exercises: { id: number; kind: string; spec: string | null }[]) {
	const out = new Map<number, { pass: DemoProgram; fail: DemoProgram | null }>();
	for (const e of exercises) {
		const spec = e.spec ? (JSON.parse(e.spec) as ExerciseSpec) : null;
		if (!spec?.reference) continue;
		const graded = (ws: unknown): DemoProgram | null => {
			const text = JSON.stringify(ws);
			const g = gradeWorkspaceText(e.kind as Kind, spec, text);
			return g.ok
				? { workspace: text, verdict: JSON.stringify(g.verdict), stars: g.stars, blocks: g.blocks }
				: null;
		};
		const pass = graded(spec.reference);
		if (pass && JSON.parse(pass.verdict).passed)
			out.set(e.id, { pass, fail: spec.wrong?.length ? graded(spec.wrong[0]) : null });
	}
	return out;
}

const DAY = 86_400_000;

const OWN_EXERCISES: { title: string; concept: Concept; kind: ExerciseKind; grade: number }[] = [
	{ title: 'Đưa bạn nhỏ về nhà sàn', concept: 'sequence', kind: 'maze', grade: 3 },
	{ title: 'Vẽ bông hoa hồi', concept: 'loops', kind: 'turtle', grade: 4 },
	{ title: 'Băng qua suối Kỳ Cùng', concept: 'conditions', kind: 'maze', grade: 5 },
	{ title: 'Đếm quả na Chi Lăng', concept: 'variables', kind: 'io', grade: 6 },
	{ title: 'Hàng rào tre', concept: 'loops', kind: 'turtle', grade: 6 },
	{ title: 'Cảnh báo rét Mẫu Sơn', concept: 'conditions', kind: 'sensor', grade: 7 },
	{ title: 'Tính tiền hàng ở cửa khẩu', concept: 'variables', kind: 'io', grade: 8 },
	{ title: 'Máy sấy hồi tự động', concept: 'functions', kind: 'sensor', grade: 9 },
	{ title: 'Đo mực nước sông', concept: 'functions', kind: 'io', grade: 10 },
	{ title: 'Mô phỏng đồi chè', concept: 'loops', kind: 'turtle', grade: 11 }
];

async function seedSurveys(tx: Tx, now: number) {
	const ids = new Map<string, number>();
	for (const f of SURVEY_FORMS) {
		const form = await tx
			.insertInto('survey_forms')
			.values({ audience: f.audience, title: f.title, updated_at: now })
			.returning('id')
			.executeTakeFirstOrThrow();
		ids.set(f.audience, form.id);
		await tx
			.insertInto('survey_items')
			.values(
				f.items.map(([scale, text, reversed], i) => ({
					form_id: form.id,
					scale,
					position: i + 1,
					text,
					reversed: reversed ? 1 : 0
				}))
			)
			.execute();
	}
	return ids;
}

/** A pupil's answers: a base attitude for the pupil, nudged up after the pilot year. */
function answersFor(rng: Random, items: { id: number; reversed: number }[], base: number) {
	const answers = new Map<number, number>();
	for (const it of items) {
		let v = Math.round(base + (rng.next() - 0.5) * 2);
		v = Math.min(5, Math.max(1, v));
		answers.set(it.id, it.reversed ? 6 - v : v);
	}
	return answers;
}

export async function seedProgress(db: DB, now = Date.now()): Promise<void> {
	const rng = seededRandom(60606);
	const todayIso = today(now);
	await db.transaction().execute(async (tx) => {
		const year = await tx
			.selectFrom('school_years')
			.selectAll()
			.where('is_current', '=', 1)
			.executeTakeFirstOrThrow();
		const forms = await seedSurveys(tx, now);
		const schools = await tx.selectFrom('schools').select(['id']).execute();
		const classes = await tx
			.selectFrom('classes')
			.select(['id', 'grade', 'school_id'])
			.where('school_year_id', '=', year.id)
			.orderBy('id')
			.execute();

		// Exercises: the published ones seeded before us, else our own shared ones.
		let exercises = await tx
			.selectFrom('exercises')
			.select(['id', 'grade', 'kind', 'spec'])
			.where('status', '=', 'published')
			.execute();
		if (!exercises.length) {
			await tx
				.insertInto('exercises')
				.values(
					OWN_EXERCISES.map((e) => ({
						...e,
						status: 'published' as const,
						author_id: null,
						school_id: null,
						created_at: now - 90 * DAY,
						updated_at: now - 90 * DAY
					}))
				)
				.execute();
			exercises = await tx
				.selectFrom('exercises')
				.select(['id', 'grade', 'kind', 'spec'])
				.where('status', '=', 'published')
				.execute();
		}
		const programs = demoPrograms(exercises);

		// Attempts over the last 8 weeks, each pupil's in time order (the weekly rollup counts on it).
		const since = Math.max(Date.parse(year.starts_on), now - 56 * DAY);
		const attempts: {
			exercise_id: number;
			pupil_id: number;
			class_id: number;
			passed: number;
			stars: number;
			hints_used: number;
			time_spent_ms: number;
			created_at: number;
			workspace?: string;
			verdict?: string;
			block_count?: number;
		}[] = [];
		const rosters = new Map<number, Awaited<ReturnType<typeof listRoster>>>();
		for (const c of classes) {
			const roster = await listRoster(tx, c.id);
			rosters.set(c.id, roster);
			// Maze exercises are left untried: the exercises' journeys start from a pupil new to them.
			const mine = exercises.filter((e) => e.grade <= c.grade && e.kind !== 'maze').slice(-5);
			const pool = mine.length ? mine : exercises.slice(0, 3);
			for (const p of roster) {
				const skill = 0.3 + rng.next() * 0.6;
				let t = since + rng.int(28 * DAY);
				for (const e of pool) {
					if (rng.next() < 0.2) continue; // not every pupil tries every exercise
					for (let tries = 0; tries < 5 && t < now; tries++) {
						const hints = rng.next() < 0.4 ? 1 + rng.int(3) : 0;
						const program = programs.get(e.id);
						// A failure needs a wrong program to replay; without one the pupil passes.
						const passed = rng.next() < skill + tries * 0.1 || (program && !program.fail);
						const drawn = passed ? 1 + rng.int(3) : 0; // the same draws with or without programs
						const played = program && (passed ? program.pass : program.fail!);
						const stars = !played
							? drawn
							: passed
								? starsFor(true, played.blocks, idealOf(e.spec), hints)
								: played.stars;
						attempts.push({
							exercise_id: e.id,
							pupil_id: p.id,
							class_id: c.id,
							passed: passed ? 1 : 0,
							stars,
							hints_used: hints,
							time_spent_ms: 30_000 + rng.int(600_000),
							created_at: t,
							...(played
								? {
										workspace: played.workspace,
										verdict: played.verdict,
										block_count: played.blocks
									}
								: {})
						});
						t += 600_000 + rng.int(4 * DAY);
						if (passed) break;
					}
				}
			}
		}
		for (let i = 0; i < attempts.length; i += 400)
			await tx
				.insertInto('exercise_attempts')
				.values(attempts.slice(i, i + 400))
				.execute();

		// STEM lessons taught against each class's plan.
		const lessons = await tx
			.selectFrom('lessons')
			.select(['id'])
			.where('status', '=', 'published')
			.execute();
		if (!lessons.length) {
			for (const title of [
				'Máy sấy hoa hồi bằng năng lượng mặt trời',
				'Mô hình nhà sàn chống lũ',
				'Bình tưới nước tự động cho đồi chè'
			]) {
				lessons.push(
					await tx
						.insertInto('lessons')
						.values({
							title,
							status: 'published',
							author_id: null,
							school_id: null,
							copied_from_id: null,
							created_at: now - 120 * DAY,
							updated_at: now - 120 * DAY
						})
						.returning('id')
						.executeTakeFirstOrThrow()
				);
			}
		}
		for (const c of classes) {
			await tx
				.insertInto('progress_lesson_plans')
				.values(
					[1, 2].map((semester) => ({
						class_id: c.id,
						semester,
						planned_lessons: 4 + rng.int(4),
						updated_by: null,
						updated_at: now
					}))
				)
				.execute();
			const teacher = await tx
				.selectFrom('class_teachers')
				.select('teacher_id')
				.where('class_id', '=', c.id)
				.executeTakeFirst();
			if (!teacher) continue;
			const n = 1 + rng.int(4);
			for (let i = 0; i < n; i++) {
				const on = today(Math.max(Date.parse(year.starts_on), now - (7 + rng.int(70)) * DAY));
				if (on > todayIso) continue;
				await tx
					.insertInto('lesson_teachings')
					.values({
						lesson_id: rng.pick(lessons).id,
						class_id: c.id,
						teacher_id: teacher.teacher_id,
						taught_on: on,
						periods: 1 + rng.int(3),
						created_at: now
					})
					.execute();
			}
		}

		// Survey windows: pre (closed, answered) and post (open now; the first five of each class list have not answered yet).
		const preOpen = today(Date.parse(year.starts_on) + 5 * DAY);
		const preClose = today(Math.min(Date.parse(year.starts_on) + 35 * DAY, now - DAY));
		const schoolIds = schools.map((s) => s.id);
		const windows: Record<string, { pre: number; post: number }> = {};
		for (const [audience, formId] of forms) {
			const open = async (phase: 'pre' | 'post', from: string, to: string) =>
				(
					await tx
						.insertInto('survey_windows')
						.values({
							form_id: formId,
							school_year_id: year.id,
							phase,
							opens_on: from,
							closes_on: to,
							created_by: null,
							created_at: now
						})
						.returning('id')
						.executeTakeFirstOrThrow()
				).id;
			const pre = await open('pre', preOpen < preClose ? preOpen : preClose, preClose);
			const post = await open('post', today(now - 3 * DAY), today(now + 30 * DAY));
			for (const w of [pre, post])
				await tx
					.insertInto('survey_window_schools')
					.values(schoolIds.map((school_id) => ({ window_id: w, school_id })))
					.execute();
			windows[audience] = { pre, post };
		}
		const itemsOf = new Map<number, { id: number; scale: string; reversed: number }[]>();
		for (const formId of forms.values())
			itemsOf.set(
				formId,
				await tx
					.selectFrom('survey_items')
					.select(['id', 'scale', 'reversed'])
					.where('form_id', '=', formId)
					.execute()
			);
		for (const c of classes) {
			const audience = c.grade >= 6 ? 'pupil_secondary' : c.grade >= 4 ? 'pupil_primary' : null;
			if (!audience) continue;
			const items = itemsOf.get(forms.get(audience)!)!;
			for (const [i, p] of rosters.get(c.id)!.entries()) {
				const base = 2.6 + rng.next() * 1.4;
				const phases: ['pre' | 'post', number][] = [['pre', base]];
				if (i >= 5) phases.push(['post', base + 0.2 + rng.next() * 0.5]);
				for (const [phase, level] of phases) {
					const answers = answersFor(rng, items, level);
					const r = await tx
						.insertInto('survey_responses')
						.values({
							window_id: windows[audience][phase],
							respondent_id: p.id,
							school_id: c.school_id,
							class_id: c.id,
							grade: c.grade,
							gender: p.gender ?? '',
							ethnicity: p.ethnicity ?? '',
							submitted_at: phase === 'pre' ? Date.parse(preClose) : now - DAY
						})
						.returning('id')
						.executeTakeFirstOrThrow();
					await tx
						.insertInto('survey_answers')
						.values([...answers].map(([item_id, value]) => ({ response_id: r.id, item_id, value })))
						.execute();
					const scores = scaleScores(
						items.map((it) => ({ id: it.id, scale: it.scale, reversed: it.reversed === 1 })),
						answers
					);
					await tx
						.insertInto('survey_scale_scores')
						.values([...scores].map(([scale, score]) => ({ response_id: r.id, scale, score })))
						.execute();
				}
			}
		}
	});
}
