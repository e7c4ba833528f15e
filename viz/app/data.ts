/** Reads the payload the CLI put into the page (viz/render.ts); null when the page was opened unfilled. */
import { PAYLOAD_VERSION, type ViewerPayload } from '../payload.ts';

export function readPayload(doc: Document = document): ViewerPayload | null {
  const text = doc.getElementById('iamgraph-data')?.textContent ?? '';
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof data !== 'object' || data === null || (data as ViewerPayload).version !== PAYLOAD_VERSION) return null;
  return data as ViewerPayload;
}
