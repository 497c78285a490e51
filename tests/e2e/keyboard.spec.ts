import { expect, test, type Page } from '@playwright/test';
import { DEMO, newPupil, signInPupil } from './helpers';

const topBlocks = (page: Page) =>
	page.locator('svg.blocklySvg > .blocklyWorkspace > .blocklyBlockCanvas > .blocklyBlock');

/** Presses a key until the focused element matches a test run in the page (at most `max` presses). */
async function pressUntil(
	page: Page,
	key: string,
	focused: (el: Element | null) => boolean,
	max = 25
) {
	for (let i = 0; i < max; i++) {
		await page.keyboard.press(key);
		if (await page.evaluate(focused, await page.evaluateHandle(() => document.activeElement)))
			return;
	}
	throw new Error(`${key} ${max} times did not reach the element`);
}

/** T opens the toolbox; → goes into the open category's blocks; Enter takes the first, Enter drops it. */
async function placeFirstBlockWithKeys(page: Page) {
	await page.keyboard.press('t');
	await page.keyboard.press('ArrowRight');
	await page.keyboard.press('Enter');
	await page.keyboard.press('Enter');
}

test('a pupil who cannot drag solves a grade-3 maze with the keyboard only, and it passes', async ({
	page
}) => {
	await signInPupil(page, await newPupil(page, DEMO.primaryTeacher, '3A'));
	await page.getByTestId('next-puzzle').focus();
	await page.keyboard.press('Enter');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Bước đầu tiên');
	await expect(page.locator('.injectionDiv')).toBeVisible();
	await expect(page.getByTestId('run')).toBeEnabled();
	await expect(page.getByTestId('keyboard-help')).toContainText('bàn phím');
	// The keyboard navigation arrives after the workspace is drawn (src/lib/blockly/keyboard.ts).
	await expect(page.locator('.player [data-keyboard="ready"]')).toBeAttached();

	// Tab from the top of the page to the workspace: the keyboard reaches it.
	await pressUntil(page, 'Tab', (el) => !!el?.closest('.injectionDiv'), 40);

	// Two "go forward" blocks, the second snapped under the first, all from the keyboard.
	await placeFirstBlockWithKeys(page);
	await expect(topBlocks(page)).toHaveCount(1);
	await placeFirstBlockWithKeys(page);
	await expect(
		page.locator('svg.blocklySvg > .blocklyWorkspace > .blocklyBlockCanvas .blocklyBlock')
	).toHaveCount(2);
	await expect(topBlocks(page)).toHaveCount(1); // one stack: the second is under the first

	// Back to "Chạy" with Shift+Tab, Enter: graded on the server, passed.
	await pressUntil(page, 'Shift+Tab', (el) => el?.getAttribute('data-testid') === 'run', 40);
	await page.keyboard.press('Enter');
	const party = page.getByTestId('celebration');
	await expect(party).toBeVisible({ timeout: 20000 });
	await expect(party).toContainText('Giỏi lắm');
	await expect(page.getByTestId('stars')).toContainText('sao');
});
