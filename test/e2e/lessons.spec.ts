import { convOutputSize } from '../../src/core/formulas/output-size';
import { conv2dCore } from '../../src/core/formulas/layers';
import { RF_INPUT, rfConv1d } from '../../src/core/formulas/receptive-field';
import { formatAnswer } from '../../src/core/quiz';
import { initRun, lessonBindings } from '../../src/renderer/src/lessons/bindings';
import { readMap } from '../../src/renderer/src/lessons/bindings/common';
import { RF_STACKS } from '../../src/renderer/src/lessons/examples';
import { formatLargeCount, formatPercent, formatScientific } from '../../src/renderer/src/format';
import enMessages from '../../src/renderer/src/locales/en';
import { LESSON_IDS, LESSONS } from '../../src/renderer/src/lessons/catalog';
import { CONTENT } from '../../src/renderer/src/lessons/content';
import { questionOf } from '../../src/renderer/src/lessons/questions';
import { BINDING_PATTERN, formatValue } from '../../src/renderer/src/lessons/rich-text';
import { runDemo } from '../../src/renderer/src/lessons/widgets/gradient-demos';
import { test, expect } from './fixtures';
import { LessonsPage } from './pages/lessons-page';

/** The first value a lesson shows in running text (outside formulas), as the page must format it. */
function firstPlainValue(id: (typeof LESSON_IDS)[number], locale: 'en' | 'zh-CN'): string {
  const values = lessonBindings(id);
  for (const section of CONTENT[locale][id].sections) {
    for (const block of section.blocks) {
      if (typeof block !== 'string') continue;
      const plain = block.replace(/\$[^$]+\$/g, '');
      const m = [...plain.matchAll(BINDING_PATTERN)][0];
      if (m) return formatValue(values[m[1]!]!, m[2], locale);
    }
  }
  throw new Error(`lesson ${id} shows no value in running text`);
}

for (const locale of ['en', 'zh-CN'] as const) {
  test(`every lesson renders in ${locale}`, async ({ browser, web }) => {
    test.setTimeout(180_000);
    const context = await web.newContext(browser, { locale });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error' || (m.type() === 'warning' && /intlify|Not found/i.test(m.text())))
        problems.push(m.text());
    });
    page.on('pageerror', (e) => problems.push(e.message));
    const lessons = new LessonsPage(page);
    await lessons.openPath(web.url);
    for (const id of LESSON_IDS) {
      await expect(lessons.pathItem(id)).toContainText(CONTENT[locale][id].title);
    }
    for (const id of LESSON_IDS) {
      await lessons.openLesson(web.url, id);
      const text = CONTENT[locale][id];
      await expect(page.getByTestId('lesson-title')).toContainText(text.title);
      // The lesson's sections, then the check questions and the next step.
      await expect(page.getByTestId('lesson-section')).toHaveCount(text.sections.length);
      await expect(lessons.questions).toHaveCount(LESSONS[id].questions.length);
      await expect(page.locator('.cs-value').first()).toHaveText(firstPlainValue(id, locale));
      const hasTex = text.sections.some((s) =>
        s.blocks.some(
          (b) => (typeof b === 'string' && b.includes('$')) || (typeof b === 'object' && 'tex' in b),
        ),
      );
      if (hasTex) await expect(page.locator('.katex').first()).toBeVisible();
    }
    expect(problems).toEqual([]);
    await context.close();
  });
}

