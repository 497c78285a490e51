import { expect, test, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { DEMO, newPupil, signInPupil } from './helpers';

const SCREENS = process.env.SCREENS_DIR ?? '/work/brief/screens';

async function shot(page: Page, name: string) {
	try {
		mkdirSync(SCREENS, { recursive: true });
		await page.screenshot({ path: `${SCREENS}/${name}.png` });
	} catch {
		// screenshots are for the note; a read-only disk fails nothing
	}
}

/** Drags the n-th block of a toolbox category's flyout to a point (page coordinates). */
async function drag(page: Page, category: string, to?: { x: number; y: number }) {
	await page.locator('.blocklyToolboxCategory', { hasText: category }).click();
	const block = page
		.locator('.blocklyToolboxFlyout .blocklyBlockCanvas > .blocklyDraggable')
		.first();
	await expect(block).toBeVisible();
	const box = (await block.boundingBox())!;
	if (!to) {
		const flyout = (await page.locator('.blocklyToolboxFlyout').boundingBox())!;
		to = { x: flyout.x + flyout.width + 30, y: flyout.y + 60 };
	}
	await page.mouse.move(box.x + 8, box.y + 8);
	await page.mouse.down();
	await page.mouse.move(box.x + 60, box.y + 20, { steps: 5 });
	await page.mouse.move(to.x + 8, to.y + 8, { steps: 10 });
	await page.mouse.move(to.x + 10, to.y + 10, { steps: 2 });
	await page.mouse.move(to.x + 8, to.y + 8, { steps: 2 });
	await page.waitForTimeout(100);
	await page.mouse.up();
}

const topBlocks = (page: Page) =>
	page.locator('svg.blocklySvg > .blocklyWorkspace > .blocklyBlockCanvas > .blocklyBlock');

test('a grade-3 pupil goes from home to the next puzzle in one tap, solves it, is cheered and finds the star on the map', async ({
	page
}) => {
	await page.setViewportSize({ width: 1024, height: 600 });
	await signInPupil(page, await newPupil(page, DEMO.primaryTeacher, '3A'));

	// Home: the course map, nothing solved, the first puzzle highlighted; one tap to it.
	const map = page.locator('#course-lop-3');
	await expect(map.getByRole('heading', { level: 2 })).toBeVisible();
	await expect(map.locator('[aria-current="step"]')).toHaveCount(1);
	await expect(map.getByTestId('bubble').first()).toHaveAttribute('aria-current', 'step');
	const fontSize = await map.evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
	expect(fontSize).toBeGreaterThanOrEqual(18);
	await shot(page, 'course-map-new-pupil');
	await page.getByTestId('next-puzzle').click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Bước đầu tiên');
	await expect(page.locator('.injectionDiv')).toBeVisible();
	await expect(page.getByTestId('run')).toBeEnabled();

	// One step is not enough: a gentle "try again" pointing at what went wrong.
	await drag(page, 'Rô-bốt');
	await expect(topBlocks(page)).toHaveCount(1);
	await page.getByTestId('run').click();
	await expect(page.getByTestId('try-again')).toContainText('Thử lại nhé', { timeout: 20000 });
	await expect(page.getByTestId('try-again')).toContainText('chưa tới lá cờ');
	await expect(page.getByTestId('celebration')).toHaveCount(0);

	// Two steps: the celebration, announced, with stars; it can be skipped.
	const first = (await topBlocks(page).first().boundingBox())!;
	await drag(page, 'Rô-bốt', { x: first.x, y: first.y + first.height - 4 });
	await expect(topBlocks(page)).toHaveCount(1); // snapped under the first
	await page.getByTestId('run').click();
	const party = page.getByTestId('celebration');
	await expect(party).toBeVisible({ timeout: 20000 });
	await expect(party).toContainText('Giỏi lắm');
	await expect(page.getByTestId('celebration-live')).toContainText('Giỏi lắm');
	await expect(party.getByRole('button', { name: 'Bật âm thanh' })).toHaveAttribute(
		'aria-pressed',
		'false'
	);
	// Still, as on a device that asks for reduced motion: the stars are filled at once.
	await page.emulateMedia({ reducedMotion: 'reduce' });
	await shot(page, 'passed-puzzle');
	await page.emulateMedia({ reducedMotion: 'no-preference' });
	await page.keyboard.press('Escape');
	await expect(party).toHaveCount(0);
	await page.getByTestId('run').click();
	await expect(party).toBeVisible({ timeout: 20000 });

	// "Next puzzle" opens on the same page: its own empty workspace, not the blocks just used; back,
	// the first puzzle's work is as it was left (each saved under its own exercise).
	await party.getByTestId('celebration-next').click();
	await expect(page.getByRole('heading', { level: 1 })).not.toHaveText('Bước đầu tiên');
	await expect(page.getByTestId('run')).toBeEnabled();
	await expect(topBlocks(page)).toHaveCount(0);
	await page.goBack();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Bước đầu tiên');
	await expect(page.getByTestId('run')).toBeEnabled();
	await expect(topBlocks(page)).toHaveCount(1);
	await page.getByTestId('run').click();
	await expect(party).toBeVisible({ timeout: 20000 });

	// Back to the map: the first bubble has its stars, the second is next.
	await party.getByRole('link', { name: 'Về bản đồ' }).click();
	await expect(page).toHaveURL(/\/learn#course-lop-3$/);
	const bubbles = map.getByTestId('bubble');
	await expect(bubbles.first()).toHaveClass(/solved/);
	await expect(bubbles.first()).toHaveAttribute('aria-label', /Câu 1: Bước đầu tiên, \d sao/);
	await expect(bubbles.nth(1)).toHaveAttribute('aria-current', 'step');
	await expect(page.getByTestId('course-count')).toContainText('1/');
	await expect(page.getByTestId('next-puzzle')).toContainText('Đi xa hơn');
	await shot(page, 'course-map-one-star');

	// "Tiến bộ của em": the same map, and where certificates will be.
	await page.goto('/learn/progress');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Tiến bộ của em');
	await expect(page.locator('#course-lop-3').getByTestId('bubble').first()).toHaveClass(/solved/);
	await expect(page.getByRole('heading', { name: /Giấy khen của em/ })).toBeVisible();
});
