import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openTestDatabase } from '../db/testing';
import { seedCourses } from '../seed/courses';
import { makeSchool } from '../projects/testing';
import * as b from '../exercises/build';
import { closeGradingPool, drawOffThread } from '../exercises/grade-pool';
import { cleanDrawingName, PLAY_BASE } from '$lib/blockly/play';
import { drawWorkspaceText } from './draw';
import * as play from './drawings';
import { actorFor } from '../audit/log';

const NOW = Date.parse('2026-10-05T03:00:00Z');
const square = JSON.stringify(b.ws(b.repeat(4, b.forward(50), b.turn('RIGHT', 90))));

describe('the canvas draws what the program draws, on the server', () => {
	afterAll(() => closeGradingPool());

	test('a square: four strokes, computed from the workspace alone', () => {
		const r = drawWorkspaceText(square, PLAY_BASE);
		expect(r).toMatchObject({ ok: true, ended: 'done' });
		if (!r.ok) return;
		expect(r.segments).toHaveLength(4);
		expect(r.segments[0]).toEqual({ x1: 200, y1: 200, x2: 200, y2: 150 });
	});

	test('the checks of exercises: size, shape, known blocks; and only the blocks of the canvas', () => {
		expect(drawWorkspaceText('{"blocks": ', PLAY_BASE)).toMatchObject({
			ok: false,
			problem: 'malformed'
		});
		expect(
			drawWorkspaceText(JSON.stringify({ blocks: { blocks: [{ type: 'evil' }] } }), PLAY_BASE)
		).toMatchObject({ ok: false, problem: 'unknown_block' });
		// A known block, but not one of this pupil's canvas (the maze robot's).
		expect(drawWorkspaceText(JSON.stringify(b.ws(b.go())), PLAY_BASE)).toMatchObject({
			ok: false,
			problem: 'unknown_block',
			detail: 'maze_forward'
		});
		expect(drawWorkspaceText('x'.repeat(300 * 1024), PLAY_BASE)).toMatchObject({
			ok: false,
			problem: 'too_large'
		});
	});

	test('a program that never ends is stopped; what it drew until then is the drawing', () => {
		const forever = JSON.stringify(
			b.ws({
				type: 'controls_whileUntil',
				fields: { MODE: 'WHILE' },
				inputs: {
					BOOL: { block: b.bool(true) },
					DO: { block: b.seq(b.forward(5), b.turn('RIGHT', 7))! }
				}
			})
		);
		const allowed = [...PLAY_BASE, 'controls_whileUntil', 'logic_boolean'];
		const r = drawWorkspaceText(forever, allowed);
		expect(r).toMatchObject({ ok: true, ended: 'stopped' });
		if (r.ok) expect(r.segments.length).toBeGreaterThan(100);
	});

	test('in a worker thread, with the same result', async () => {
		expect(await drawOffThread(square, PLAY_BASE)).toEqual(drawWorkspaceText(square, PLAY_BASE));
	});

	test('a name is trimmed, NFC, not empty, at most 60 characters', () => {
		expect(cleanDrawingName('  Nha\u0300   sàn ')).toBe('Nhà sàn');
		expect(cleanDrawingName('   ')).toBeNull();
		expect(cleanDrawingName('a'.repeat(61))).toBeNull();
		expect(cleanDrawingName(42)).toBeNull();
	});
});

