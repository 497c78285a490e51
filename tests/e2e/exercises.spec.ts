import { expect, test, type Locator, type Page } from '@playwright/test';
import {
	DEMO,
	newPupil,
	openClass,
	pupilSecretFromCards,
	signIn,
	signInPupil,
	signOut
} from './helpers';

/** Signs in a pupil of 4A (TH Chi Lăng, grade 4) read off the teacher's login cards. */
async function signInGrade4Pupil(page: Page, cardIndex: number) {
	await signIn(page, DEMO.primaryTeacher, '/teach');
	const url = await openClass(page, '4A');
	await page.goto(url + '/cards');
	const secret = await pupilSecretFromCards(page, cardIndex);
	await signOut(page);
	await signInPupil(page, secret);
}

async function openExercise(page: Page, title: string) {
	await page.goto('/learn/exercises');
	await page.getByRole('link', { name: title }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
	await expect(page.locator('.injectionDiv')).toBeVisible();
	await expect(page.getByTestId('run')).toBeEnabled();
}

/** Drags the n-th block of a toolbox category's flyout to a point of the workspace (page coordinates). */
async function dragFromToolbox(
	page: Page,
	category: string,
	index: number,
	to?: { x: number; y: number },
	scope: Locator = page.locator('body')
) {
	await scope.locator('.blocklyToolboxCategory', { hasText: category }).click();
	const block = scope
		.locator('.blocklyToolboxFlyout .blocklyBlockCanvas > .blocklyDraggable')
		.nth(index);
	await expect(block).toBeVisible();
	const box = (await block.boundingBox())!;
	if (!to) {
		// Beside the open flyout, so the drop does not land on it (which would delete the block).
		const flyout = (await scope.locator('.blocklyToolboxFlyout').boundingBox())!;
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

/** Drags a block of the workspace so that its top-left corner lands on a point. */
async function dragBlock(
	page: Page,
	block: ReturnType<Page['locator']>,
	to: { x: number; y: number }
) {
	const box = (await block.boundingBox())!;
	await page.mouse.move(box.x + 8, box.y + 8);
	await page.mouse.down();
	await page.mouse.move(box.x + 30, box.y + 30, { steps: 5 });
	await page.mouse.move(to.x + 8, to.y + 8, { steps: 10 });
	await page.mouse.move(to.x + 9, to.y + 9, { steps: 2 });
	await page.mouse.up();
}

function topBlocks(page: Page, scope: Locator = page.locator('body')) {
	return scope.locator('svg.blocklySvg > .blocklyWorkspace > .blocklyBlockCanvas > .blocklyBlock');
}

test('a pupil builds a program by dragging blocks, runs, steps, fails, fixes it and passes with stars', async ({
	page
}) => {
	await signInGrade4Pupil(page, 5);
	await openExercise(page, 'Lối mòn thẳng tắp');
	// "repeat 4 times", then "move forward" into its mouth.
	await dragFromToolbox(page, 'Vòng lặp', 0);
	await expect(topBlocks(page)).toHaveCount(1);
	const loop = (await topBlocks(page).first().boundingBox())!;
	// The mouth of the loop is after its "thực hiện" label.
	await dragFromToolbox(page, 'Rô-bốt', 0, { x: loop.x + 76, y: loop.y + 36 });
	await expect(topBlocks(page)).toHaveCount(1); // snapped inside the loop

	// A block's menu keeps the pupil in the lesson: no "Help" opening Wikipedia in a new tab.
	await topBlocks(page)
		.first()
		.click({ button: 'right', position: { x: 12, y: 12 } });
	const menu = page.locator('.blocklyContextMenu');
	await expect(menu.getByText('Nhân đôi khối lệnh')).toBeVisible();
	await expect(menu.getByText('Trợ giúp')).toHaveCount(0);
	await page.keyboard.press('Escape');
	await expect(menu).toBeHidden();

	// Run: four steps are not enough; a readable message, one star for the try.
	await page.getByTestId('run').click();
	await expect(page.getByTestId('verdict')).toContainText('Rô-bốt chưa tới lá cờ.', {
		timeout: 20000
	});
	await expect(page.getByTestId('stars')).toContainText('1 sao');

	// Step: one block at a time, the running block highlighted.
	await page.getByTestId('step').click();
	await expect(page.getByTestId('running-block')).toContainText('Đang chạy khối lệnh: lặp lại');
	await expect(page.locator('.blocklyHighlighted')).toHaveCount(1);
	await page.getByTestId('step').click();
	await expect(page.getByTestId('running-block')).toContainText('rô-bốt đi tới');
	await expect(page.locator('.blocklyHighlighted')).toHaveCount(1);

	// A hint, one at a time; this exercise has only one.
	await page.getByRole('button', { name: 'Xin gợi ý' }).click();
	await expect(page.getByText('Lặp lại 7 lần khối lệnh «đi tới».')).toBeVisible();
	await expect(page.getByText('Đã hết gợi ý.')).toBeVisible();

	// Fix: 7 times instead of 4.
	await page.locator('svg.blocklySvg .blocklyEditableField', { hasText: '4' }).first().click();
	await page.keyboard.press('Control+A');
	await page.keyboard.type('7');
	await page.keyboard.press('Enter');
	await page.getByTestId('run').click();
	await expect(page.getByTestId('verdict')).toContainText('Tuyệt vời', { timeout: 20000 });
	await expect(page.getByTestId('stars')).toContainText('3 sao');

	// Reload: the work is there (autosaved), and the best stars too.
	await expect(page.getByTestId('save-state')).toHaveText('Đã lưu');
	await page.reload();
	await expect(page.locator('.injectionDiv')).toBeVisible();
	await expect(topBlocks(page)).toHaveCount(1);
	await expect(page.locator('svg.blocklySvg .blocklyEditableField', { hasText: '7' })).toHaveCount(
		1
	);
	await expect(page.getByTestId('best')).toContainText('3 sao');
});

test('work edited offline waits in the browser and reaches the server when the connection returns', async ({
	page,
	context
}) => {
	await signInGrade4Pupil(page, 6);
	await openExercise(page, 'Lối mòn thẳng tắp');
	await dragFromToolbox(page, 'Vòng lặp', 0);
	await expect(page.getByTestId('save-state')).toHaveText('Đã lưu');
	const loop = (await topBlocks(page).first().boundingBox())!;

	await context.setOffline(true);
	await dragFromToolbox(page, 'Rô-bốt', 0, { x: loop.x + 76, y: loop.y + 36 });
	await expect(topBlocks(page)).toHaveCount(1);
	await expect(page.getByTestId('save-state')).toContainText('Mất mạng');
	await page.waitForTimeout(1500); // longer than the autosave delay: nothing could be sent
	await expect(page.getByTestId('save-state')).toContainText('Mất mạng');

	await context.setOffline(false);
	await expect(page.getByTestId('save-state')).toHaveText('Đã lưu');
	// What the server holds now, without the browser's queue: a fresh context (no localStorage) sees both blocks.
	const url = page.url();
	await page.evaluate(() => localStorage.clear());
	await page.goto(url);
	await expect(page.locator('.injectionDiv')).toBeVisible();
	await expect(topBlocks(page)).toHaveCount(1);
	await expect(page.locator('svg.blocklySvg .maze_forward')).toHaveCount(1);
});

test('a forged "passed" sent from the browser is not recorded; bad workspaces are refused', async ({
	page
}) => {
	// A pupil with no attempts yet, so the best result shown can only come from this test.
	await signInPupil(page, await newPupil(page, DEMO.primaryTeacher, '4A'));
	await openExercise(page, 'Lối mòn thẳng tắp');
	const id = page.url().split('/').pop();
	const wrong = {
		blocks: {
			languageVersion: 0,
			blocks: [
				{
					type: 'controls_repeat_ext',
					inputs: {
						TIMES: { shadow: { type: 'math_number', fields: { NUM: 2 } } },
						DO: { block: { type: 'maze_forward' } }
					}
				}
			]
		}
	};
	const forged = await page.request.post(`/learn/exercises/${id}/submit`, {
		data: {
			workspace: JSON.stringify(wrong),
			passed: true,
			stars: 3,
			verdict: { passed: true, code: 'ok' }
		}
	});
	expect(forged.ok()).toBe(true);
	const body = await forged.json();
	expect(body.verdict.passed).toBe(false);
	expect(body.stars).toBe(1);

	const unknown = await page.request.post(`/learn/exercises/${id}/submit`, {
		data: {
			workspace: JSON.stringify({
				blocks: { languageVersion: 0, blocks: [{ type: 'text_print' }] }
			}),
			passed: true
		}
	});
	expect(unknown.status()).toBe(400);
	expect((await unknown.json()).refused).toBe('unknown_block');
	const huge = await page.request.post(`/learn/exercises/${id}/submit`, {
		data: { workspace: 'x'.repeat(300 * 1024) }
	});
	expect((await huge.json()).refused).toBe('too_large');

	await page.reload();
	await expect(page.getByTestId('best')).toContainText('1 sao');
	await page.goto('/learn/exercises');
	await expect(
		page.getByRole('listitem').filter({ hasText: 'Lối mòn thẳng tắp' })
	).not.toContainText('★★');
});

test('a teacher finds exercises in the library and cannot publish a new one until its reference passes', async ({
	page
}) => {
	await signIn(page, DEMO.teacher, '/teach');
	await page.getByRole('link', { name: 'Thư viện bài lập trình' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Thư viện bài lập trình');
	await expect(page.getByText(/^\d+ bài · Trang 1\/\d+$/)).toBeVisible();
	await page.getByRole('link', { name: 'Trang sau' }).click();
	await expect(page).toHaveURL(/page=2/);
	await page.getByLabel('Khối').selectOption('4');
	await page.getByLabel('Loại bài').selectOption('maze');
	await page.getByRole('button', { name: 'Lọc' }).click();
	await expect(page.getByText(/^[1-9]\d* bài · Trang 1\/1$/)).toBeVisible();
	for (const row of await page.locator('main tbody tr').all())
		await expect(row.locator('td').nth(2)).toHaveText('Rô-bốt trên lưới');
	await page.getByRole('link', { name: 'Lối mòn thẳng tắp' }).click();
	await expect(page.getByTestId('run')).toBeEnabled(); // preview and try

	// The maze's grid is painted cell by cell (one flag: painting it elsewhere moves it), and an
	// input-output exercise gets its cases table with three rows to fill; the painting is kept.
	await page.goto('/teach/exercises/new');
	await page.getByLabel('Loại bài').selectOption('maze');
	await expect(page.locator('#grid')).toHaveValue('#####\n#S.G#\n#####');
	await page.getByRole('radio', { name: 'Đích' }).check();
	await page.getByRole('button', { name: '3,2: .', exact: true }).click();
	await expect(page.locator('#grid')).toHaveValue('#####\n#SG.#\n#####');
	await page.getByRole('radio', { name: 'Tường' }).check();
	await page.getByRole('button', { name: '4,2: .', exact: true }).click();
	await expect(page.locator('#grid')).toHaveValue('#####\n#SG##\n#####');
	await page.getByLabel('Loại bài').selectOption('io');
	await expect(page.getByRole('group', { name: 'Phép thử' }).locator('tbody tr')).toHaveCount(3);
	await expect(page.getByLabel('Kết quả mong đợi 3')).toBeVisible();
	// Back to the maze: what was painted is still there.
	await page.getByLabel('Loại bài').selectOption('maze');
	await expect(page.locator('#grid')).toHaveValue('#####\n#SG##\n#####');

	const title = `Rô-bốt tới cổng trường ${Date.now().toString(36)}`;
	await page.goto('/teach/exercises/new');
	await page.getByLabel('Tên bài').fill(title);
	await page.getByLabel('Loại bài').selectOption('maze');
	const reference = page.getByTestId('reference-section');
	await expect(reference.locator('.injectionDiv')).toBeVisible();
	// A reference one step short of the goal.
	await dragFromToolbox(page, 'Rô-bốt', 0, undefined, reference);
	await expect(topBlocks(page, reference)).toHaveCount(1);
	await page.getByRole('button', { name: 'Lưu bài' }).click();
	await expect(page.getByTestId('reference-state')).toContainText(
		'Lời giải mẫu chưa đạt: Rô-bốt chưa tới lá cờ.'
	);

	await page.getByRole('link', { name: /Thử bài/ }).click();
	await expect(page.getByTestId('status')).toHaveText('Bản nháp');
	await page.getByRole('button', { name: 'Công bố' }).click();
	await expect(page.getByRole('alert')).toContainText('Chưa thể công bố');
	await page.reload();
	await expect(page.getByTestId('status')).toHaveText('Bản nháp');

	// Fix the reference: a second step under the first.
	await page.getByRole('link', { name: 'Sửa bài' }).click();
	const ref2 = page.getByTestId('reference-section');
	await expect(topBlocks(page, ref2)).toHaveCount(1);
	await dragFromToolbox(page, 'Rô-bốt', 0, undefined, ref2);
	await expect(topBlocks(page, ref2)).toHaveCount(2);
	const first = (await topBlocks(page, ref2).first().boundingBox())!;
	await dragBlock(page, topBlocks(page, ref2).nth(1), {
		x: first.x,
		y: first.y + first.height - 4
	});
	await expect(topBlocks(page, ref2)).toHaveCount(1);
	await page.getByRole('button', { name: 'Lưu bài' }).click();
	await expect(page.getByRole('status')).toContainText('Đã lưu bản nháp.');
	await page.reload();
	await expect(page.getByTestId('reference-state')).toContainText(
		'Lời giải mẫu đạt mọi phép thử trên máy chủ.'
	);
	await page.getByRole('link', { name: /Thử bài/ }).click();
	await page.getByRole('button', { name: 'Công bố' }).click();
	await expect(page.getByRole('status')).toContainText('Đã công bố bài.');
	await expect(page.getByTestId('status')).toHaveText('Đã công bố');

	// Its school has it now; other schools only once the department accepts it for everyone.
	const url = page.url();
	await page.getByRole('button', { name: 'Đề nghị Sở chia sẻ' }).click();
	await expect(page.getByRole('region', { name: 'Chia sẻ với các trường' })).toContainText(
		'Sở đang xem'
	);
	await signOut(page);
	await signIn(page, DEMO.primaryTeacher, '/teach');
	expect((await page.goto(url))?.status()).toBe(404);
	await signOut(page);
	await signIn(page, DEMO.department, '/department');
	await page.getByRole('link', { name: 'Duyệt bài lập trình' }).click();
	const request = page.getByRole('article', { name: title });
	await request.getByRole('button', { name: 'Chấp nhận, chia sẻ với mọi trường' }).click();
	await expect(page.getByRole('status')).toContainText(`Đã chia sẻ “${title}” với mọi trường.`);
	await signOut(page);
	await signIn(page, DEMO.primaryTeacher, '/teach');
	expect((await page.goto(url))?.status()).toBe(200);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
});

test("the teacher of the pupil's class replays their attempts read-only", async ({ page }) => {
	// Attempts made by 4A's pupils in the journeys above.
	await signIn(page, DEMO.primaryTeacher, '/teach');
	await page.goto('/teach/exercises?grade=4&kind=maze');
	await page.getByRole('link', { name: 'Lối mòn thẳng tắp' }).click();
	await expect(page.getByRole('heading', { name: 'Bài làm của học sinh' })).toBeVisible();
	await expect(page.getByRole('heading', { name: 'Lớp 4A' })).toBeVisible();
	const passedRow = page
		.getByRole('row')
		.filter({ hasText: 'Đạt' })
		.filter({ hasNotText: 'Chưa đạt' })
		.first();
	await passedRow.getByRole('link', { name: 'Xem lại' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toContainText('Bài làm của');
	await expect(page.getByText('Chỉ xem (không sửa được).')).toBeVisible();
	await expect(page.locator('.injectionDiv')).toBeVisible();
	await expect(page.locator('.blocklyToolboxCategory')).toHaveCount(0);
	await expect(topBlocks(page)).toHaveCount(1);
	await page.getByTestId('run').click();
	await expect(page.getByTestId('verdict')).toContainText('Tuyệt vời', { timeout: 20000 });

	// Another school's teacher gets a 404 for the same attempt.
	const url = page.url();
	await signOut(page);
	await signIn(page, DEMO.teacher, '/teach');
	const response = await page.goto(url);
	expect(response?.status()).toBe(404);
});
