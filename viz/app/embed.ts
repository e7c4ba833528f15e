/**
 * The viewer embedded in the HTML report (a sandboxed frame): the report's "Show in the graph"
 * links post `{ type: 'iamgraph:open', focus, target }`. Only messages from the embedding page are
 * read, and only as two strings; the caller checks they name nodes or targets of this graph.
 */
export function listenForOpen(open: (focus: string, target: string) => void): void {
  if (window.parent === window) return;
  window.addEventListener('message', (event) => {
    if (event.source !== window.parent) return;
    const m: unknown = event.data;
    if (typeof m !== 'object' || m === null) return;
    const { type, focus, target } = m as Record<string, unknown>;
    if (type === 'iamgraph:open' && typeof focus === 'string' && typeof target === 'string') open(focus, target);
  });
}

/**
 * Sigma needs a sized container. Inside a frame laid out late (the HTML report) wait for it: a
 * ResizeObserver, and a timer, because Chromium runs no rendering step (so no observer) for a
 * cross-origin frame that is off screen, and the graph must be drawn on open, not on scroll.
 */
export function whenSized(container: HTMLElement, then: (container: HTMLElement) => void): void {
  let done = false;
  const check = (): boolean => {
    if (done || container.offsetWidth === 0 || container.offsetHeight === 0) return done;
    done = true;
    observer.disconnect();
    then(container);
    return true;
  };
  const observer = new ResizeObserver(() => void check());
  if (check()) return;
  observer.observe(container);
  const poll = () => {
    if (!check()) setTimeout(poll, 50);
  };
  setTimeout(poll, 50);
}
