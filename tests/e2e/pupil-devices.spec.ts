import { expect, test, type Page } from '@playwright/test';
import { DEMO, newPupil, signInPupil } from './helpers';

/**
 * The buttons, links and controls of the page (Blockly's own drawing left out) smaller than 44 × 44 px,
 * as "text: width×height". Skip links hidden until focused are not measured.
 */
async function smallTargets(page: Page) {
	const found: string[] = [];
	const targets = page.locator(
		'main a, main button, main summary, main select, main input, header a, header button'
	);
	for (const t of await targets.all()) {
		if (!(await t.isVisible())) continue;
		if (await t.evaluate((el) => !!el.closest('.injectionDiv, .sr-only'))) continue;
		const box = (await t.boundingBox())!;
		if (box.width < 44 || box.height < 44) {
			const text =
				((await t.textContent()) ?? '').trim() ||
				(await t.evaluate((el) => el.outerHTML.slice(0, 60)));
			found.push(`${text}: ${Math.round(box.width)}×${Math.round(box.height)}`);
		}
	}
	return found;
}

async function noSidewaysScroll(page: Page) {
	const { scroll, client } = await page.evaluate(() => ({
		scroll: document.documentElement.scrollWidth,
		client: document.documentElement.clientWidth
	}));
	expect(scroll, 'the page scrolls sideways').toBeLessThanOrEqual(client);
}

/** Inside the viewport from left to right (it may be below the fold: the page scrolls down). */
async function acrossTheScreen(page: Page, testid: string) {
	const box = (await page.getByTestId(testid).boundingBox())!;
	const width = page.viewportSize()!.width;
	expect(box.x).toBeGreaterThanOrEqual(0);
	expect(box.x + box.width).toBeLessThanOrEqual(width);
}

test.describe('on a touch screen', () => {
	test.use({ hasTouch: true });
	for (const size of [
		{ width: 1024, height: 600 },
		{ width: 768, height: 1024 }
	]) {
		test(`a grade-3 pupil on a ${size.width} × ${size.height} tablet: the exercise page fits without sideways scroll, works, and every control is at least 44 px`, async ({
			page
		}) => {
			await page.setViewportSize(size);
			await signInPupil(page, await newPupil(page, DEMO.primaryTeacher, '3A'));
			await noSidewaysScroll(page);
			expect(await smallTargets(page), 'small targets on the home page').toEqual([]);

			await page.getByTestId('next-puzzle').click();
			await expect(page.getByRole('heading', { level: 1 })).toHaveText('Bước đầu tiên');
			await expect(page.locator('.injectionDiv')).toBeVisible();
			await expect(page.getByTestId('run')).toBeEnabled();
			await noSidewaysScroll(page);
			const ws = (await page.locator('.injectionDiv').boundingBox())!;
			expect(ws.x).toBeGreaterThanOrEqual(0);
			expect(ws.x + ws.width).toBeLessThanOrEqual(size.width);
			expect(ws.height).toBeGreaterThanOrEqual(300);
			for (const id of ['run', 'step', 'reset']) await acrossTheScreen(page, id);
			// The first row of Run / Step / Reset is on the first screen.
			const run = (await page.getByTestId('run').boundingBox())!;
			expect(run.y + run.height).toBeLessThanOrEqual(size.height);
			expect(await smallTargets(page), 'small targets on the exercise page').toEqual([]);

			// Usable with a tap: Run grades the (empty) program and says so; the hint button answers.
			await page
				.getByTestId('run')
				.tap()
				.catch(() => page.getByTestId('run').click());
			await expect(page.getByTestId('try-again')).toBeVisible({ timeout: 20000 });
			await page.getByRole('button', { name: 'Xin gợi ý' }).tap();
			await expect(page.locator('.hints ol li')).toHaveCount(1);
			await noSidewaysScroll(page);
		});
	}
});

/** A Vietnamese voice on the device (or none): the browser's speechSynthesis, its calls recorded. */
function stubVoices(page: Page, lang: string) {
	return page.addInitScript((voiceLang) => {
		const spoken: { text: string; lang: string }[] = [];
		(window as unknown as { spoken: typeof spoken }).spoken = spoken;
		const voices = [
			{
				lang: voiceLang,
				name: `Test ${voiceLang}`,
				default: true,
				localService: true,
				voiceURI: voiceLang
			}
		];
		Object.defineProperty(window.speechSynthesis, 'getVoices', { value: () => voices });
		Object.defineProperty(window.speechSynthesis, 'speak', {
			value: (u: SpeechSynthesisUtterance) => spoken.push({ text: u.text, lang: u.lang })
		});
	}, lang);
}

test('a grade-3 pupil on a device with a Vietnamese voice hears the task read aloud; without one there is no button', async ({
	page,
	browser
}) => {
	test.setTimeout(150_000);
	const secret = await newPupil(page, DEMO.primaryTeacher, '3A');
	await stubVoices(page, 'vi-VN');
	await signInPupil(page, secret);
	await page.getByTestId('next-puzzle').click();
	await expect(page.getByTestId('run')).toBeEnabled();
	const read = page.getByRole('button', { name: 'Đọc to đề bài' });
	await expect(read).toBeVisible();
	await read.click();
	const task = (await page.getByTestId('task').innerText()).trim();
	expect(task.length).toBeGreaterThan(10);
	expect(await page.evaluate(() => (window as unknown as { spoken: unknown[] }).spoken)).toEqual([
		{ text: task, lang: 'vi-VN' }
	]);
	await expect(page.getByRole('button', { name: 'Dừng đọc' })).toHaveAttribute(
		'aria-pressed',
		'true'
	);

	// The same page on a device with an English voice only: no button.
	const other = await browser.newContext({ baseURL: new URL(page.url()).origin, locale: 'vi-VN' });
	const page2 = await other.newPage();
	await stubVoices(page2, 'en-US');
	await signInPupil(page2, secret);
	await page2.getByTestId('next-puzzle').click();
	await expect(page2.getByTestId('run')).toBeEnabled();
	await expect(page2.getByTestId('task')).toBeVisible();
	await expect(page2.getByTestId('read-aloud')).toHaveCount(0);
	await other.close();
});
