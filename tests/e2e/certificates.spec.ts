import { expect, test } from '@playwright/test';
import { COURSE_3 } from '../../src/lib/server/seed/courses/lop-3';
import { DEMO, newPupil, openClass, signIn, signInPupil, signOut } from './helpers';

test('a pupil completes the grade-3 course, sees the certificate, and the teacher prints it for the class', async ({
	page
}) => {
	const pupil = await newPupil(page, DEMO.primaryTeacher, '3A');
	await signInPupil(page, pupil);
	await page.goto('/learn/certificates');
	await expect(page.getByText('Xong một khóa học, em sẽ được giấy khen.')).toBeVisible();

	// Every puzzle of the course, in the map's order, solved by its reference program through the
	// real submission endpoint (graded by the server).
	await page.goto('/learn');
	const hrefs = await page
		.locator('#course-lop-3 [data-testid="bubble"]')
		.evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
	const references = COURSE_3.lessons.flatMap((l) => l.exercises.map((e) => e.reference));
	expect(hrefs).toHaveLength(references.length);
	const origin = new URL(page.url()).origin;
	for (const [i, href] of hrefs.entries()) {
		const r = await page.request.post(`${href}/submit`, {
			data: { workspace: JSON.stringify(references[i]), timeSpentMs: 5000 },
			headers: { origin }
		});
		expect((await r.json()).verdict.passed, href).toBe(true);
	}

	// Home: the course is done; the certificate is the pupil's, in Vietnamese, dated today.
	await page.goto('/learn');
	await expect(page.getByTestId('next-puzzle')).toHaveCount(0);
	await expect(page.getByText('Em đã xong cả khóa học!')).toBeVisible();
	await page.goto('/learn/certificates');
	const today = new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10).split('-');
	const date = `${today[2]}/${today[1]}/${today[0]}`;
	const mine = page.getByTestId('certificate');
	await expect(mine).toHaveCount(1);
	await expect(mine).toContainText(pupil.name);
	await expect(mine).toContainText('Trường Tiểu học Chi Lăng');
	await expect(mine).toContainText(`Ngày ${date}`);
	await expect(mine).toContainText(COURSE_3.title);
	await signOut(page);

	// The teacher: the class's certificates, A4 by default, A5 on request, ready to print.
	await signIn(page, DEMO.primaryTeacher, '/teach');
	const url = await openClass(page, '3A');
	await page.getByRole('link', { name: /Giấy khen của lớp/ }).click();
	await expect(page).toHaveURL(url + '/certificates');
	const card = page.getByTestId('certificate').filter({ hasText: pupil.name });
	await expect(card).toHaveCount(1);
	await expect(card).toContainText(`Ngày ${date}`);
	await expect(card).toContainText('Trường Tiểu học Chi Lăng');
	await page.getByRole('link', { name: 'A5' }).click();
	await expect(page).toHaveURL(/size=A5/);
	await expect(page.locator('.sheet-A5').filter({ hasText: pupil.name })).toHaveCount(1);
	await page.emulateMedia({ media: 'print' });
	await expect(page.getByRole('button', { name: 'In' })).toBeHidden();
	await expect(card).toBeVisible();
});
