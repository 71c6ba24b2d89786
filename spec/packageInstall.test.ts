import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import semver from 'semver';

interface LockPackage {
  engines?: { node?: string };
  optional?: boolean;
  os?: string[];
  cpu?: string[];
}

const root = join(__dirname, '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  engines: { node: string };
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};
const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8')) as {
  packages: Record<string, LockPackage>;
};

describe('an install any machine reproduces', () => {
  it('declares a Node range every locked package accepts, at each end of each line', () => {
    const range = pkg.engines.node;
    // The lowest and a recent version of every line the range allows.
    const versions = ['20.19.0', '20.20.2', '22.13.0', '22.20.0', '24.0.0', '25.2.0'].filter((v) =>
      semver.satisfies(v, range),
    );
    expect(versions.length).toBeGreaterThanOrEqual(4);
    const refused = Object.entries(lock.packages).flatMap(([path, info]) => {
      const wanted = info.engines?.node;
      if (!path || !wanted) return [];
      return versions
        .filter((v) => !semver.satisfies(v, wanted))
        .map((v) => `${path} (${wanted}) refuses ${v}`);
    });
    expect(refused).toEqual([]);
  });

  it('locks the optional native packages of other platforms too, so npm ci works on macOS, Windows and arm64', () => {
    const platforms = Object.values(lock.packages).flatMap((info) => [
      ...(info.os ?? []),
      ...(info.cpu ?? []),
    ]);
    for (const platform of ['darwin', 'win32', 'linux', 'arm64', 'x64'])
      expect(platforms).toContain(platform);
  });

  it('locks exactly the declared dependencies', () => {
    const declared = { ...pkg.dependencies, ...pkg.devDependencies };
    const locked = lock.packages[''] as {
      dependencies?: Record<string, string>;
      devDependencies?: Record<string, string>;
    };
    expect({ ...locked.dependencies, ...locked.devDependencies }).toEqual(declared);
  });
});
