import { createHash } from 'node:crypto';
import { html, Safe } from './html.ts';

/** Colours chosen for at least 4.5:1 against the white background (text #1b1f24 is 16:1, links #0b57d0 6.4:1, muted #4b5563 7.6:1). */
const CSS = `
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { margin: 0; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif; color: #1b1f24; background: #fff; }
header, main, footer { max-width: 64rem; margin: 0 auto; padding: 0 1rem; }
header { padding-top: 1rem; border-bottom: 1px solid #d0d7de; }
h1 { font-size: 1.6rem; margin: .25rem 0 .5rem; }
h2 { font-size: 1.25rem; margin: 2rem 0 .5rem; }
a { color: #0b57d0; }
a:focus-visible, button:focus-visible, input:focus-visible, select:focus-visible, summary:focus-visible {
  outline: 3px solid #b45309; outline-offset: 2px; }
.skip { position: absolute; left: -10000px; }
.skip:focus { position: static; }
nav ul { list-style: none; display: flex; flex-wrap: wrap; gap: 1rem; padding: 0; margin: .5rem 0; }
.muted { color: #4b5563; }
.boards { display: grid; grid-template-columns: repeat(auto-fit, minmax(16rem, 1fr)); gap: 1rem; }
table { border-collapse: collapse; width: 100%; }
caption { text-align: left; font-weight: 600; padding: .25rem 0; }
th, td { text-align: left; padding: .3rem .5rem; border-bottom: 1px solid #d0d7de; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
form { display: flex; flex-wrap: wrap; gap: .75rem; align-items: end; margin: .5rem 0 1rem; }
label { display: flex; flex-direction: column; font-weight: 600; font-size: .9rem; }
input, select, button { font: inherit; padding: .35rem .5rem; border: 1px solid #57606a; border-radius: 4px; background: #fff; color: #1b1f24; }
button { background: #0b57d0; color: #fff; border-color: #0b57d0; cursor: pointer; }
ol.results { padding-left: 1.25rem; }
ol.results li { margin: .5rem 0; }
.pager { display: flex; gap: 1.5rem; }
.heatmap { width: 100%; max-width: 48rem; height: auto; }
figure { margin: 0; }
dl.stats { display: grid; grid-template-columns: max-content 1fr; gap: .25rem 1rem; }
dl.stats dt { font-weight: 600; }
dl.stats dd { margin: 0; }
footer { margin-top: 3rem; padding-bottom: 2rem; font-size: .9rem; }
`;

/** The Content-Security-Policy of every page: no scripts at all, only this inline style. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  `style-src 'sha256-${createHash('sha256').update(CSS).digest('base64')}'`,
  "img-src 'self' data:",
  "form-action 'self'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** A whole HTML document: language, title, a skip link, the heading block and the main content. */
export function layout(options: { title: string; heading: Safe; main: Safe }): string {
  return `<!doctype html>${html`<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<meta name="robots" content="noindex, nofollow">
<title>${options.title}</title>
<style>${new Safe(CSS)}</style>
</head>
<body>
<a class="skip" href="#main">Skip to content</a>
<header>${options.heading}</header>
<main id="main" tabindex="-1">${options.main}</main>
<footer class="muted">mlq · daily machine-learning interview practice. This page works without JavaScript.</footer>
</body>
</html>`}`;
}
