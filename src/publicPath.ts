/**
 * Where webpack loads the lazy chunks from: beside main.js, wherever Zendesk serves assets/ from (an address not
 * known at build time). index.tsx imports this first, while main.js is still the document's current script;
 * this line does what webpack's `publicPath: 'auto'` would, without its runtime in every sidebar's bundle.
 */
const script = document.currentScript;
if (script instanceof HTMLScriptElement) __webpack_public_path__ = script.src.replace(/[^/]*$/, '');
