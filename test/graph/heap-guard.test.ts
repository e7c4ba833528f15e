/** A graph that outgrows the heap stops with one line (exit 2 through the CLI's UserError), not V8's crash report. */
import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/errors.ts';
import { checkHeap } from '../../src/graph/context.ts';

describe('the heap guard of the graph build', () => {
  it('near the heap limit: a UserError naming the edges, the heap and what to do', () => {
    const call = () => checkHeap(1_310_720, { used: 3.8 * 2 ** 30, limit: 4 * 2 ** 30 });
    expect(call).toThrow(UserError);
    expect(call).toThrow(/^the graph outgrew the memory Node may use \(3,891 of 4,096 MiB at 1,310,720 edges\): run with NODE_OPTIONS=--max-old-space-size=/);
  });
  it('with room left: nothing', () => {
    expect(() => checkHeap(65_536, { used: 2 * 2 ** 30, limit: 4 * 2 ** 30 })).not.toThrow();
    expect(() => checkHeap(65_536)).not.toThrow();
  });
});