describe("a pupil's drawings: theirs, shared with their class, hidden by its teachers", () => {
	const { db } = openTestDatabase();
	let a: Awaited<ReturnType<typeof makeSchool>>; // class A: pupils 0–3
	let other: Awaited<ReturnType<typeof makeSchool>>; // another school
	let classB: number; // another class of school A
	let owner: number, mate: number, stranger: number;
	let id: number;

	beforeAll(async () => {
		await seedCourses(db, NOW);
		a = await makeSchool(db, 4, NOW);
		other = await makeSchool(db, 2, NOW);
		await db.updateTable('classes').set({ grade: 3 }).where('id', '=', a.classId).execute();
		[owner, mate] = a.pupils;
		stranger = other.pupils[0];
		const cls = await db
			.insertInto('classes')
			.values({
				school_id: a.schoolId,
				school_year_id: (await db
					.selectFrom('classes')
					.select('school_year_id')
					.where('id', '=', a.classId)
					.executeTakeFirstOrThrow())!.school_year_id,
				grade: 3,
				name: '3B',
				join_code: 'PLAYB1',
				created_at: NOW
			})
			.returning('id')
			.executeTakeFirstOrThrow();
		classB = cls.id;
		// Pupil 3 of class A moves to class B.
		await db
			.updateTable('enrolments')
			.set({ class_id: classB })
			.where('pupil_id', '=', a.pupils[3])
			.execute();
		id = (await play.createDrawing(db, owner, 'Nhà sàn', NOW))!;
	}, 120_000);

	test("the canvas has every block of the pupil's course that draws, and no other world's", async () => {
		const toolbox = await play.toolboxFor(db, owner);
		for (const t of PLAY_BASE) expect(toolbox).toContain(t);
		const courseBlocks = new Set<string>();
		const specs = await db
			.selectFrom('course_lesson_exercises as cle')
			.innerJoin('course_lessons as l', 'l.id', 'cle.course_lesson_id')
			.innerJoin('courses as c', 'c.id', 'l.course_id')
			.innerJoin('exercises as e', 'e.id', 'cle.exercise_id')
			.select('e.spec')
			.where('c.slug', '=', 'lop-3')
			.execute();
		for (const s of specs) for (const t of JSON.parse(s.spec).toolbox) courseBlocks.add(t);
		expect(courseBlocks.has('maze_forward')).toBe(true);
		for (const t of courseBlocks)
			if (!/^(maze_|sensor_|io_)|event_reach|event_sensor/.test(t)) expect(toolbox).toContain(t);
		expect(toolbox.filter((t) => /^(maze_|sensor_|io_)/.test(t))).toEqual([]);
		// A pupil of a grade without a course still has the turtle, a loop and numbers.
		await db.updateTable('classes').set({ grade: 12 }).where('id', '=', other.classId).execute();
		expect(await play.toolboxFor(db, stranger)).toEqual([...PLAY_BASE].sort());
	});

	test('only its pupil opens an unshared drawing; saving and deleting are theirs only', async () => {
		expect(await play.openForPupil(db, owner, id)).toMatchObject({ mine: true });
		expect(await play.openForPupil(db, mate, id)).toBeUndefined();
		expect(await play.openForPupil(db, stranger, id)).toBeUndefined();
		const drawn = drawWorkspaceText(square, PLAY_BASE);
		if (!drawn.ok) throw new Error('not drawn');
		const d = { name: 'Hình vuông', workspace: square, segments: drawn.segments };
		expect(await play.saveDrawing(db, mate, id, d, NOW + 1)).toBe(false);
		expect(await play.saveDrawing(db, owner, id, d, NOW + 1)).toBe(true);
		const opened = await play.openForPupil(db, owner, id);
		expect(opened).toMatchObject({
			mine: true,
			workspace: square,
			drawing: { name: 'Hình vuông' }
		});
		expect(opened!.drawing.segments).toHaveLength(4);
		expect(await play.deleteDrawing(db, mate, id)).toBe(false);
		expect(await play.setShared(db, mate, id, true, NOW)).toBe('not_found');
		expect(await play.listMine(db, mate)).toEqual([]);
		expect((await play.listMine(db, owner)).map((x) => x.id)).toEqual([id]);
	});

	test('shared, it is seen by the pupils of the class (first name only) and its teachers, nobody else', async () => {
		expect(await play.classDrawings(db, a.classId, 'pupil')).toEqual([]);
		expect(await play.setShared(db, owner, id, true, NOW + 2)).toBe('ok');
		expect(await play.openForPupil(db, mate, id)).toMatchObject({ mine: false, author: 'An' });
		expect(await play.openForPupil(db, a.pupils[3], id)).toBeUndefined(); // class B
		expect(await play.openForPupil(db, stranger, id)).toBeUndefined(); // another school
		expect((await play.classDrawings(db, a.classId, 'pupil')).map((d) => d.id)).toEqual([id]);
		expect(await play.classDrawings(db, classB, 'pupil')).toEqual([]);
		expect((await play.classDrawing(db, a.classId, id))?.author).toBe('Hoàng Văn An');
		expect(await play.classDrawing(db, other.classId, id)).toBeUndefined();
	});

	test('a teacher of the class hides it from the pupils (not from its author) and shows it again', async () => {
		// Only through the class it was shared with.
		expect(await play.setHidden(db, actorFor(other.teacherId), clsOf(other), id, true, NOW)).toBe(
			false
		);
		expect(
			await play.setHidden(
				db,
				actorFor(a.teacherId),
				{ id: classB, schoolId: a.schoolId },
				id,
				true,
				NOW
			)
		).toBe(false);
		expect(await play.setHidden(db, actorFor(a.teacherId), clsOf(a), id, true, NOW + 3)).toBe(true);
		expect(await play.openForPupil(db, mate, id)).toBeUndefined();
		expect(await play.classDrawings(db, a.classId, 'pupil')).toEqual([]);
		expect(await play.classDrawings(db, a.classId, 'teacher')).toMatchObject([
			{ id, hiddenAt: NOW + 3 }
		]);
		expect(await play.openForPupil(db, owner, id)).toMatchObject({ mine: true });
		// Shared again by its pupil, it stays hidden: the teacher decides.
		await play.setShared(db, owner, id, false, NOW + 4);
		await play.setShared(db, owner, id, true, NOW + 5);
		expect(await play.openForPupil(db, mate, id)).toBeUndefined();
		expect(await play.setHidden(db, actorFor(a.teacherId), clsOf(a), id, false, NOW + 6)).toBe(
			true
		);
		expect(await play.openForPupil(db, mate, id)).toMatchObject({ mine: false });
		// Each is in the audit trail, as other moderation is (ids only); the refused ones are not.
		const trail = await db
			.selectFrom('audit_log')
			.select(['action', 'actor_id', 'target_type', 'target_id', 'school_id', 'detail', 'at'])
			.where('action', 'like', 'play.%')
			.orderBy('id')
			.execute();
		const detail = JSON.stringify({ classId: a.classId, pupilId: owner });
		const entry = {
			actor_id: a.teacherId,
			target_type: 'drawing',
			target_id: id,
			school_id: a.schoolId,
			detail
		};
		expect(trail).toEqual([
			{ action: 'play.drawing_hidden', ...entry, at: NOW + 3 },
			{ action: 'play.drawing_shown', ...entry, at: NOW + 6 }
		]);
	});

	test('no longer shared, or the classmate moved to another class: not seen', async () => {
		await play.setShared(db, owner, id, false, NOW + 7);
		expect(await play.openForPupil(db, mate, id)).toBeUndefined();
		expect(await play.classDrawings(db, a.classId, 'teacher')).toEqual([]);
		expect(await play.setHidden(db, actorFor(a.teacherId), clsOf(a), id, true, NOW)).toBe(false);
		await play.setShared(db, owner, id, true, NOW + 8);
		await db
			.updateTable('enrolments')
			.set({ class_id: classB })
			.where('pupil_id', '=', mate)
			.execute();
		expect(await play.openForPupil(db, mate, id)).toBeUndefined();
		await db
			.updateTable('enrolments')
			.set({ class_id: a.classId })
			.where('pupil_id', '=', mate)
			.execute();
	});

	test('a pupil in no class cannot share; a pupil keeps at most 50 drawings', async () => {
		const p = a.pupils[2];
		const mine = (await play.createDrawing(db, p, 'Một', NOW))!;
		await db
			.updateTable('enrolments')
			.set({ ended_on: '2026-10-01' })
			.where('pupil_id', '=', p)
			.execute();
		expect(await play.setShared(db, p, mine, true, NOW)).toBe('no_class');
		for (let i = 1; i < play.MAX_DRAWINGS; i++)
			expect(await play.createDrawing(db, p, `Hình ${i}`, NOW)).not.toBeNull();
		expect(await play.createDrawing(db, p, 'Quá nhiều', NOW)).toBeNull();
		expect(await play.deleteDrawing(db, p, mine)).toBe(true);
		expect(await play.createDrawing(db, p, 'Lại được', NOW)).not.toBeNull();
	});
});

/** The class of a school made by makeSchool, as setHidden takes it. */
function clsOf(s: { classId: number; schoolId: number }) {
	return { id: s.classId, schoolId: s.schoolId };
}
