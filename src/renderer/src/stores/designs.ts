import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import { api } from '../api';
import type { Result } from '../../../shared/result';
import type { Design, DesignSummary, Draft, ModelJson } from '../../../shared/types';

/** The model a new design starts from: the smallest thing worth analysing. */
export const EXAMPLE_MODEL: ModelJson = {
  format: 'convscope-model',
  version: 1,
  name: 'tiny',
  input: [3, 32, 32],
  layers: [
    { id: 'conv1', op: 'conv2d', out_channels: 8, kernel: 3, padding: 1 },
    { id: 'relu1', op: 'relu' },
  ],
};

/**
 * Model JSON laid out for reading and editing by hand: one line per top-level field and one line per
 * layer, instead of JSON.stringify's one line per array element (which stretches `[3, 32, 32]` over
 * five lines). The result parses back to the same model.
 */
export function formatModelText(model: ModelJson): string {
  const fields = Object.entries(model)
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => {
      if (key === 'layers' && Array.isArray(value) && value.length > 0) {
        return `  "layers": [\n${value.map((layer) => `    ${compactJson(layer)}`).join(',\n')}\n  ]`;
      }
      return `  ${JSON.stringify(key)}: ${compactJson(value)}`;
    });
  return fields.length === 0 ? '{}' : `{\n${fields.join(',\n')}\n}`;
}

/** JSON on one line with a space after each comma and colon; strings are left exactly as they are. */
function compactJson(value: unknown): string {
  if (Array.isArray(value))
    return `[${value.map((v) => (v === undefined ? 'null' : compactJson(v))).join(', ')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined);
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}: ${compactJson(v)}`).join(', ')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

export type ModelTextParse =
  | { ok: true; model: ModelJson }
  | { ok: false; reason: 'syntax'; detail: string }
  | { ok: false; reason: 'not-object'; kind: 'array' | 'string' | 'number' | 'boolean' | 'null' };

/**
 * Turns the dialog's text into a model object, or says precisely why not. Checking the shape of the
 * model itself is the backend's job; this only catches what cannot even be sent.
 */
export function parseModelText(text: string): ModelTextParse {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { ok: false, reason: 'syntax', detail: error instanceof Error ? error.message : String(error) };
  }
  if (value === null) return { ok: false, reason: 'not-object', kind: 'null' };
  if (Array.isArray(value)) return { ok: false, reason: 'not-object', kind: 'array' };
  if (typeof value === 'object') return { ok: true, model: value as ModelJson };
  return { ok: false, reason: 'not-object', kind: typeof value as 'string' | 'number' | 'boolean' };
}

/** The list keeps summaries only; a saved design's model stays in the database until it is opened. */
function summaryOf(design: DesignSummary | Design): DesignSummary {
  if (!('model' in design)) return design;
  const { model: _model, ...summary } = design;
  return summary;
}
const newestFirst = (a: DesignSummary, b: DesignSummary) =>
  b.updatedAt - a.updatedAt || a.name.localeCompare(b.name);

export type DesignSort = 'updated' | 'name' | 'macs' | 'params';

/** Biggest first for totals (designs without totals last), A→Z for names, newest first for dates. */
export function compareDesigns(sort: DesignSort): (a: DesignSummary, b: DesignSummary) => number {
  if (sort === 'name') return (a, b) => a.name.localeCompare(b.name) || b.updatedAt - a.updatedAt;
  if (sort === 'updated') return newestFirst;
  return (a, b) => (b.stats?.[sort] ?? -1) - (a.stats?.[sort] ?? -1) || a.name.localeCompare(b.name);
}

/** Case-insensitive name search and an optional tag, as the library's search box and tag filter apply them. */
export function filterDesigns(
  items: readonly DesignSummary[],
  search: string,
  tag: string | null,
): DesignSummary[] {
  const needle = search.trim().toLocaleLowerCase();
  return items.filter(
    (d) => (!needle || d.name.toLocaleLowerCase().includes(needle)) && (!tag || d.tags.includes(tag)),
  );
}

/** Saved designs: the list and the changes made to it. Each action answers with the API's Result. */
export const useDesignsStore = defineStore('designs', () => {
  const items = ref<DesignSummary[]>([]);
  const loading = ref(false);
  /** The backend's message when the list could not be loaded. */
  const loadError = ref<string | null>(null);
  /** Autosaved drafts by key (a design id, or "new"). */
  const drafts = ref<Record<string, Draft>>({});
  const search = ref('');
  const sort = ref<DesignSort>('updated');
  const tag = ref<string | null>(null);

  const visible = computed(() =>
    filterDesigns(items.value, search.value, tag.value).sort(compareDesigns(sort.value)),
  );
  const allTags = computed(() => [...new Set(items.value.flatMap((d) => d.tags))].sort());

  async function load(): Promise<void> {
    loading.value = true;
    const [result, draftList] = await Promise.all([api.designs.list({}), api.drafts.list({})]);
    loading.value = false;
    if (!result.ok) {
      loadError.value = result.error.message;
      return;
    }
    loadError.value = null;
    items.value = result.value.map(summaryOf).sort(newestFirst);
    if (draftList.ok) drafts.value = Object.fromEntries(draftList.value.map((d) => [d.key, d]));
  }

  /** Puts a saved or changed design at its place in the list (the newest first). */
  function upsert(design: DesignSummary | Design): void {
    const summary = summaryOf(design);
    items.value = [summary, ...items.value.filter((d) => d.id !== summary.id)].sort(newestFirst);
    const { [summary.id]: _gone, ...rest } = drafts.value;
    drafts.value = rest;
  }

  async function create(name: string, model: ModelJson): Promise<Result<Design>> {
    const result = await api.designs.save({ name, model });
    if (result.ok) upsert(result.value);
    return result;
  }

  async function rename(id: string, name: string): Promise<Result<DesignSummary>> {
    const result = await api.designs.rename({ id, name });
    if (result.ok) {
      const renamed = summaryOf(result.value);
      items.value = items.value.map((d) => (d.id === id ? renamed : d)).sort(newestFirst);
    }
    return result;
  }

  async function duplicate(id: string, name?: string): Promise<Result<Design>> {
    const result = await api.designs.duplicate(name === undefined ? { id } : { id, name });
    if (result.ok) upsert(result.value);
    return result;
  }

  async function setTags(id: string, tags: string[]): Promise<Result<DesignSummary>> {
    const result = await api.designs.tag({ id, tags });
    if (result.ok) items.value = items.value.map((d) => (d.id === id ? summaryOf(result.value) : d));
    return result;
  }

  async function remove(id: string): Promise<Result<{ id: string }>> {
    const result = await api.designs.delete({ id });
    if (result.ok) {
      items.value = items.value.filter((d) => d.id !== id);
      if (drafts.value[id]) await api.drafts.discard({ key: id });
    }
    return result;
  }

  return {
    items,
    loading,
    loadError,
    drafts,
    search,
    sort,
    tag,
    visible,
    allTags,
    load,
    upsert,
    create,
    rename,
    duplicate,
    setTags,
    remove,
  };
});
