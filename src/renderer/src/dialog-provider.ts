/**
 * naive-ui's dialog provider (with the modal, dialog and card it brings) as a chunk of its own: only
 * pages use dialogs, so App.vue loads it beside the page's own chunk instead of in the entry.
 */
export { NDialogProvider } from 'naive-ui';