test('widgets respond to input with the core’s numbers', async ({ page, web }) => {
  test.setTimeout(120_000);
  const lessons = new LessonsPage(page);

  // Output size: X, K, P, S typed in; M is the core's.
  await lessons.openLesson(web.url, 'output-size');
  const cases = [
    { X: 28, K: 5, P: 2, S: 2 },
    { X: 17, K: 3, P: 0, S: 3 },
  ];
  for (const c of cases) {
    for (const [k, v] of Object.entries(c)) await lessons.setNumber(`conv-input-${k}`, v);
    const expected = convOutputSize({ size: c.X, kernel: c.K, padding: c.P, stride: c.S }).result;
    await expect(page.getByTestId('conv-out')).toHaveText(String(expected));
  }

  // One layer: MACs, then FLOPs (2 × MACs) after switching the convention.
  await lessons.openLesson(web.url, 'layer-complexity');
  await lessons.setNumber('cost-input-Cin', 32);
  const info = conv2dCore({ inShape: [32, 56, 56], outChannels: 64, kernel: 3, padding: 1 });
  const fmt = (n: number) => new Intl.NumberFormat('en').format(n);
  await expect(page.getByTestId('cost-count')).toHaveText(fmt(info.macs));
  await page.getByTestId('convention-flops').click();
  await expect(page.getByTestId('cost-count')).toHaveText(fmt(info.flops));

  // Receptive field: the classic stack sees 7; gridding reads only some pixels of its span.
  await lessons.openLesson(web.url, 'receptive-field');
  const classic = page.getByTestId('widget-rf-classic');
  await expect(classic.getByTestId('rf-size')).toHaveText(String(lessonBindings('receptive-field')['t.r3']));
  const before = await classic.getByTestId('rf-on-0').first().getAttribute('x');
  await classic.getByTestId('rf-unit').locator('input').fill('2');
  await classic.getByTestId('rf-unit').locator('input').press('Enter');
  await expect.poll(() => classic.getByTestId('rf-on-0').first().getAttribute('x')).not.toBe(before);

  await lessons.openLesson(web.url, 'dilated-convolution');
  let dim = RF_INPUT;
  for (let i = 0; i < 3; i++) dim = rfConv1d(dim, 3, 1, 2, 0);
  const bits = dim.holes as Uint8Array;
  const grid = page.getByTestId('widget-rf-gridding');
  await expect(grid.getByTestId('rf-read')).toHaveCount(bits.filter((b) => b === 1).length);
  await expect(grid.getByTestId('rf-hole')).toHaveCount(bits.filter((b) => b === 0).length);

  // A gradient demo, computed in the worker by the core's engine: the same signal ratio as here.
  await lessons.openLesson(web.url, 'vanishing-gradients');
  const demo = page.getByTestId('widget-gradient-demo');
  await expect(demo.getByTestId('demo-summary')).toHaveAttribute('data-ready', 'true', { timeout: 60_000 });
  const ratio = runDemo('vanishing').summary[0]!;
  const shown = formatScientific(10 ** ratio, 'en');
  await expect(demo.getByTestId('demo-summary')).toContainText(shown);
  // Its link opens the same experiment in the Gradient Lab.
  await expect(demo.getByTestId('demo-lab-link')).toHaveAttribute('href', /#\/gradients\?preset=vanishing$/);
});

test('check questions are graded by the core', async ({ page, web }) => {
  test.setTimeout(120_000);
  const lessons = new LessonsPage(page);
  await lessons.openLesson(web.url, 'output-size');
  const refs = LESSONS['output-size'].questions;
  const first = questionOf(refs[0]!);
  await expect(lessons.questions.nth(0)).toHaveAttribute('data-question-id', first.id);
  // formatAnswer writes the expected answer as a learner would; the backend grades it with the core.
  const right = await lessons.answer(0, formatAnswer(first).replace(/,/g, ''));
  await expect(right).toHaveAttribute('data-correct', 'true');
  const second = questionOf(refs[1]!);
  const wrong = await lessons.answer(1, String((second.expected as number) + 1));
  await expect(wrong).toHaveAttribute('data-correct', 'false');
  await expect(lessons.questions.nth(1).getByTestId('worked-solution')).toBeVisible();

  // A multiple-choice question: the right key.
  await lessons.openLesson(web.url, 'multi-scale');
  const choice = questionOf(LESSONS['multi-scale'].questions[0]!);
  const picked = await lessons.answer(0, choice.expected as string);
  await expect(picked).toHaveAttribute('data-correct', 'true');
});

test('lesson progress survives a server restart and the lesson resumes where it stopped', async ({
  page,
  web,
}) => {
  test.setTimeout(120_000);
  const lessons = new LessonsPage(page);
  await lessons.openLesson(web.url, 'output-size');
  await page.getByTestId('lesson-complete').click();
  await expect(page.getByTestId('lesson-completed')).toBeVisible();

  await lessons.openLesson(web.url, 'receptive-field');
  const stored = page.waitForResponse(
    (r) =>
      r.url().includes('lessons:visit') && (r.request().postData() ?? '').includes('"position":"stride"'),
  );
  await lessons.section('stride').evaluate((el) => el.scrollIntoView({ block: 'start' }));
  await stored;

  await web.restart();
  await lessons.openPath(web.url);
  await expect(lessons.pathItem('output-size')).toHaveAttribute('data-status', 'done');
  await expect(lessons.pathItem('receptive-field')).toHaveAttribute('data-status', 'started');
  await expect(page.getByTestId('lessons-done-count')).toContainText('1');

  // Home: continue the current lesson where it stopped.
  await page.goto(`${web.url}#/`);
  const sectionTitle = CONTENT.en['receptive-field'].sections.find((s) => s.id === 'stride')!.title;
  await expect(page.getByTestId('home-continue')).toContainText(CONTENT.en['receptive-field'].title);
  await expect(page.getByTestId('home-continue')).toContainText(sectionTitle);
  await page.getByTestId('home-continue-button').click();
  await expect(lessons.lesson).toHaveAttribute('data-lesson', 'receptive-field');
  await expect(lessons.section('stride').locator('h2')).toBeInViewport();
});

test('the output-size widget takes the lesson’s ImageNet sizes and says plainly when there is no output', async ({
  page,
  web,
}) => {
  const lessons = new LessonsPage(page);
  await lessons.openLesson(web.url, 'output-size');
  const b = lessonBindings('output-size');
  // The ResNet stem of the lesson's text: X = 224, K = 7, P = 3, S = 2.
  for (const [k, v] of [
    ['X', b['b.X']],
    ['K', b['b.K']],
    ['P', b['b.P']],
    ['S', b['b.S']],
  ] as const)
    await lessons.setNumber(`conv-input-${k}`, v as number);
  await expect(page.getByTestId('conv-input-X').locator('input')).toHaveValue(String(b['b.X']));
  await expect(page.getByTestId('conv-out')).toHaveText(String(b['b.M']));

  // A kernel wider than the padded input: a message naming both widths, no "M = -1".
  await lessons.setNumber('conv-input-X', 3);
  await lessons.setNumber('conv-input-P', 0);
  await lessons.setNumber('conv-input-K', 9);
  const widget = page.getByTestId('widget-conv-sliders');
  const trace = convOutputSize({ size: 3, kernel: 9, padding: 0, stride: b['b.S'] as number });
  expect(trace.result).toBeLessThan(1);
  await expect(widget.getByTestId('conv-too-big')).toContainText(String(trace.Keff));
  await expect(widget.getByTestId('conv-too-big')).toContainText('3');
  await expect(widget.getByTestId('conv-out')).toHaveCount(0);
  await expect(widget).not.toContainText(String(trace.result));

  // An emptied box is named, not read as a number.
  await page.getByTestId('conv-input-K').locator('input').fill('');
  await page.getByTestId('conv-input-K').locator('input').press('Tab');
  await expect(widget.getByTestId('conv-empty')).toContainText(enMessages.lessons.widgets.conv.K);
});

test('receptive-field diagrams draw holes as holes and show the stack the text describes', async ({
  page,
  web,
}) => {
  const lessons = new LessonsPage(page);
  await lessons.openLesson(web.url, 'dilated-convolution');
  const d = lessonBindings('dilated-convolution');
  // Gridding: the input row shows the pixels the unit reads, and the others of its span as holes.
  const bits = readMap(RF_STACKS.gridding)!;
  const grid = page.getByTestId('widget-rf-gridding');
  await expect(grid.getByTestId('rf-on-0')).toHaveCount(bits.filter(Boolean).length);
  await expect(grid.getByTestId('rf-hole-0')).toHaveCount(bits.filter((b) => !b).length);
  await expect(grid.getByTestId('rf-holes')).toContainText(`${d['grid.read']} of the ${d['grid.r3']}`);
  // The dilated stack: as many layers as the text names, and its receptive field.
  const dilated = page.getByTestId('widget-rf-dilated');
  await expect(dilated.getByTestId('rf-size')).toHaveText(String(d['dil.r4']));
  await expect(dilated.getByTestId('rf-summary')).toContainText(`after ${d['dil.layers']} layers`);
  await expect(dilated.getByTestId('rf-on-0')).toHaveCount(d['dil.r4'] as number);
});

test('lessons write numbers as the reader’s language does', async ({ browser, web }) => {
  test.setTimeout(120_000);
  const n = lessonBindings('network-complexity');
  for (const locale of ['en', 'zh-CN'] as const) {
    const context = await web.newContext(browser, { locale });
    const page = await context.newPage();
    const lessons = new LessonsPage(page);
    await lessons.openLesson(web.url, 'network-complexity');
    const dominant = lessons.section('dominant');
    // 15.5 billion / 155 亿, not "15.47 G".
    await expect(dominant).toContainText(formatLargeCount(n['vgg16.macs'] as number, locale));
    await expect(lessons.section('sum')).toContainText(formatPercent(n['net.topShare'] as number, locale));
    await expect(lessons.section('sum')).not.toContainText(/\d\s%/);
    await context.close();
  }
  expect(formatLargeCount(n['vgg16.macs'] as number, 'zh-CN')).toMatch(/亿$/);
});

test('the initialisation lesson measures the chosen scheme and links to the Gradient Lab', async ({
  page,
  web,
}) => {
  test.setTimeout(120_000);
  const lessons = new LessonsPage(page);
  await lessons.openLesson(web.url, 'initialisation');
  const widget = page.getByTestId('widget-init-variance');
  const gains = widget.getByTestId('init-gains');
  // The widget shows the engine's measured gains. To 12 decimals, not to the last bit: where the runtime
  // fuses multiply-adds (relaxed SIMD), the browser's kernel and Node's may round differently.
  const expectGain = (side: 'forward' | 'backward', value: number | null) =>
    value === null
      ? expect(gains).toHaveAttribute(`data-${side}`, 'null')
      : expect.poll(async () => Number(await gains.getAttribute(`data-${side}`))).toBeCloseTo(value, 12);
  // He with ReLU (the default), then Xavier with ReLU, then Xavier with tanh.
  await expectGain('forward', initRun('relu', 'he').measuredForwardGain);
  await widget.getByTestId('init-scheme-xavier').click();
  const xavier = initRun('relu', 'xavier');
  await expectGain('forward', xavier.measuredForwardGain);
  await expectGain('backward', xavier.measuredBackwardGain);
  await widget.getByTestId('init-act-tanh').click();
  await expectGain('forward', initRun('tanh', 'xavier').measuredForwardGain);

  // A lab link lands on its preset in the Gradient Lab.
  const preset = LESSONS.initialisation.labPresets![0]!;
  await page.getByTestId(`lesson-lab-${preset}`).click();
  await expect(page).toHaveURL(new RegExp(`#/gradients\\?preset=${preset}$`));
  const names = enMessages.gradients.presets as Record<string, { name: string; caption: string }>;
  await expect(page.getByTestId('lab-preset')).toContainText(names[preset]!.name);
  await expect(page.getByTestId('lab-caption')).toHaveText(names[preset]!.caption);
});
