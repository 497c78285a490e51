import { expect, test, type Browser, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { DEMO, openClass, pupilSecretFromCards, signIn, signInPupil, signOut } from './helpers';

const axeSource = readFileSync(
	createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
	'utf8'
);

/** axe-core's WCAG 2.1 A and AA rules on the page: the serious and critical violations. */
async function seriousViolations(page: Page, path: string, ready?: string, exclude: string[] = []) {
	await page.goto(path);
	if (ready) await expect(page.locator(ready)).toBeEnabled();
	await page.evaluate(axeSource);
	const result = await page.evaluate(async (skip) => {
		// @ts-expect-error axe is the script just evaluated in the page
		const r = await window.axe.run(
			{ exclude: skip.map((s: string) => [s]) },
			{
				runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }
			}
		);
		return r.violations.map((v: { id: string; impact: string; nodes: { target: string[] }[] }) => ({
			id: v.id,
			impact: v.impact,
			targets: v.nodes.slice(0, 3).map((n) => n.target.join(' '))
		}));
	}, exclude);
	return result.filter(
		(v: { impact: string }) => v.impact === 'serious' || v.impact === 'critical'
	);
}

async function context(browser: Browser) {
	// axe is evaluated from the test, not served by the app: the page's CSP does not apply to it.
	return (await browser.newContext({ bypassCSP: true, locale: 'vi-VN' })).newPage();
}

test('the main pages of each role pass axe-core’s WCAG 2.1 A and AA rules (no serious or critical violation)', async ({
	browser
}) => {
	test.setTimeout(180_000);
	const page = await context(browser);
	const found: Record<string, unknown> = {};
	const check = async (path: string, ready?: string, exclude?: string[]) => {
		const v = await seriousViolations(page, path, ready, exclude);
		if (v.length) found[path] = v;
	};
	await check('/login');
	await check('/join');
	await signIn(page, DEMO.teacher, '/teach');
	const cls = await openClass(page, '6A1');
	for (const path of ['/teach', cls, `${cls}/gradebook`, `${cls}/progress`, '/teach/assignments'])
		await check(path);
	await page.goto(`${cls}/cards`);
	const pupil = await pupilSecretFromCards(page, 0);
	await signOut(page);
	await signIn(page, DEMO.department, '/department');
	for (const path of ['/department', '/department/lessons']) await check(path);
	await signOut(page);
	await signIn(page, DEMO.admin, '/admin');
	for (const path of ['/admin', '/admin/audit']) await check(path);
	await signOut(page);
	await signInPupil(page, pupil);
	for (const path of ['/learn', '/learn/exercises', '/learn/progress']) await check(path);
	// The exercise page once Blockly is in it (Run is enabled when the workspace is injected).
	await page.goto('/learn/exercises');
	const exercise = await page
		.locator('main a[href^="/learn/exercises/"]')
		.first()
		.getAttribute('href');
	// Left out: the SVG Blockly draws its workspace in (svg.blocklySvg). Blockly 12 gives each block's
	// SVG group its id and an aria-label without a role (axe: aria-prohibited-attr) — Blockly's own
	// markup, not ours to change. The toolbar, the toolbox, the task, the hints are all checked.
	await check(exercise!, '[data-testid="run"]', ['svg.blocklySvg']);
	// The playground: the pupil's list, a new drawing on its canvas (Blockly's SVG left out as above),
	// shared with the class; then the class's drawings as its teacher sees them.
	await check('/learn/play');
	await page.getByTestId('new-drawing').click();
	await expect(page).toHaveURL(/\/learn\/play\/\d+$/);
	const drawing = new URL(page.url()).pathname;
	await check(drawing, '[data-testid="run"]', ['svg.blocklySvg']);
	await page.getByRole('button', { name: 'Chia sẻ với lớp' }).click();
	await expect(page.getByTestId('share-state')).toContainText('Cả lớp em đang xem được');
	await check('/learn/play');
	await signOut(page);
	await signIn(page, DEMO.teacher, '/teach');
	await check(`${cls}/play`);
	expect(found).toEqual({});
});
