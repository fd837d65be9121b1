import { formatAnswer, generate, type GeneratedSkill } from '../../src/core/quiz';
import type { Progress } from '../../src/shared/types';
import { formatPercent } from '../../src/renderer/src/format';
import { test, expect } from './fixtures';
import { AppShell } from './pages/app-shell';

test.describe.configure({ timeout: 120_000 });

test('Progress shows each review card’s retrievability and the expected knowledge, as the core computes them', async ({
  page,
  web,
}) => {
  const shell = new AppShell(page);
  await shell.open(web.url, 'home');
  // Answers as the Practice page sends them: two right, two wrong (a wrong one adds a parametric card).
  const answers: [GeneratedSkill, number, boolean][] = [
    ['inverse-padding-stride', 1, true],
    ['receptive-field', 2, true],
    ['output-size', 3, false],
    ['conv-params', 4, false],
  ];
  const bodies = answers.map(([skill, seed, right]) => {
    const q = generate(skill, 1, seed);
    return {
      question: { kind: 'generated', skill, difficulty: 1, seed },
      answer: right ? formatAnswer(q) : '0',
      timeMs: 20_000,
    };
  });
  const results = await page.evaluate(async (list) => {
    const out: boolean[] = [];
    for (const body of list) {
      const r = await fetch('/api/practice:answer', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      const json = (await r.json()) as { ok: boolean; value?: { grade: { correct: boolean } } };
      out.push(json.ok && json.value!.grade.correct);
    }
    return out;
  }, bodies);
  expect(results).toEqual(answers.map((a) => a[2]));

  await shell.navigate('progress');
  const all = page.getByTestId('knowledge-all');
  await expect(all).toBeVisible();
  await expect(page.getByTestId('knowledge-card')).toHaveCount(6);
  await expect(all).toHaveAttribute('data-cards', '6');

  // The same numbers as the core's, read back through the API the page uses.
  const progress = await page.evaluate(async () => {
    const r = await fetch('/api/progress:get', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    return ((await r.json()) as { value: Progress }).value;
  });
  expect(progress.cards.map((c) => c.id).sort()).toEqual([
    'review:conv-params:1',
    'review:output-size:1',
    'skill:conv-params',
    'skill:inverse-padding-stride',
    'skill:output-size',
    'skill:receptive-field',
  ]);
  // Just answered: every card is close to certain recall, and the page says so in percent.
  const overall = Number(await all.getAttribute('data-value'));
  expect(overall).toBeGreaterThan(0.9);
  expect(overall).toBeLessThanOrEqual(1);
  await expect(all).toContainText(formatPercent(progress.knowledge.all!, 'en'));
  for (const c of progress.cards) {
    const row = page.locator(`[data-testid="knowledge-card"][data-card-id="${c.id}"]`);
    await expect(row).toContainText(formatPercent(c.retrievability!, 'en'));
  }
  for (const s of progress.knowledge.bySkill) {
    const row = page.locator(`[data-testid="knowledge-skill"][data-skill="${s.skill}"]`);
    await expect(row).toContainText(formatPercent(s.expected, 'en'));
  }
  await expect(page.locator('[data-testid="knowledge-skill"][data-skill="output-size"]')).toContainText('2');
});
