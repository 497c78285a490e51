import { expect, test, type Page } from '@playwright/test';
import { DEMO, openClass, pupilSecretFromCards, signIn, signInPupil, signOut } from './helpers';

/** The page's visible text has no ISO date (2026-12-01): Vietnamese screens write 01/12/2026. */
async function expectNoIsoDate(page: Page, path: string) {
	await page.goto(path);
	const text = await page.locator('main').innerText();
	expect(text.match(/\b\d{4}-\d{2}-\d{2}\b/g), path).toBeNull();
}

test('dates on Vietnamese screens are written dd/mm/yyyy, never ISO', async ({ page }) => {
	await signIn(page, DEMO.teacher, '/teach');
	const cls = await openClass(page, '7A1');
	for (const path of [
		'/teach',
		'/teach/assignments',
		cls,
		`${cls}/gradebook`,
		`${cls}/progress`,
		'/teach/lessons',
		'/teach/exercises',
		'/surveys'
	])
		await expectNoIsoDate(page, path);
	await page.goto('/teach/assignments');
	const first = page.locator('main table a[href^="/teach/assignments/"]').first();
	await expectNoIsoDate(page, (await first.getAttribute('href'))!);
	const six = await openClass(page, '6A1');
	await page.goto(`${six}/cards`);
	const pupil = await pupilSecretFromCards(page, 0);
	await signOut(page);

	// A pupil of 6A1, with work due.
	await signInPupil(page, pupil);
	for (const path of ['/learn', '/learn/exercises', '/learn/progress', '/learn/certificates'])
		await expectNoIsoDate(page, path);
	await signOut(page);

	await signIn(page, DEMO.department, '/department');
	for (const path of [
		'/department',
		'/department/surveys',
		'/department/lessons',
		'/department/showcase'
	])
		await expectNoIsoDate(page, path);
	await signOut(page);

	await signIn(page, DEMO.admin, '/admin');
	for (const path of ['/admin', '/admin/years', '/admin/staff', '/admin/audit', '/admin/pupils'])
		await expectNoIsoDate(page, path);
});
