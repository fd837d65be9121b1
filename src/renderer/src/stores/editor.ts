import { defineStore } from 'pinia';
import { computed, ref, shallowRef, watch } from 'vue';
import {
  analyzeModel,
  validateModel,
  type Dtype,
  type LayerCheckCache,
  type ModelAnalysis,
  type ModelIssue,
  type ModelSpec,
} from '../../../core';
import { api } from '../api';
import { createHistory } from '../designs/history';
import { issuesByLayer, sameJson } from '../designs/model-edit';
import { perfStart } from '../designs/perf';
import { modelRefusal, type Result } from '../../../shared/result';
import type { Design, DesignVersion, Draft, ModelJson } from '../../../shared/types';
import { formatModelText, parseModelText, useDesignsStore, type ModelTextParse } from './designs';

/** One empty map for every valid model, so that what reads the issues is not re-run by an edit. */
const NO_ISSUES = new Map<number | null, ModelIssue[]>();

/** The draft key of a design not saved yet. */
export const NEW_DRAFT_KEY = 'new';
/** Autosave waits this long after the last change, so typing is saved once per pause. */
export const AUTOSAVE_MS = 400;

/**
 * What the editor holds: the text typed in the JSON view (kept exactly as typed), or the model the layer
 * table and form made, whose text is written only when something reads it (the JSON view, a draft, an
 * export). Each is immutable: an edit makes a new one, sharing the unchanged layers.
 */
type Doc = { text: string; parse: ModelTextParse } | { model: ModelJson };
const textDoc = (text: string): Doc => ({ text, parse: parseModelText(text) });

/**
 * The open design: a text or model (`Doc`) that the layer table, the form and the JSON view all edit,
 * re-validated (only the layers that changed, validate-cache.ts) and re-analysed by the core on every
 * change, autosaved as a draft.
 */
