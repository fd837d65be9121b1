import { validateModel } from '../../src/core';
import { formatAnswer, generateForDesign, grade } from '../../src/core/quiz';
import { test, expect } from './fixtures';
import { AppShell } from './pages/app-shell';
import { PracticePage } from './pages/practice-page';

const MODEL = {
  format: 'convscope-model',
  version: 1,
  name: 'stem',
  input: [3, 64, 64],
  layers: [
    { id: 'conv1', op: 'conv2d', out_channels: 16, kernel: 3, stride: 2, padding: 1 },
    { id: 'relu1', op: 'relu' },
    { id: 'conv2', op: 'conv2d', out_channels: 32, kernel: 3, padding: 1 },
    { id: 'pool', op: 'maxpool2d', kernel: 2, stride: 2 },
  ],
};

test('/practice?design=<id> asks about that saved design, graded like any question', async ({
  page,
  web,
}) => {
  const shell = new AppShell(page);
  const practice = new PracticePage(page);
  await shell.open(web.url);
  const saved = await page.evaluate(async (model) => {
    const response = await fetch('/api/designs:save', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Small stem', model }),
    });
    return (await response.json()) as { ok: boolean; value: { id: string } };
  }, MODEL);
  expect(saved.ok).toBe(true);

  await page.goto(`${web.url}#/practice?design=${encodeURIComponent(saved.value.id)}`);
  await expect(practice.question).toHaveAttribute('data-phase', 'asking');
  await expect(practice.question).toContainText('Small stem');
  const ref = JSON.parse((await practice.question.getAttribute('data-question-ref')) ?? '{}') as {
    kind: string;
    difficulty: 1 | 2 | 3;
    seed: number;
  };
  expect(ref.kind).toBe('design');
  const valid = validateModel(MODEL);
  if (!valid.ok) throw new Error('the test model is invalid');
  const q = generateForDesign(valid.model, 'Small stem', ref.seed, ref.difficulty);
  expect(await practice.question.getAttribute('data-question-id')).toBe(q.id);
  const answer = formatAnswer(q);
  expect(grade(q, answer).correct).toBe(true);
  await practice.answer(q, answer);
  await practice.expectFeedback(true);
});
