import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { validateModel } from '../../../../src/core';
import { issueText, refusalText } from '../../../../src/renderer/src/designs/warning-text';
import zhCN from '../../../../src/renderer/src/locales/zh-CN';
import type { ApiError } from '../../../../src/shared/result';
import { type TempStore, tempStore, tinyModel } from '../../../helpers/temp-store';
import { zhI18n } from '../../../helpers/zh-i18n';

/**
 * The backend refuses an invalid design in English (for the CLI and logs) and by code; the page says
 * the refusal in the user's language, through the same texts as the editor's own errors.
 */
const { i18n, t } = zhI18n();

let store: TempStore;
beforeEach(() => {
  store = tempStore();
});
afterEach(() => store.cleanup());

/** The backend's refusal of `model`, as the web edition's client receives it (JSON over HTTP). */
async function refusal(model: unknown): Promise<ApiError> {
  const result = await store.api.call('designs:save', { name: 'Broken', model: model as typeof tinyModel });
  if (result.ok) throw new Error('the model was expected to be refused');
  return JSON.parse(JSON.stringify(result.error)) as ApiError;
}

const issues = (model: unknown) => {
  const v = validateModel(model);
  if (v.ok) throw new Error('the model was expected to be invalid');
  return v.errors;
};

describe('a refused design in the user’s language', () => {
  const oneProblem = { ...tinyModel, layers: [{ id: 'big', op: 'conv2d', out_channels: 4, kernel: 50 }] };
  const twoProblems = {
    ...tinyModel,
    layers: [
      { id: 'a', op: 'conv2d', out_channels: 4, kernel: 50 },
      { id: 'big', op: 'conv2d', out_channels: 4, kernel: 50, inputs: ['input'] },
    ],
  };

  it('in Chinese names the layer and says what is wrong in Chinese', async () => {
    i18n.global.locale.value = 'zh-CN';
    const error = await refusal(oneProblem);
    const text = refusalText(error, t, 'zh-CN');
    expect(text).toBe(issueText(issues(oneProblem)[0]!, t, 'zh-CN'));
    expect(text).toMatch(/^层 big：[\u4e00-\u9fff]/);
    expect(text.replace(/big/g, ''), text).not.toMatch(/[A-Za-z]{3,}/);
  });

  it('counts the other problems in Chinese', async () => {
    i18n.global.locale.value = 'zh-CN';
    const error = await refusal(twoProblems);
    const [first, ...rest] = issues(twoProblems);
    const problem = issueText(first!, t, 'zh-CN');
    expect(refusalText(error, t, 'zh-CN')).toBe(
      zhCN.designs.editor.moreProblems.replace('{problem}', problem).replace('{count}', String(rest.length)),
    );
  });

  it('in English says what the backend said, without the design’s name', async () => {
    i18n.global.locale.value = 'en';
    const error = await refusal(twoProblems);
    expect(`"Broken" was not saved: ${refusalText(error, t, 'en')}`).toBe(error.message);
  });

  it('any other refusal keeps the backend’s message', () => {
    const error: ApiError = { code: 'not_found', message: 'There is no design with id "x".' };
    expect(refusalText(error, t, 'zh-CN')).toBe(error.message);
  });
});
