// The big packages the main-process code needs only when a file is written or read — Excel
// (exceljs), Word (docx), PDF post-processing (pdf-lib), about 2 MB of code together — are bundled
// each into its own file in a vendor/ folder beside the main bundles (dist/main/vendor/), instead of
// into every bundle. Node compiles a whole bundle file before running a line of it, so a start-up
// that carried them would pay for code the log-in screen never runs; the code imports them with
// import() where it uses them, and then the vendor file is required on first use.
//
// Any esbuild build of main-process code may use the plugin: it makes the bundle require
// vendor/<package>.js relative to itself and writes those files when the build ends. Bundles built
// without it (tests, the development server) carry the packages inline and behave the same.
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

// The packages are resolved from this repository's node_modules, wherever the build runs from.
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const requireFromRepo = createRequire(path.join(repoRoot, 'package.json'));

export const LAZY_PACKAGES = ['exceljs', 'docx', 'pdf-lib'];

// One build of each vendor file per folder and process: the app's bundles are built in parallel.
const vendorBuilds = new Map();

function buildVendorFolder(vendorDir, packages) {
  return Promise.all(
    packages.map((name) => {
      const outfile = path.join(vendorDir, `${name}.js`);
      if (!vendorBuilds.has(outfile)) {
        vendorBuilds.set(
          outfile,
          build({
            // Exactly what require(name) gives, so the bundles' import interop stays as if inline.
            stdin: { contents: `module.exports = require(${JSON.stringify(name)});`, resolveDir: repoRoot },
            outfile,
            bundle: true,
            platform: 'node',
            target: 'node20',
            format: 'cjs',
            logLevel: 'warning',
            legalComments: 'none',
          }),
        );
      }
      return vendorBuilds.get(outfile);
    }),
  );
}

/** The package's export names (and whether it is compiled ES module), read once from node_modules. */
function exportShape(name) {
  const real = requireFromRepo(name);
  return { names: Object.keys(real), esModule: real.__esModule === true };
}

/** A CommonJS module standing in for package `name`: its exports read through to `vendorFile` on first use. */
function lazyStandIn(name, vendorFile) {
  const { names, esModule } = exportShape(name);
  return [
    'let real;',
    `const load = () => (real ??= require(${JSON.stringify(vendorFile)}));`,
    ...(esModule ? ["Object.defineProperty(module.exports, '__esModule', { value: true });"] : []),
    `for (const name of ${JSON.stringify(names)})`,
    '  Object.defineProperty(module.exports, name, { enumerable: true, get: () => load()[name] });',
  ].join('\n');
}

/**
 * @param {{ vendorDir?: string, packages?: string[] }} [options] where the vendor files go; by
 *   default vendor/ beside the bundle (the command line's bundle in dist/cli/ passes
 *   dist/main/vendor/); which packages (by default LAZY_PACKAGES; the import's row reader thread
 *   adds zod, which it needs only to word a refused row).
 * @returns {import('esbuild').Plugin}
 */
export function lazyPackages(options = {}) {
  const packages = options.packages ?? LAZY_PACKAGES;
  return {
    name: 'lazy-packages',
    setup(pluginBuild) {
      const { outfile, outdir } = pluginBuild.initialOptions;
      const bundleDir = path.resolve(outdir ?? path.dirname(outfile));
      const vendorDir = path.resolve(options.vendorDir ?? path.join(bundleDir, 'vendor'));
      const fromBundle = path.relative(bundleDir, vendorDir).split(path.sep).join('/');
      const packageFilter = new RegExp(`^(${packages.map((name) => name.replace(/[-.]/g, '\\$&')).join('|')})$`);

      // `import … from 'exceljs'` becomes a small module of the bundle that requires the vendor file;
      // esbuild runs it when the importing code first runs (an import() on first use).
      // Marked free of side effects: a bundle that keeps no code using the package (the main process
      // keeps report building's imports but not its Word and Excel writers) drops the require too.
      pluginBuild.onResolve({ filter: packageFilter }, (args) => ({
        path: args.path,
        namespace: 'lazy-package',
        sideEffects: false,
      }));
      // esbuild requires a package where the importing module starts, not where it is used, so the
      // stand-in holds the package's export names as getters and requires the vendor file on the first
      // one read: a module that imports docx but builds no document (reportKinds.ts at start-up)
      // costs nothing.
      pluginBuild.onLoad({ filter: /.*/, namespace: 'lazy-package' }, (args) => ({
        contents: lazyStandIn(args.path, `./${fromBundle}/${args.path}.js`.replace(/^\.\/\.\.\//, '../')),
        loader: 'js',
      }));
      pluginBuild.onResolve({ filter: /.*/, namespace: 'lazy-package' }, (args) => ({
        path: args.path,
        external: true,
      }));
      pluginBuild.onEnd(async (result) => {
        if (result.errors.length === 0) await buildVendorFolder(vendorDir, packages);
      });
    },
  };
}
