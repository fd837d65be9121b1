import { runDemo } from './gradient-demos';

/** Runs gradient demos off the UI thread: one request, one answer, tagged with the caller's ticket. */
const scope = self as unknown as {
  onmessage: ((event: MessageEvent<{ id: string; ticket: number }>) => void) | null;
  postMessage(message: unknown): void;
};

scope.onmessage = (event) => {
  const { id, ticket } = event.data;
  try {
    scope.postMessage({ ticket, result: runDemo(id) });
  } catch (error) {
    scope.postMessage({ ticket, error: error instanceof Error ? error.message : String(error) });
  }
};
