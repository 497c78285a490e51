import { expect, test, type Page } from '@playwright/test';
import { DEMO, openClass, pupilSecretFromCards, signIn, signInPupil, signOut } from './helpers';

// The Content-Security-Policy (svelte.config.js) on the main pages of each role: every HTML answer
// carries it, with no 'unsafe-eval', and nothing on the page breaks it (the browser's
// securitypolicyviolation events and its console both stay silent), Blockly included.

declare global {
	interface Window {
		__csp: string[];
	}
}

/** Records every violation the page meets (and its console's CSP errors) from the first byte. */
async function watch(page: Page) {
	await page.addInitScript(() => {
		window.__csp = [];
		document.addEventListener('securitypolicyviolation', (e) =>
			window.__csp.push(`${e.effectiveDirective} blocked ${e.blockedURI || 'inline'}`)
		);
	});
	const consoleErrors: string[] = [];
	page.on('console', (msg) => {
		if (/Content[ -]Security[ -]Policy/i.test(msg.text())) consoleErrors.push(msg.text());
	});
	return consoleErrors;
}

/** Opens a page: its answer has the policy, and it loads with no violation. */
async function visit(page: Page, consoleErrors: string[], path: string) {
	const res = await page.goto(path);
	expect(res?.status(), path).toBeLessThan(400);
	expect(res?.headers()['content-type'], path).toContain('text/html');
	const policy = res?.headers()['content-security-policy'] ?? '';
	expect(policy, path).toContain("script-src 'self' 'nonce-");
	expect(policy, path).toContain("frame-ancestors 'none'");
	expect(policy, path).not.toContain('unsafe-eval');
	await page.waitForLoadState('networkidle').catch(() => {});
	await noViolations(page, consoleErrors, path);
}

async function noViolations(page: Page, consoleErrors: string[], where: string) {
	expect(await page.evaluate(() => window.__csp), where).toEqual([]);
	expect(consoleErrors, where).toEqual([]);
}

/** A Blockly workspace drawn under the policy: its toolbox opens and shows a block. */
async function blocklyRenders(page: Page, scope = page.locator('body')) {
	await expect(scope.locator('.injectionDiv')).toBeVisible();
	await scope.locator('.blocklyToolboxCategory', { hasText: 'Rô-bốt' }).click();
	const block = scope.locator('.blocklyToolboxFlyout .blocklyBlockCanvas > .blocklyDraggable');
	await expect(block.first()).toBeVisible();
	expect((await block.first().boundingBox())!.width).toBeGreaterThan(20);
	// Blockly's injected stylesheet applies (a blocked <style> would leave the toolbox unstyled).
	const toolboxBg = await scope
		.locator('.blocklyToolbox')
		.evaluate((el) => getComputedStyle(el).backgroundColor);
	expect(toolboxBg).not.toBe('rgba(0, 0, 0, 0)');
}

test('the policy is enforced, and a violation is seen (the watch itself works)', async ({
	page
}) => {
	const consoleErrors = await watch(page);
	await visit(page, consoleErrors, '/login');
	const ran = await page.evaluate(async () => {
		const s = document.createElement('script');
		s.textContent = 'window.__injected = true;';
		document.body.append(s);
		await new Promise((r) => setTimeout(r, 100));
		return (window as unknown as { __injected?: boolean }).__injected === true;
	});
	expect(ran).toBe(false);
	await expect
		.poll(() => page.evaluate(() => window.__csp))
		.toContain('script-src-elem blocked inline');
	consoleErrors.length = 0;

	// The report endpoint answers 204, whatever it is sent.
	for (const data of [
		{ 'csp-report': { 'document-uri': 'http://x/login', 'effective-directive': 'img-src' } },
		'not json'
	]) {
		const r = await page.request.post('/csp-report', {
			headers: { 'content-type': 'application/csp-report' },
			data: typeof data === 'string' ? data : JSON.stringify(data)
		});
		expect(r.status()).toBe(204);
	}
});

test('staff pages: teacher (with the exercise editor), department, administrator', async ({
	page
}) => {
	const consoleErrors = await watch(page);
	await visit(page, consoleErrors, '/login');
	await signIn(page, DEMO.teacher, '/teach');
	for (const path of [
		'/teach',
		'/teach/lessons',
		'/teach/exercises',
		'/teach/assignments',
		'/teach/progress'
	])
		await visit(page, consoleErrors, path);
	// A lesson with a formula: KaTeX's fonts (some inlined by the build as data: URIs) load.
	await visit(page, consoleErrors, '/teach/lessons?q=may+say+hoa+hoi');
	await page.getByRole('link', { name: 'Máy sấy hoa hồi dùng năng lượng mặt trời' }).click();
	await expect(page.locator('.katex').first()).toBeVisible();
	await page.evaluate(() => document.fonts.ready);
	await noViolations(page, consoleErrors, 'a lesson with a formula');
	await visit(page, consoleErrors, page.url());
	await page.evaluate(() => document.fonts.ready);
	await noViolations(page, consoleErrors, 'a lesson with a formula, loaded');
	const classUrl = await openClass(page, '6A1');
	await visit(page, consoleErrors, classUrl);
	await visit(page, consoleErrors, classUrl + '/cards');

	await visit(page, consoleErrors, '/teach/exercises/new');
	await page.getByLabel('Loại bài').selectOption('maze');
	await blocklyRenders(page, page.getByTestId('reference-section'));
	await noViolations(page, consoleErrors, 'the exercise editor');
	await signOut(page);

	await signIn(page, DEMO.department, '/department');
	for (const path of [
		'/department',
		'/department/lessons',
		'/department/report?period=s1',
		'/department/showcase',
		'/department/surveys'
	])
		await visit(page, consoleErrors, path);
	await signOut(page);

	await signIn(page, DEMO.admin, '/admin');
	for (const path of ['/admin', '/admin/schools', '/admin/staff', '/admin/years'])
		await visit(page, consoleErrors, path);
	await signOut(page);
	await visit(page, consoleErrors, '/showcase');
});

test('pupil pages: home, exercises, a Blockly exercise, progress; the service worker registers', async ({
	page
}) => {
	await signIn(page, DEMO.primaryTeacher, '/teach');
	await page.goto((await openClass(page, '4A')) + '/cards');
	const secret = await pupilSecretFromCards(page, 9);
	await signOut(page);

	const consoleErrors = await watch(page);
	await visit(page, consoleErrors, '/join');
	await signInPupil(page, secret);
	for (const path of ['/learn', '/learn/exercises', '/learn/progress', '/learn/certificates'])
		await visit(page, consoleErrors, path);

	await visit(page, consoleErrors, '/learn');
	const registered = await page.evaluate(async () => {
		const r = await navigator.serviceWorker.ready;
		return r.active?.scriptURL ?? '';
	});
	expect(registered).toMatch(/\/service-worker\.js$/);

	await visit(page, consoleErrors, '/learn/exercises');
	await page.getByRole('link', { name: 'Lối mòn thẳng tắp' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Lối mòn thẳng tắp');
	await blocklyRenders(page);
	await expect(page.getByTestId('run')).toBeEnabled();
	await noViolations(page, consoleErrors, 'the exercise page');
	// Opened directly too (a full page load of the exercise, not a client-side navigation).
	await visit(page, consoleErrors, page.url());
	await blocklyRenders(page);
	await noViolations(page, consoleErrors, 'the exercise page, loaded');
});
