/**
 * Builds the viewer into ONE self-contained HTML file (viz/dist/viewer.html): the script and the
 * stylesheet are inlined by the plugin below, so the page needs no network and no other file.
 * The CLI fills its data placeholder (viz/render.ts). Kept here, not at the repository root,
 * so vitest's own config stays in charge of the tests (STACK.md).
 */
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';

const here = fileURLToPath(new URL('.', import.meta.url));

/** `</script` inside inlined code would close the element early; `<\/script` is the same JS. */
const inlineSafe = (code: string): string => code.replace(/<\/(script)/gi, '<\\/$1');

function inlineEverything(): Plugin {
  return {
    name: 'iamgraph-inline',
    enforce: 'post',
    generateBundle(_options, bundle) {
      const html = Object.values(bundle).find((item) => item.type === 'asset' && item.fileName.endsWith('.html'));
      if (!html || html.type !== 'asset') return;
      let text = String(html.source);
      for (const [name, item] of Object.entries(bundle)) {
        if (item.type === 'chunk' && item.isEntry) {
          const tag = new RegExp(`<script[^>]*src="[^"]*${item.fileName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"[^>]*></script>`);
          if (!tag.test(text)) throw new Error(`viewer build: no script tag for ${item.fileName}`);
          text = text.replace(tag, () => `<script type="module">${inlineSafe(item.code)}</script>`);
          delete bundle[name];
        } else if (item.type === 'asset' && item.fileName.endsWith('.css')) {
          const tag = new RegExp(`<link[^>]*href="[^"]*${item.fileName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"[^>]*>`);
          text = text.replace(tag, () => `<style>${String(item.source).replace(/<\/(style)/gi, '<\\/$1')}</style>`);
          delete bundle[name];
        }
      }
      html.source = text;
    },
  };
}

export default defineConfig({
  root: here,
  base: './',
  logLevel: 'warn',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    assetsInlineLimit: Number.MAX_SAFE_INTEGER,
    cssCodeSplit: false,
    modulePreload: false,
    target: 'es2022',
    rollupOptions: { input: { viewer: `${here}viewer.html` } },
  },
  plugins: [inlineEverything()],
});
