/**
 * A webpack plugin that writes THIRD_PARTY_NOTICES.txt beside the bundle: every npm package any chunk
 * (the sidebar, the nav_bar page, the locales) actually bundles, with its version, licence and licence text.
 * Built from the compilation's own module list, so it cannot drift from what ships.
 */
const fs = require('node:fs');
const path = require('node:path');

const LICENCE_FILES = /^(licen[cs]e|copying|notice)(\.(md|txt))?$/i;

/**
 * The package a bundled file belongs to: the innermost `node_modules/<name>` (or `@scope/<name>`) with a
 * package.json. Files a package vendored into its own build (Garden's icons) count as that package's.
 */
function packageRootOf(resource) {
  const parts = resource.split(path.sep);
  for (
    let at = parts.lastIndexOf('node_modules');
    at !== -1;
    at = parts.lastIndexOf('node_modules', at - 1)
  ) {
    const nameParts = parts[at + 1]?.startsWith('@') ? 2 : 1;
    const root = parts.slice(0, at + 1 + nameParts).join(path.sep);
    if (fs.existsSync(path.join(root, 'package.json'))) return root;
    if (at === 0) break;
  }
  return null;
}

class ThirdPartyNoticesPlugin {
  constructor(filename = 'THIRD_PARTY_NOTICES.txt') {
    this.filename = filename;
  }

  apply(compiler) {
    compiler.hooks.thisCompilation.tap('ThirdPartyNoticesPlugin', (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: 'ThirdPartyNoticesPlugin', stage: compilation.constructor.PROCESS_ASSETS_STAGE_REPORT },
        () => {
          const roots = new Set();
          for (const module of compilation.modules) {
            const resource = module.resource ?? module.rootModule?.resource;
            const inner = module.modules ?? [];
            for (const file of [resource, ...inner.map((m) => m.resource)]) {
              const root = file ? packageRootOf(file) : null;
              if (root) roots.add(root);
            }
          }
          const entries = [...roots]
            .map((root) => {
              const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
              const licenceFile = fs.readdirSync(root).find((name) => LICENCE_FILES.test(name));
              const text = licenceFile ? fs.readFileSync(path.join(root, licenceFile), 'utf8').trim() : '';
              return { name: pkg.name, version: pkg.version, licence: pkg.license ?? 'UNKNOWN', text };
            })
            .filter(
              (entry, index, all) =>
                all.findIndex((e) => e.name === entry.name && e.version === entry.version) === index,
            )
            .sort((a, b) => a.name.localeCompare(b.name));
          const body = [
            'Third-party software bundled in Goalpost',
            '',
            ...entries.map((e) => `- ${e.name} ${e.version} (${e.licence})`),
            '',
            ...entries.flatMap((e) => [
              '='.repeat(72),
              `${e.name} ${e.version} — ${e.licence}`,
              '',
              e.text || '(no licence file in the package)',
              '',
            ]),
          ].join('\n');
          compilation.emitAsset(this.filename, new compiler.webpack.sources.RawSource(body));
        },
      );
    });
  }
}

module.exports = { ThirdPartyNoticesPlugin };