export const useEditorStore = defineStore('editor', () => {
  const designs = useDesignsStore();
  const isOpen = ref(false);
  const designId = ref<string | null>(null);
  const name = ref('');
  /** The saved design's name as the library has it; the name box differs from it until the rename is saved. */
  const savedName = ref<string | null>(null);
  const tags = ref<string[]>([]);
  const doc = shallowRef<Doc>(textDoc(''));
  /** The model's JSON text: as typed in the JSON view, else written from the model when read. */
  const text = computed(() => ('text' in doc.value ? doc.value.text : formatModelText(doc.value.model)));
  /** The text last saved as a design version; differs from `text` while there are unsaved changes. */
  const savedText = ref<string | null>(null);
  /** The model of `savedText`, compared with an edited model without writing the model's text. */
  const savedModel = shallowRef<ModelJson | null>(null);
  const convention = ref<'macs' | 'flops'>('flops');
  const dtype = ref<Dtype>('fp32');
  const draftStatus = ref<'idle' | 'saving' | 'saved' | 'error'>('idle');
  const draftError = ref<string | null>(null);
  /** A draft found when opening, newer than what was saved: offered to the user, never applied silently. */
  const pendingDraft = ref<Draft | null>(null);
  const versions = ref<DesignVersion[]>([]);
  const history = createHistory<Doc>(doc.value);
  const [canUndo, canRedo] = [ref(false), ref(false)];

  const parsed = computed<ModelTextParse>(() =>
    'text' in doc.value ? doc.value.parse : { ok: true, model: doc.value.model },
  );
  const model = computed<ModelJson | null>(() => (parsed.value.ok ? parsed.value.model : null));
  /** Layers checked before: an edit re-checks the layers it made, not all of them (docs never change). */
  const checked: LayerCheckCache = new WeakMap();
  /**
   * The convention and dtype last shown: validation analyses with them in its own walk of the graph (one
   * walk on open and per edit) without depending on them, so a switch re-analyses and does not re-validate.
   */
  let shownWith = { convention: convention.value, dtype: dtype.value };
  const validation = computed(() => (model.value ? validateModel(model.value, checked, shownWith) : null));
  const issues = computed(() =>
    model.value && validation.value && !validation.value.ok
      ? issuesByLayer(model.value, validation.value.errors)
      : NO_ISSUES,
  );
  /**
   * The last analysis of a valid model, kept on screen (marked stale) while the text is invalid.
   * `generation` changes when another design is loaded, so one design's analysis never shows for another.
   */
  const generation = ref(0);
  let lastGood: { generation: number; analysis: ModelAnalysis } | null = null;
  const analysis = computed<ModelAnalysis | null>(() => {
    const v = validation.value;
    if (!v || !v.ok) return null;
    shownWith = { convention: convention.value, dtype: dtype.value };
    try {
      const o = v.analysis?.options;
      const same = o?.convention === shownWith.convention && o.dtype === shownWith.dtype;
      const a = same && v.analysis ? v.analysis : analyzeModel(v.model, shownWith);
      lastGood = { generation: generation.value, analysis: a };
      return a;
    } catch {
      // validateModel already ran the same evaluation; a throw here would be a core fault, shown as no analysis.
      return null;
    }
  });
  const shownAnalysis = computed<ModelAnalysis | null>(() => {
    const a = analysis.value;
    const g = generation.value;
    return a ?? (lastGood?.generation === g ? lastGood.analysis : null);
  });
  const stale = computed(() => analysis.value === null && shownAnalysis.value !== null);
  /** A saved design whose name box holds another (non-empty) name: saved as a rename after a pause. */
  const nameChanged = computed(
    () => designId.value !== null && name.value.trim() !== '' && name.value.trim() !== savedName.value,
  );
  /** The text differs from the saved one (an edited model is compared layer by layer, not as text). */
  const textChanged = computed(() => {
    const d = doc.value;
    if (savedText.value === null) return true;
    if ('text' in d) return d.text !== savedText.value;
    return savedModel.value ? !sameJson(d.model, savedModel.value) : text.value !== savedText.value;
  });
  const dirty = computed(() => isOpen.value && (textChanged.value || nameChanged.value));
  const draftKey = computed(() => designId.value ?? NEW_DRAFT_KEY);

  function syncHistoryFlags() {
    canUndo.value = history.canUndo();
    canRedo.value = history.canRedo();
  }

  function load(next: {
    id: string | null;
    name: string;
    tags: string[];
    text: string;
    saved: string | null;
    /** The model of `text`, when it was made from one. */
    model?: ModelJson;
  }) {
    designId.value = next.id;
    name.value = next.name;
    savedName.value = next.id === null ? null : next.name;
    tags.value = next.tags;
    savedText.value = next.saved;
    generation.value++;
    doc.value = next.model ? { model: next.model } : textDoc(next.text);
    savedModel.value = next.saved !== null && next.model ? next.model : null;
    history.reset(doc.value);
    pendingDraft.value = null;
    versions.value = [];
    isOpen.value = true;
    syncHistoryFlags();
  }

  /** A change from the JSON view: successive keystrokes coalesce into one undo step. */
  function setText(next: string) {
    if (next === text.value) return;
    perfStart('designs:edit');
    doc.value = textDoc(next);
    history.push(doc.value, 'text');
    syncHistoryFlags();
  }

  /**
   * A change from the layer table or form; `group` coalesces repeated edits of one field. The model is
   * taken as it is (never changed afterwards); its text is written only when read.
   */
  function applyModel(next: ModelJson, group?: string) {
    perfStart('designs:edit');
    doc.value = { model: next };
    history.push(doc.value, group);
    syncHistoryFlags();
  }

  function undo() {
    const d = history.undo();
    if (d !== undefined) {
      perfStart('designs:edit');
      doc.value = d;
    }
    syncHistoryFlags();
  }

  function redo() {
    const d = history.redo();
    if (d !== undefined) {
      perfStart('designs:edit');
      doc.value = d;
    }
    syncHistoryFlags();
  }

  /** Starts an unsaved design (scratch, zoo, imported file or ONNX). */
  function startNew(designName: string, m: ModelJson) {
    load({ id: null, name: designName, tags: [], text: formatModelText(m), saved: null, model: m });
    scheduleDraft();
  }

  async function open(id: string): Promise<Result<Design>> {
    perfStart('designs:open');
    // The design and its draft are asked for together: the editor shows once both have come.
    const draftRequest = api.drafts.get({ key: id });
    const result = await api.designs.get({ id });
    if (!result.ok) return result;
    const d = result.value;
    const t = formatModelText(d.model);
    load({ id: d.id, name: d.name, tags: d.tags, text: t, saved: t, model: d.model });
    const draft = await draftRequest;
    if (draft.ok && draft.value && draft.value.content !== t) pendingDraft.value = draft.value;
    return result;
  }

  /** Opens the unsaved new design left in a draft (after a crash or a closed window). */
  function resumeDraft(draft: Draft) {
    load({
      id: draft.key === NEW_DRAFT_KEY ? null : draft.key,
      name: draft.name,
      tags: [],
      text: draft.content,
      saved: null,
    });
  }

  function applyPendingDraft() {
    const draft = pendingDraft.value;
    if (!draft) return;
    pendingDraft.value = null;
    setText(draft.content);
  }

  async function discardPendingDraft() {
    const draft = pendingDraft.value;
    pendingDraft.value = null;
    if (draft) await api.drafts.discard({ key: draft.key });
  }

  let timer: ReturnType<typeof setTimeout> | null = null;
  function scheduleDraft() {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => void flushDraft(), AUTOSAVE_MS);
  }

  /**
   * Saves a name typed into the name box of a saved design, as the library's Rename does (no new
   * version). A refused name stays in the box and the status says why.
   */
  async function saveName(): Promise<void> {
    if (renameTimer) {
      clearTimeout(renameTimer);
      renameTimer = null;
    }
    if (!isOpen.value || !nameChanged.value || designId.value === null) return;
    const wanted = name.value.trim();
    const result = await designs.rename(designId.value, wanted);
    if (result.ok) {
      savedName.value = result.value.name;
      if (name.value.trim() === wanted) name.value = result.value.name;
      draftError.value = null;
      if (draftStatus.value === 'error') draftStatus.value = 'idle';
    } else {
      draftStatus.value = 'error';
      draftError.value = result.error.message;
    }
  }
  let renameTimer: ReturnType<typeof setTimeout> | null = null;
  watch(name, () => {
    if (renameTimer) clearTimeout(renameTimer);
    renameTimer = nameChanged.value ? setTimeout(() => void saveName(), AUTOSAVE_MS) : null;
  });

  /** Saves the text as the draft, and a typed name, now (also called before leaving the page). */
  async function flushDraft(): Promise<void> {
    if (timer) {
      clearTimeout(timer);
      timer = null;
    }
    await saveName();
    if (!isOpen.value || !textChanged.value) return;
    draftStatus.value = 'saving';
    const result = await api.drafts.save({ key: draftKey.value, name: name.value, content: text.value });
    draftStatus.value = result.ok ? 'saved' : 'error';
    draftError.value = result.ok ? null : result.error.message;
  }
  watch([doc, name], () => {
    if (isOpen.value && textChanged.value) scheduleDraft();
  });

  /** Saves a new version; only a model the core accepts can be saved (the backend checks again). */
  async function save(): Promise<Result<Design>> {
    const v = validation.value;
    if (!v || !v.ok || !model.value) {
      const message = !parsed.value.ok
        ? 'the text is not a JSON model'
        : ((v && !v.ok ? v.errors[0]?.message : undefined) ?? 'the model is not valid');
      const refusal = v && !v.ok ? { refusal: modelRefusal(v.errors) } : {};
      return { ok: false, error: { code: 'invalid_model', message, ...refusal } };
    }
    if (timer) clearTimeout(timer);
    const wasNew = designId.value === null;
    const result = await api.designs.save({
      id: designId.value ?? undefined,
      name: name.value.trim() || 'Untitled design',
      model: model.value,
      tags: tags.value,
    });
    if (!result.ok) return result;
    designId.value = result.value.id;
    name.value = result.value.name;
    savedName.value = result.value.name;
    savedText.value = text.value;
    savedModel.value = model.value;
    designs.upsert(result.value);
    await api.drafts.discard({ key: result.value.id });
    if (wasNew) await api.drafts.discard({ key: NEW_DRAFT_KEY });
    draftStatus.value = 'idle';
    if (versions.value.length > 0) await loadVersions();
    return result;
  }

  async function loadVersions(): Promise<Result<DesignVersion[]>> {
    if (!designId.value) return { ok: true, value: [] };
    const result = await api.designs.versions({ id: designId.value });
    if (result.ok) versions.value = result.value;
    return result;
  }

  async function versionModel(versionId: number): Promise<Result<DesignVersion & { model: ModelJson }>> {
    if (!designId.value)
      return { ok: false, error: { code: 'not_found', message: 'the design is not saved yet' } };
    return api.designs.version({ id: designId.value, versionId });
  }

  /** Makes an older version current (a new save on the backend) and loads it into the editor. */
  async function restoreVersion(versionId: number): Promise<Result<Design>> {
    if (!designId.value)
      return { ok: false, error: { code: 'not_found', message: 'the design is not saved yet' } };
    const result = await api.designs.restore({ id: designId.value, versionId });
    if (!result.ok) return result;
    const t = formatModelText(result.value.model);
    perfStart('designs:edit');
    savedModel.value = result.value.model;
    savedText.value = t;
    doc.value = { model: result.value.model };
    history.push(doc.value);
    syncHistoryFlags();
    designs.upsert(result.value);
    await loadVersions();
    return result;
  }

  function close() {
    void flushDraft();
    isOpen.value = false;
    designId.value = null;
    generation.value++;
  }

  const validModel = computed<ModelSpec | null>(() => (validation.value?.ok ? validation.value.model : null));

  return {
    isOpen,
    designId,
    name,
    savedName,
    tags,
    text,
    savedText,
    convention,
    dtype,
    draftStatus,
    draftError,
    pendingDraft,
    versions,
    canUndo,
    canRedo,
    parsed,
    model,
    validation,
    validModel,
    issues,
    analysis,
    shownAnalysis,
    stale,
    dirty,
    setText,
    applyModel,
    undo,
    redo,
    startNew,
    open,
    resumeDraft,
    applyPendingDraft,
    discardPendingDraft,
    flushDraft,
    saveName,
    save,
    loadVersions,
    versionModel,
    restoreVersion,
    close,
  };
});
