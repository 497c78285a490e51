import { expect, test } from '@playwright/test';
import { DEMO, newPupil, signIn, signInPupil } from './helpers';

// The page's scripts are held back so the form is filled while only the server's HTML is there,
// as on a slow link; the service worker (which would fetch them itself) is kept out of it.
test.use({ serviceWorkers: 'block' });

const day = (offset: number) =>
	new Date(Date.now() + 7 * 3600_000 + offset * 86400_000).toISOString().slice(0, 10);

test('a form filled before the page’s script arrives keeps everything typed, ticked and chosen', async ({
	page,
	context
}) => {
	await signIn(page, DEMO.teacher, '/teach');
	let release = () => {};
	const held = new Promise<void>((resolve) => (release = resolve));
	await context.route('**/_app/immutable/**/*.js', async (route) => {
		await held;
		await route.continue();
	});
	await page.goto('/teach/assignments', { waitUntil: 'domcontentloaded' });

	const title = `Bài gõ trước E2E ${Date.now().toString(36)}`;
	await page.getByLabel('Tên bài').fill(title);
	await page.getByLabel('Hạn nộp').fill(day(3));
	await page.getByLabel('Hướng dẫn').fill('Làm theo nhóm hai bạn.');
	await page.getByLabel('Lớp 7A1').check();
	await page.getByLabel(/^Quy trình/).selectOption('inquiry');
	await expect(page.locator('html')).not.toHaveAttribute('data-hydrated');

	release();
	await expect(page.locator('html')).toHaveAttribute('data-hydrated', '');
	await expect(page.getByLabel('Tên bài')).toHaveValue(title);
	await expect(page.getByLabel('Hạn nộp')).toHaveValue(day(3));
	await expect(page.getByLabel('Hướng dẫn')).toHaveValue('Làm theo nhóm hai bạn.');
	await expect(page.getByLabel('Lớp 7A1')).toBeChecked();
	await expect(page.getByLabel(/^Quy trình/)).toHaveValue('inquiry');

	await page.getByRole('button', { name: 'Giao bài' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
});

test('a department form refused before the page’s script arrived comes back as it was sent', async ({
	browser
}) => {
	// No script at all: the plain form post a thin link makes when the page's script never came.
	const context = await browser.newContext({ javaScriptEnabled: false });
	const page = await context.newPage();
	await signIn(page, DEMO.department);
	await page.goto('/department/surveys');
	const form = page.locator('form[action="?/open"]');
	const chosen = await form
		.getByLabel('Phiếu khảo sát')
		.locator('option')
		.last()
		.getAttribute('value');
	await form.getByLabel('Phiếu khảo sát').selectOption(chosen!);
	await form.getByLabel('Đợt').selectOption({ label: 'Cuối kỳ (sau)' });
	// Closing before it opens: refused.
	await form.getByLabel('Mở ngày').fill(day(20));
	await form.getByLabel('Đóng ngày').fill(day(10));
	await form.getByLabel('Trường Tiểu học Chi Lăng').check();
	await form.getByRole('button', { name: 'Mở đợt khảo sát' }).click();

	await expect(page.getByRole('alert')).toContainText('ngày đóng phải sau ngày mở');
	await expect(form.getByLabel('Phiếu khảo sát')).toHaveValue(chosen!);
	await expect(form.getByLabel('Đợt')).toHaveValue('post');
	await expect(form.getByLabel('Mở ngày')).toHaveValue(day(20));
	await expect(form.getByLabel('Đóng ngày')).toHaveValue(day(10));
	await expect(form.getByLabel('Trường Tiểu học Chi Lăng')).toBeChecked();
	await expect(form.getByLabel('Trường THCS Đồng Đăng')).not.toBeChecked();
	await context.close();
});

test('the exercise page names Blockly’s files in its HTML, so they download with the page, not after it', async ({
	page
}) => {
	// Counts the AudioContexts the page makes: drawing a workspace makes none (src/lib/blockly/inject.ts).
	await page.addInitScript(() => {
		const Real = window.AudioContext;
		const w = window as unknown as { audioContexts: number };
		w.audioContexts = 0;
		window.AudioContext = class extends Real {
			constructor(options?: AudioContextOptions) {
				super(options);
				w.audioContexts++;
			}
		};
	});
	await signInPupil(page, await newPupil(page, DEMO.primaryTeacher, '3A'));
	await page.goto('/learn/exercises');
	await page.locator('main a[href^="/learn/exercises/"]').first().click();
	await expect(page).toHaveURL(/\/learn\/exercises\/\d+$/);
	// The HTML as the server sends it (the page's cookies, no script run): Blockly and the Vietnamese
	// messages are named there, and each named file is served.
	const response = await page.request.get(page.url());
	const html = await response.text();
	const hrefs = [...html.matchAll(/<link rel="modulepreload" href="([^"]+)"/g)].map((m) => m[1]);
	// The Link header names them first, before the page's own scripts: a browser sends six at a time
	// in that order, and Blockly's file, the largest, starts downloading at once.
	const linked = [
		...(response.headers()['link'] ?? '').matchAll(/<([^>]+)>; rel="modulepreload"/g)
	];
	expect(linked.length).toBeGreaterThan(hrefs.length);
	expect(linked.slice(0, hrefs.length).map((m) => m[1])).toEqual(hrefs);
	const bodies = await Promise.all(
		hrefs.map(async (href) => {
			const res = await page.request.get(href);
			expect(res.status(), href).toBe(200);
			return res.text();
		})
	);
	expect(bodies.some((b) => b.includes('Blockly.Msg'))).toBe(true);
	expect(bodies.some((b) => b.includes('Thêm Chú Giải'))).toBe(true);
	await expect(page.locator('.injectionDiv')).toBeVisible();
	await expect(page.getByTestId('run')).toBeEnabled();
	expect(
		await page.evaluate(() => (window as unknown as { audioContexts: number }).audioContexts)
	).toBe(0);
	expect(await page.evaluate(() => typeof window.AudioContext)).toBe('function');
});

test('every page asks for the root error page’s script with its own, not once they have run', async ({
	page,
	context
}) => {
	// SvelteKit's client imports the root error page as soon as any page starts: unnamed, it was asked
	// for only once the page's scripts had arrived and run, a round trip of its own on a thin link.
	const asked: string[] = [];
	let release = () => {};
	const held = new Promise<void>((resolve) => (release = resolve));
	await context.route('**/_app/immutable/**/*.js', async (route) => {
		asked.push(new URL(route.request().url()).pathname);
		await held;
		await route.continue();
	});
	const response = await page.goto('/login', { waitUntil: 'domcontentloaded' });
	const linked = [
		...(response!.headers()['link'] ?? '').matchAll(/<([^>]+)>; rel="modulepreload"/g)
	];
	const errorPage = linked.map((m) => m[1]).find((href) => /\/nodes\/1\.[\w-]+\.js$/.test(href));
	expect(errorPage).toBeTruthy();
	// Asked for while every script is still held back, so before any of them has run
	await expect.poll(() => asked).toContain(errorPage);
	await expect(page.locator('html')).not.toHaveAttribute('data-hydrated');
	release();
	await expect(page.locator('html')).toHaveAttribute('data-hydrated', '');
	expect(asked.filter((p) => p === errorPage)).toHaveLength(1);
});

test('a pupil who leaves an exercise or a drawing before Blockly has arrived meets no error, there or after', async ({
	page,
	context
}) => {
	const errors: string[] = [];
	page.on('pageerror', (e) => errors.push(e.message));
	await signInPupil(page, await newPupil(page, DEMO.primaryTeacher, '3A'));
	await page.goto('/learn/exercises');
	const exercise = await page
		.locator('main a[href^="/learn/exercises/"]')
		.first()
		.getAttribute('href');
	await page.goto('/learn/play');
	await page.getByTestId('new-drawing').click();
	await expect(page).toHaveURL(/\/learn\/play\/\d+$/);
	const drawing = new URL(page.url()).pathname;

	for (const path of [exercise!, drawing]) {
		// Blockly's core is held on the way: the largest file the page's HTML names for Blockly (the
		// others it names are shared with the page's own scripts).
		const html = await (await page.request.get(path)).text();
		const named = [...html.matchAll(/<link rel="modulepreload" href="([^"]+)"/g)].map((m) => m[1]);
		const sizes = await Promise.all(
			named.map(async (href) => (await (await page.request.get(href)).body()).length)
		);
		const blockly = named.filter((_, i) => sizes[i] > 300_000);
		expect(blockly).toHaveLength(1);
		let release = () => {};
		const held = new Promise<void>((resolve) => (release = resolve));
		const hold = async (route: import('@playwright/test').Route) => {
			await held;
			await route.continue();
		};
		for (const href of blockly) await context.route(`**${href}`, hold);
		await page.goto(path, { waitUntil: 'domcontentloaded' });
		await expect(page.locator('html')).toHaveAttribute('data-hydrated', '');
		await expect(page.locator('.injectionDiv')).toHaveCount(0);
		// Away to the pupil's home in the page (the player is destroyed), then Blockly arrives.
		await page.locator('header a[href="/learn"]').first().click();
		await expect(page).toHaveURL(/\/learn$/);
		release();
		await page.waitForLoadState('networkidle');
		await expect(page.locator('.injectionDiv')).toHaveCount(0);
		expect(errors, path).toEqual([]);
		await context.unrouteAll();
	}
});

test('Blockly’s generator cut off on the way: Step says so and nothing is stuck; once it arrives, Step runs', async ({
	page
}) => {
	// The script holding Blockly's JavaScript generator (fetched once the workspace is drawn) fails
	// while `cut` holds, as on a link that drops.
	let cut = true;
	let refused = 0;
	await page.route(/\/_app\/immutable\/chunks\/[^/]+\.js$/, async (route) => {
		if (!cut) return route.continue();
		const response = await route.fetch();
		const body = await response.text();
		if (body.length > 10_000 && body.includes('javascriptGenerator')) {
			refused++;
			return route.abort('internetdisconnected');
		}
		return route.fulfill({ response, body });
	});
	await signInPupil(page, await newPupil(page, DEMO.primaryTeacher, '3A'));
	await page.goto('/learn/exercises');
	await page.locator('main a[href^="/learn/exercises/"]').first().click();
	await expect(page.getByTestId('run')).toBeEnabled();
	await expect.poll(() => refused).toBeGreaterThan(0);

	await page.getByTestId('step').click();
	await expect(page.getByTestId('verdict')).toContainText('Mất mạng');
	await expect(page.getByTestId('step')).toBeEnabled();
	await expect(page.getByTestId('run')).toBeEnabled();

	cut = false; // the link is back: the next Step asks for the generator again
	await page.getByTestId('step').click();
	await expect(page.getByTestId('verdict')).not.toContainText('Mất mạng');
	await expect(page.getByTestId('verdict')).not.toBeEmpty();
});
